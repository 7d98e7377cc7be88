import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random.ts';
import { Scheduler } from '../scheduler.ts';
import { HOUR_MS, SECOND_MS, WEEK_HOURS, WORLD_START_MS } from '../world-calendar.ts';
import { type AgentLeg, Contact } from './contact.ts';
import { ContactCentre } from './queue-simulation.ts';
import { BILLING, CARE, QUEUES } from './queues.ts';
import type { StaffingPlan } from './staffing.ts';

interface Scenario {
  /** Agents on duty in BILLING per hour of the week (others get none). */
  agentsByHour: (hourOfWeek: number) => number;
  /** Calls per hour arriving at BILLING, by hour of the week. */
  arrivalsByHour: (hourOfWeek: number) => number;
  hours: number;
  talkSeconds?: number;
  patienceSeconds?: number;
  acceptsCallback?: boolean;
  /** Transfer every call from BILLING to CARE. */
  transfer?: boolean;
}

/** Runs the contact centre alone on Poisson arrivals and returns every finished contact. */
function simulate(scenario: Scenario): Contact[] {
  const random = seededRandom(42);
  const plan = QUEUES.map((_, q) => {
    const agents = new Int32Array(WEEK_HOURS);
    for (let h = 0; h < WEEK_HOURS; h++) agents[h] = q === BILLING ? scenario.agentsByHour(h) : q === CARE ? 2 : 0;
    return agents;
  });
  const staffing: StaffingPlan = { agents: plan, plannedAgents: plan };
  const scheduler = new Scheduler();
  const finished: Contact[] = [];
  const centre = new ContactCentre(scheduler, staffing, {
    planLeg: (contact: Contact, queue: number): AgentLeg => ({
      talkSeconds: Math.max(30, Math.round(-Math.log(1 - random()) * (scenario.talkSeconds ?? 300))),
      holdSeconds: 0,
      wrapSeconds: 30,
      transferTo: scenario.transfer === true && queue === BILLING && contact.transfers === 0 ? CARE : -1,
    }),
    finished: (contact) => finished.push(contact),
  });
  centre.open(WORLD_START_MS);
  let id = 0;
  for (let hour = 0; hour < scenario.hours; hour++) {
    const rate = scenario.arrivalsByHour(hour % WEEK_HOURS);
    let t = WORLD_START_MS + hour * HOUR_MS;
    for (;;) {
      t += Math.ceil((-Math.log(1 - random()) * HOUR_MS) / rate / SECOND_MS) * SECOND_MS;
      if (!(rate > 0) || t >= WORLD_START_MS + (hour + 1) * HOUR_MS) break;
      const patience = Math.max(10, -Math.log(1 - random()) * (scenario.patienceSeconds ?? 300));
      const contact = new Contact(++id, 0, 0, 'call', t, 1, patience, scenario.acceptsCallback ?? false);
      centre.arriveAt(contact, BILLING, t);
    }
  }
  while (scheduler.take()) {
    if (scheduler.nowMs > WORLD_START_MS + (scenario.hours + 48) * HOUR_MS) break;
    centre.handle(scheduler.kind, scheduler.id, scheduler.nowMs);
  }
  return finished;
}

function asaSeconds(contacts: Contact[]): number {
  const answered = contacts.filter((c) => c.outcome !== 'abandoned');
  return answered.reduce((sum, c) => sum + c.queueSeconds, 0) / answered.length;
}

function abandonRate(contacts: Contact[]): number {
  return contacts.filter((c) => c.outcome === 'abandoned').length / contacts.length;
}

describe('contact-centre queue simulation', () => {
  const twoAgents = () => 2;

  it('waits grow as arrivals approach and pass what the agents can take', () => {
    // Two agents, 330 s per call each: capacity about 21.8 calls an hour.
    const light = simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 6, hours: 200 });
    const busy = simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 18, hours: 200 });
    const overloaded = simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 30, hours: 200 });
    expect(asaSeconds(light)).toBeLessThan(30);
    expect(asaSeconds(busy)).toBeGreaterThan(2 * asaSeconds(light));
    expect(asaSeconds(overloaded)).toBeGreaterThan(asaSeconds(busy));
  });

  it('abandonment rises with the wait', () => {
    const light = simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 6, hours: 200 });
    const overloaded = simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 30, hours: 200 });
    expect(abandonRate(light)).toBeLessThan(0.05);
    expect(abandonRate(overloaded)).toBeGreaterThan(0.25);
    // Those who abandoned waited as long as their patience, never longer.
    for (const c of overloaded.filter((x) => x.outcome === 'abandoned')) {
      expect(c.queueSeconds).toBeLessThanOrEqual(Math.round(c.patienceSeconds));
      expect(c.agentSlot).toBe(-1);
    }
  });

  it('fewer agents in some hours give longer waits in those hours only', () => {
    const mondayMorning = (h: number) => h >= 8 && h < 11;
    const contacts = simulate({
      agentsByHour: (h) => (mondayMorning(h) ? 1 : 3),
      arrivalsByHour: (h) => (h % 24 >= 8 && h % 24 < 20 ? 14 : 0),
      hours: WEEK_HOURS * 4,
    });
    const inWindow = contacts.filter((c) =>
      mondayMorning(Math.floor((c.startMs - WORLD_START_MS) / HOUR_MS) % WEEK_HOURS),
    );
    const outside = contacts.filter((c) => !inWindow.includes(c));
    expect(asaSeconds(inWindow)).toBeGreaterThan(4 * asaSeconds(outside));
    expect(abandonRate(inWindow)).toBeGreaterThan(3 * abandonRate(outside));
  });

  it('nobody is answered while no agent is on duty; waiting callers are taken when agents log in', () => {
    const contacts = simulate({
      agentsByHour: (h) => (h >= 10 ? 2 : 0),
      arrivalsByHour: (h) => (h === 9 ? 6 : 0),
      hours: 24,
      patienceSeconds: 100_000,
    });
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts) {
      expect(c.outcome).not.toBe('abandoned');
      expect(c.startMs + c.queueSeconds * SECOND_MS).toBeGreaterThanOrEqual(WORLD_START_MS + 10 * HOUR_MS);
    }
  });

  it('offers callbacks when the wait is long; a callback waits off the line and never abandons', () => {
    const contacts = simulate({
      agentsByHour: () => 1,
      arrivalsByHour: () => 20,
      hours: 24,
      acceptsCallback: true,
      patienceSeconds: 60,
    });
    const callbacks = contacts.filter((c) => c.callback);
    expect(callbacks.length).toBeGreaterThan(0);
    for (const c of callbacks) {
      expect(c.outcome).not.toBe('abandoned');
      expect(c.callbackWaitSeconds).toBeGreaterThan(0);
    }
  });

  it('a transfer queues the contact again in the other queue, and both waits count', () => {
    const contacts = simulate({ agentsByHour: () => 2, arrivalsByHour: () => 10, hours: 48, transfer: true });
    const answered = contacts.filter((c) => c.outcome !== 'abandoned');
    expect(answered.length).toBeGreaterThan(0);
    for (const c of answered) {
      expect(c.transfers).toBe(1);
      expect(c.queues).toEqual([BILLING, CARE]);
      expect(c.agentQueue).toBe(CARE);
    }
  });

  it('is the same every run', () => {
    const run = () =>
      simulate({ agentsByHour: twoAgents, arrivalsByHour: () => 20, hours: 100 }).map((c) => [
        c.id,
        c.queueSeconds,
        c.outcome,
        c.agentSlot,
      ]);
    expect(run()).toEqual(run());
  });
});
