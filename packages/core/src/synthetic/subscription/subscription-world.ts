import { dayFromCumulative, prospectArrivalCumulative } from './campaigns.ts';
import type { Contact } from './contact-centre/contact.ts';
import { CUSTOMER_STEP } from './contact-centre/event-kinds.ts';
import { ContactCentre } from './contact-centre/queue-simulation.ts';
import { type StaffingPlan, staffingPlan } from './contact-centre/staffing.ts';
import { CustomerRandom } from './customer-random.ts';
import {
  ACTIVATE,
  BROWSE,
  BROWSING,
  CHECK_OUT,
  CustomerState,
  GET_IN_TOUCH,
  IDENTIFIED,
  LIVE,
  RESUME,
  SECOND_DEVICE,
  SUBSCRIBED_AT_START,
} from './customer-state.ts';
import { type GroundTruth, groundTruthOf } from './ground-truth.ts';
import { TruthCounters } from './ground-truth-counters.ts';
import { contactEnded } from './journey/contact-completed.ts';
import { getInTouch, planLeg } from './journey/contacts.ts';
import { type JourneyContext, wake } from './journey/context.ts';
import { activate, browse, checkOut } from './journey/prospect.ts';
import { live, resume, startSubscribed } from './journey/subscriber.ts';
import { MessageWriter } from './messages.ts';
import { PERSONA_SHARES, PERSONAS } from './personas.ts';
import { Scheduler } from './scheduler.ts';
import {
  DAY_MS,
  DIGITAL_HOUR_WEIGHTS,
  DIGITAL_WEEKDAY_WEIGHTS,
  timeOnDay,
  WORLD_DAYS,
  WORLD_END_MS,
  WORLD_START_MS,
} from './world-calendar.ts';

export interface SubscriptionWorldOptions {
  customers: number;
  seed: number;
}

/**
 * A home-internet subscription business over twelve weeks, simulated day by day: customers
 * (prospects and subscribers, five personas) act on their own seeded random streams, and
 * meet in one contact centre whose queues, agents and waits they share.
 *
 * Memory holds the customers' state as typed arrays (tens of bytes each) and the contacts in
 * progress; messages leave through `emit` as they are made, one simulated day per call.
 * The same options give the same lines, byte for byte.
 *
 * @example
 * const world = new SubscriptionWorld({ customers: 10_000, seed: 1 });
 * while (!world.done) world.simulateNextDay((line) => out.push(line));
 * const truth = world.groundTruth();
 */
export class SubscriptionWorld {
  readonly staffing: StaffingPlan;
  private readonly context: JourneyContext;
  private readonly scheduler = new Scheduler(WORLD_START_MS, DAY_MS);
  private readonly writer: MessageWriter;
  private readonly centre: ContactCentre;
  private day = 0;
  private contacts = 0;

  constructor(readonly options: SubscriptionWorldOptions) {
    const { customers, seed } = options;
    if (!Number.isInteger(customers) || customers < 1)
      throw new Error(`customers: expected a positive integer, got ${customers}`);
    this.staffing = staffingPlan(customers);
    this.writer = new MessageWriter(customers, seed);
    const truth = new TruthCounters();
    const state = new CustomerState(customers);
    const random = new CustomerRandom(customers, seed);
    this.centre = new ContactCentre(this.scheduler, this.staffing, {
      planLeg: (contact: Contact, queue: number) => planLeg(this.context, contact, queue),
      finished: (contact: Contact, endMs: number) => contactEnded(this.context, contact, endMs),
    });
    this.context = {
      seed,
      random,
      state,
      writer: this.writer,
      scheduler: this.scheduler,
      centre: this.centre,
      truth,
      nextContactId: () => ++this.contacts,
    };
    this.centre.open(WORLD_START_MS);
    this.populate();
  }

  /** Draws every customer's persona, products and first step. */
  private populate(): void {
    const { random, state } = this.context;
    const arrivals = prospectArrivalCumulative(DIGITAL_WEEKDAY_WEIGHTS);
    for (let c = 0; c < this.options.customers; c++) {
      const personaIndex = random.weighted(c, PERSONA_SHARES);
      const persona = PERSONAS[personaIndex] as (typeof PERSONAS)[number];
      state.persona[c] = personaIndex;
      state.plan[c] = random.weighted(c, persona.planWeights);
      state.card[c] = random.weighted(c, persona.cardWeights);
      if (random.chance(c, persona.subscribedShare)) {
        state.set(c, SUBSCRIBED_AT_START | IDENTIFIED);
        if (random.chance(c, 0.25)) state.set(c, SECOND_DEVICE);
        startSubscribed(this.context, c, WORLD_START_MS);
        continue;
      }
      state.phase[c] = BROWSING;
      state.sessionsWanted[c] = random.integer(c, persona.browsingSessions[0], persona.browsingSessions[1]);
      const dayStart = WORLD_START_MS + dayFromCumulative(arrivals, random.next(c)) * DAY_MS;
      const firstVisit = timeOnDay(dayStart, DIGITAL_HOUR_WEIGHTS, dayStart, random.streamOf(c)) as number;
      wake(this.context, c, firstVisit, BROWSE);
    }
  }

  /** True once every day has been simulated and every contact in progress has ended. */
  get done(): boolean {
    return this.day > WORLD_DAYS;
  }

  /**
   * Simulates the next day, writing its messages to `emit`. The call after the last day
   * finishes the contacts still in progress (a callback promised on Saturday evening is
   * made on Monday).
   */
  simulateNextDay(emit: (line: string) => void): void {
    if (this.done) return;
    this.writer.emit = emit;
    const last = this.day === WORLD_DAYS;
    const untilMs = last ? Number.POSITIVE_INFINITY : WORLD_START_MS + (this.day + 1) * DAY_MS;
    const scheduler = this.scheduler;
    scheduler.openUntil(untilMs);
    while (scheduler.peekTime() < untilMs) {
      if (last && this.centre.inProgress === 0 && scheduler.peekTime() >= WORLD_END_MS) break;
      scheduler.take();
      if (scheduler.kind === CUSTOMER_STEP) this.step(scheduler.id, scheduler.nowMs);
      else this.centre.handle(scheduler.kind, scheduler.id, scheduler.nowMs);
    }
    this.day++;
    this.writer.emit = () => {};
  }

  private step(customer: number, nowMs: number): void {
    const context = this.context;
    switch (context.state.action[customer]) {
      case BROWSE:
        browse(context, customer, nowMs);
        break;
      case CHECK_OUT:
        checkOut(context, customer, nowMs);
        break;
      case GET_IN_TOUCH:
        getInTouch(context, customer, nowMs);
        break;
      case ACTIVATE:
        activate(context, customer, nowMs);
        break;
      case LIVE:
        live(context, customer, nowMs);
        break;
      case RESUME:
        resume(context, customer, nowMs);
        break;
    }
  }

  /** The ground truth of everything generated so far (complete once `done`). */
  groundTruth(): GroundTruth {
    return groundTruthOf(this.options, this.context, this.staffing);
  }
}

/** Generates the whole world into `emit` and returns its ground truth. */
export function generateSubscriptionWorld(
  options: SubscriptionWorldOptions,
  emit: (line: string) => void,
): GroundTruth {
  const world = new SubscriptionWorld(options);
  while (!world.done) world.simulateNextDay(emit);
  return world.groundTruth();
}
