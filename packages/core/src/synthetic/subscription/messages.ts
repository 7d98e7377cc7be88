import type { Channel } from '../../events/channel.ts';
import { isoUtc } from '../iso-time.ts';
import { stageBitOf } from './stages.ts';
import { WORLD_END_MS } from './world-calendar.ts';

/** Which ids a message carries. */
export const ANONYMOUS = 0;
export const KNOWN = 1;
/** Both the userId and the device's anonymousId: the message that stitches the two. */
export const LINKING = 2;
/** A second device, still anonymous (an existing customer on a new phone). */
export const SECOND_DEVICE_ANONYMOUS = 3;
export const SECOND_DEVICE_LINKING = 4;
/**
 * The id a shop's till gave a prospect who left an e-mail address or phone number at a store
 * visit (`lead-SEED-N`): a customer of its own, until identities sharing that trait are linked.
 */
export const STORE_LEAD = 5;
export type Who = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * Writes Segment messages as JSONL lines and counts what it wrote. Keeps each customer's
 * messages in time order (a message is never earlier than the customer's previous one) and
 * drops anything at or after the end of the world. Lines are built as text: a world has
 * millions of them, and every value written is known not to need escaping.
 */
export class MessageWriter {
  private readonly sent: Uint16Array;
  readonly lastMs: Float64Array;
  /** Stages each customer has reached (bit per stage, stages.ts). */
  readonly stageMask: Uint8Array;
  /** Whether the customer's own ids (not a store lead) carry any message. */
  readonly written: Uint8Array;
  /** The store lead's messages, kept apart: without trait linking the lead is another customer. */
  readonly leadWritten: Uint8Array;
  readonly leadIdentified: Uint8Array;
  readonly leadStageMask: Uint8Array;
  /** Per activity: how many were written and its stage bit (one look-up per message). */
  private readonly activities = new Map<string, { count: number; stageBit: number }>();
  trackCount = 0;
  identifyCount = 0;
  emit: (line: string) => void = () => {};

  constructor(
    customers: number,
    private readonly seed: number,
  ) {
    this.sent = new Uint16Array(customers);
    this.lastMs = new Float64Array(customers);
    this.stageMask = new Uint8Array(customers);
    this.written = new Uint8Array(customers);
    this.leadWritten = new Uint8Array(customers);
    this.leadIdentified = new Uint8Array(customers);
    this.leadStageMask = new Uint8Array(customers);
  }

  /** Messages written per activity. */
  get activityCounts(): Map<string, number> {
    return new Map([...this.activities].map(([name, { count }]) => [name, count]));
  }

  userId(customer: number): string {
    return `cust-${this.seed}-${customer}`;
  }

  anonymousId(customer: number): string {
    return `anon-${this.seed}-${customer}`;
  }

  private ids(customer: number, who: Who): string {
    switch (who) {
      case ANONYMOUS:
        return `"anonymousId":"anon-${this.seed}-${customer}"`;
      case KNOWN:
        return `"userId":"cust-${this.seed}-${customer}"`;
      case LINKING:
        return `"userId":"cust-${this.seed}-${customer}","anonymousId":"anon-${this.seed}-${customer}"`;
      case SECOND_DEVICE_ANONYMOUS:
        return `"anonymousId":"anon-${this.seed}-${customer}-2"`;
      case SECOND_DEVICE_LINKING:
        return `"userId":"cust-${this.seed}-${customer}","anonymousId":"anon-${this.seed}-${customer}-2"`;
      default:
        return `"userId":"lead-${this.seed}-${customer}"`;
    }
  }

  /** The time a message at `timeMs` gets: never before the customer's previous message. */
  private orderedTime(customer: number, timeMs: number): number {
    const last = this.lastMs[customer] as number;
    return Math.max(Math.floor(timeMs), last);
  }

  /**
   * A `track` message; `properties` is the inside of the JSON object (`"a":1,"b":"x"`) or ''.
   * Returns the time it was written at, or -1 when it falls after the world's end.
   */
  track(customer: number, timeMs: number, event: string, channel: Channel, who: Who, properties = ''): number {
    const at = this.orderedTime(customer, timeMs);
    if (at >= WORLD_END_MS) return -1;
    this.lastMs[customer] = at;
    const k = this.sent[customer]++;
    this.emit(
      `{"type":"track","messageId":"w${this.seed}-${customer}-${k}",${this.ids(customer, who)},"event":"${event}","timestamp":"${isoUtc(at)}","context":{"channel":"${channel}"},"properties":{${properties}}}`,
    );
    this.trackCount++;
    let activity = this.activities.get(event);
    if (activity === undefined) {
      activity = { count: 0, stageBit: stageBitOf(event) };
      this.activities.set(event, activity);
    }
    activity.count++;
    const masks = this.wrote(customer, who);
    masks[customer] = (masks[customer] as number) | activity.stageBit;
    return at;
  }

  /** An `identify` message with the customer's traits (the inside of the JSON object). */
  identify(customer: number, timeMs: number, who: Who, traits: string): number {
    const at = this.orderedTime(customer, timeMs);
    if (at >= WORLD_END_MS) return -1;
    this.lastMs[customer] = at;
    const k = this.sent[customer]++;
    this.emit(
      `{"type":"identify","messageId":"w${this.seed}-${customer}-${k}",${this.ids(customer, who)},"timestamp":"${isoUtc(at)}","traits":{${traits}}}`,
    );
    this.identifyCount++;
    this.wrote(customer, who);
    if (who === STORE_LEAD) this.leadIdentified[customer] = 1;
    return at;
  }

  /** Notes which identity a message went to; returns the stage masks of that identity. */
  private wrote(customer: number, who: Who): Uint8Array {
    if (who === STORE_LEAD) {
      this.leadWritten[customer] = 1;
      return this.leadStageMask;
    }
    this.written[customer] = 1;
    return this.stageMask;
  }
}
