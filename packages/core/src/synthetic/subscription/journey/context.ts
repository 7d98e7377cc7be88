import { CUSTOMER_STEP } from '../contact-centre/event-kinds.ts';
import type { ContactCentre } from '../contact-centre/queue-simulation.ts';
import type { CustomerRandom } from '../customer-random.ts';
import type { CustomerState } from '../customer-state.ts';
import type { TruthCounters } from '../ground-truth-counters.ts';
import type { MessageWriter } from '../messages.ts';
import type { Scheduler } from '../scheduler.ts';
import { SECOND_MS, WORLD_END_MS } from '../world-calendar.ts';

/** Everything a customer's step reads and writes: the world, as the journey model sees it. */
export interface JourneyContext {
  readonly seed: number;
  readonly random: CustomerRandom;
  readonly state: CustomerState;
  readonly writer: MessageWriter;
  readonly scheduler: Scheduler;
  readonly centre: ContactCentre;
  readonly truth: TruthCounters;
  /** The next contact's sequence number in the world. */
  nextContactId(): number;
}

/**
 * Puts the customer's next step on the agenda: `action` at `timeMs`, never before their last
 * message (one customer does one thing at a time). Steps after the world's end are dropped.
 */
export function wake(context: JourneyContext, customer: number, timeMs: number, action: number): void {
  // Whole seconds (rounded up, so whatever was due at `timeMs` is due then): every simulated
  // duration then comes out as an integer.
  const at = Math.ceil(Math.max(timeMs, context.writer.lastMs[customer] as number) / SECOND_MS) * SECOND_MS;
  if (at >= WORLD_END_MS) return;
  context.state.action[customer] = action;
  context.scheduler.schedule(at, CUSTOMER_STEP, customer);
}

/** Adds to the customer's mood and notes what caused it (for their survey comments). */
export function feel(context: JourneyContext, customer: number, change: number, driver: number): void {
  const { mood, lastDriver } = context.state;
  mood[customer] = (mood[customer] as number) + change;
  // Bad news sticks: a positive driver does not replace a recent negative one.
  if (change < 0 || (mood[customer] as number) >= 0) lastDriver[customer] = driver;
}
