import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../events/normalize.ts';
import type { GroundTruth } from './ground-truth.ts';
import { generateSubscriptionWorld, SubscriptionWorld } from './subscription-world.ts';
import { WORLD_END_MS, WORLD_START_MS } from './world-calendar.ts';

interface Message {
  type: string;
  messageId: string;
  userId?: string;
  anonymousId?: string;
  event?: string;
  timestamp: string;
  context?: { channel?: string };
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
}

function generate(customers: number, seed: number): { lines: string[]; truth: GroundTruth } {
  const lines: string[] = [];
  const truth = generateSubscriptionWorld({ customers, seed }, (line) => lines.push(line));
  return { lines, truth };
}

const world = generate(1500, 3);
const messages: Message[] = world.lines.map((line) => JSON.parse(line));
const tracks = messages.filter((m) => m.type === 'track');
const contacts = tracks.filter((m) => m.event === 'Contact Completed');

function countBy<T>(items: T[], key: (item: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

describe('subscription world', () => {
  it('is the same for the same seed, line for line, and different for another seed', () => {
    const again = generate(1500, 3);
    expect(again.lines).toEqual(world.lines);
    expect(again.truth).toEqual(world.truth);
    expect(generate(1500, 4).lines.slice(0, 200)).not.toEqual(world.lines.slice(0, 200));
  });

  it('gives the same lines whether run in one go or day by day', () => {
    const lines: string[] = [];
    const stepwise = new SubscriptionWorld({ customers: 1500, seed: 3 });
    let days = 0;
    while (!stepwise.done) {
      stepwise.simulateNextDay((line) => lines.push(line));
      days++;
    }
    expect(days).toBe(85);
    expect(lines).toEqual(world.lines);
  });

  it('writes only messages the real validator accepts, inside the twelve weeks', () => {
    for (const line of world.lines) {
      const result = normalizeMessage(JSON.parse(line), { receivedAtMs: 0 });
      if (!result.ok) throw new Error(`${line}: ${JSON.stringify(result.errors)}`);
      expect(result.event.timestampMs).toBeGreaterThanOrEqual(WORLD_START_MS);
      expect(result.event.timestampMs).toBeLessThan(WORLD_END_MS);
    }
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
    for (const m of tracks) expect(m.context?.channel).toBeDefined();
  });

  it('keeps each customer in time order, with some events sharing a timestamp', () => {
    const last = new Map<string, string>();
    let shared = 0;
    for (const m of messages) {
      const customer = m.messageId.split('-')[1] as string;
      const previous = last.get(customer);
      if (previous !== undefined) {
        expect(m.timestamp >= previous).toBe(true);
        if (m.timestamp === previous) shared++;
      }
      last.set(customer, m.timestamp);
    }
    expect(last.size).toBe(1500);
    expect(shared).toBeGreaterThan(100);
  });

  it('counts in the ground truth are the counts in the messages', () => {
    const { truth } = world;
    expect(truth.messages.total).toBe(messages.length);
    expect(truth.activities).toEqual(countBy(tracks, (m) => m.event));
    expect(truth.contacts.total).toBe(contacts.length);
    expect(truth.contacts.byReason).toMatchObject(countBy(contacts, (m) => m.properties?.reason as string));
    expect(truth.contacts.byMedium).toEqual(countBy(contacts, (m) => m.properties?.medium as string));
    const nps = tracks.filter((m) => m.event === 'Survey Answered' && m.properties?.survey === 'nps');
    expect(truth.surveys.nps.answers).toBe(nps.length);
    expect(truth.surveys.nps.promoters).toBe(nps.filter((m) => (m.properties?.score as number) >= 9).length);
    const identified = new Set(messages.filter((m) => m.type === 'identify').map((m) => m.userId));
    const leads = [...identified].filter((id) => id?.startsWith('lead-'));
    expect(truth.population.identified).toBe(identified.size - leads.length);
    expect(truth.population.storeLeads).toBe(leads.length);
  });

  it('store leads share one e-mail address or phone number with the customer they become, and no one else does', () => {
    const { linkedByTrait } = world.truth.population;
    const owners = new Map<string, Set<string>>();
    for (const m of messages.filter((m) => m.type === 'identify')) {
      for (const trait of ['email', 'phone'] as const) {
        const value = m.traits?.[trait];
        if (typeof value !== 'string') continue;
        const key = `${trait}:${value}`;
        owners.set(key, (owners.get(key) ?? new Set()).add(m.userId as string));
      }
    }
    const shared = [...owners.entries()].filter(([, ids]) => ids.size > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [, ids] of shared) {
      expect(ids.size).toBe(2);
      const [a, b] = [...ids].sort() as [string, string];
      expect(a.replace('cust-', '')).toBe(b.replace('lead-', ''));
    }
    const byTrait = (trait: string) => shared.filter(([key]) => key.startsWith(`${trait}:`)).length;
    expect({ email: byTrait('email'), phone: byTrait('phone') }).toEqual(linkedByTrait);
  });

  it('stitches: every anonymous id that ever gets a userId gets it from a message carrying both', () => {
    const linked = new Set(messages.filter((m) => m.userId && m.anonymousId).map((m) => m.anonymousId));
    const anonymousOnly = new Set(messages.filter((m) => !m.userId).map((m) => m.anonymousId));
    const prospectsWhoSignedUp = [...anonymousOnly].filter((id) => linked.has(id));
    expect(prospectsWhoSignedUp.length).toBeGreaterThan(50);
    // Second devices of existing subscribers: browse anonymously, then sign in.
    expect([...linked].some((id) => id?.endsWith('-2'))).toBe(true);
  });

  it('contacts carry the reserved properties, and the transcript says what happened', () => {
    for (const m of contacts) {
      const p = m.properties as Record<string, unknown>;
      expect(p).toMatchObject({
        contactId: expect.any(String),
        medium: expect.any(String),
        reason: expect.any(String),
      });
      for (const field of ['ivrSeconds', 'queueSeconds', 'talkSeconds', 'holdSeconds', 'wrapSeconds', 'transfers']) {
        expect(Number.isInteger(p[field])).toBe(true);
      }
      if (p.medium === 'callback') {
        expect(p.callbackWaitSeconds).toBeGreaterThan(0);
        expect(p.queueSeconds).toBeGreaterThanOrEqual(p.callbackWaitSeconds as number);
      }
      // Abandoned before any agent (a transferred call can be abandoned in its second queue).
      if (p.outcome === 'abandoned' && p.transfers === 0) expect(p.talkSeconds).toBe(0);
      if (p.agentId !== undefined) {
        expect(p.transcript).toEqual(expect.any(String));
        if ((p.transfers as number) > 0) expect(p.transcript).toMatch(/transfer|put you through/);
        // A callback's queue time runs on while it waits off the line; the caller complains only of the wait on the line.
        const onTheLine = (p.queueSeconds as number) - ((p.callbackWaitSeconds as number | undefined) ?? 0);
        if (onTheLine >= 300 && p.medium !== 'email') expect(p.transcript).toMatch(/waiting \d+ minutes/);
        if (p.reason === 'pause_subscription') expect(p.transcript).toMatch(/pause/i);
      }
    }
    const paused = tracks.filter((m) => m.event === 'Subscription Paused');
    expect(paused.length).toBeGreaterThan(0);
    for (const m of paused) expect(m.context?.channel).toBe('phone');
  });

  it('plants the friction it says it planted', () => {
    const friction = Object.fromEntries(world.truth.friction.map((f) => [f.id, f.measured]));
    const payment = friction.amex_payment_failure as {
      failureRateByCard: Record<string, number>;
      failureRateOtherCards: number;
    };
    expect(payment.failureRateByCard.amex).toBeGreaterThan(0.25);
    expect(payment.failureRateOtherCards).toBeLessThan(0.08);
    const pause = friction.pause_not_self_service as { shareOfCalls: number; contacts: number };
    expect(pause.shareOfCalls).toBeGreaterThan(0.05);
    const refund = friction.refund_transfers as { refundTransferredShare: number; otherTransferredShare: number };
    expect(refund.refundTransferredShare).toBeGreaterThan(3 * refund.otherTransferredShare);
  });

  it('shows the Monday-morning understaffing of billing in its ASA and abandonment (50k customers)', () => {
    const truth = generateSubscriptionWorld({ customers: 50_000, seed: 1 }, () => {});
    const monday = truth.friction.find((f) => f.id === 'monday_morning_billing_understaffed');
    const planted = monday?.planted as { plannedAgents: number[]; agentsOnDuty: number[] };
    expect(planted.agentsOnDuty.every((onDuty, i) => onDuty < (planted.plannedAgents[i] as number))).toBe(true);
    const measured = monday?.measured as {
      mondayMorning: { asaSeconds: number; abandonRate: number; offered: number };
    } & {
      otherTimes: { asaSeconds: number; abandonRate: number };
    };
    expect(measured.mondayMorning.offered).toBeGreaterThan(50);
    expect(measured.mondayMorning.asaSeconds).toBeGreaterThan(3 * measured.otherTimes.asaSeconds);
    expect(measured.mondayMorning.abandonRate).toBeGreaterThan(2 * measured.otherTimes.abandonRate);
  });
});
