import { channelCode } from '../events/channel.ts';
import type { WaymarkEvent } from '../events/message.ts';
import { IdentityGraph } from '../identity/identity-graph.ts';
import { type LinkTrait, traitLinkKeys } from '../identity/trait-keys.ts';
import {
  type AttributeSource,
  type LoadedEventAttribute,
  type LoadedTrait,
  TrackedAttributes,
} from './attributes/tracked-attributes.ts';
import { type CodedRows, RowColumns } from './columns.ts';
import { Dictionary } from './dictionary.ts';
import { sharedArray } from './shared-memory.ts';
import { type SortedRows, sortRows } from './sort.ts';

/** What the index needs of an event: who, when, what, where, and its arrival order. */
export type IndexableEvent = Pick<
  WaymarkEvent,
  'type' | 'userId' | 'anonymousId' | 'previousId' | 'timestampMs' | 'activity' | 'channel'
> &
  AttributeSource & { seq: number };

export interface JourneyIndexOptions {
  /** Traits of identify calls that link identities sharing a value (workspace setting `identity.linkBy`); none by default. */
  linkBy?: readonly LinkTrait[];
}

/** An event's identities and activity as dictionary codes of the index (-1 when absent). */
export interface EncodedIdentity {
  userCode: number;
  anonymousCode: number;
  previousCode: number;
  activityCode: number;
}

/**
 * Encoded events as columns, in arrival order (a bulk load): what {@link JourneyIndex.addEncoded}
 * takes of each event. Codes are -1 when absent; `channel` is the channel code; `alias` is 1 for
 * alias messages.
 */
export interface EncodedColumns {
  length: number;
  seq: Float64Array;
  timestampMs: Float64Array;
  channel: Uint8Array;
  userCode: Int32Array;
  anonymousCode: Int32Array;
  previousCode: Int32Array;
  activityCode: Int32Array;
  alias: Uint8Array;
}

/**
 * The journey index: every journey event as dictionary-encoded typed arrays sorted by
 * customer, time and arrival, with identities stitched. Events arrive in any order through
 * {@link add}; {@link rows} folds them (and any identity merges) into the sorted layout on
 * the next read, so a report always sees every event added before it.
 */
export class JourneyIndex {
  readonly identities = new IdentityGraph();
  readonly activities = new Dictionary();
  /** The event attributes and customer traits kept beside the rows (those reports asked for). */
  readonly attributes = new TrackedAttributes();
  private sorted: SortedRows = sortRows(new RowColumns(0), 0);
  private pending = new RowColumns();
  private merged = false;
  private erased = new Set<number>();
  /** The traits that link identities (empty: linking by traits is off). */
  readonly linkBy: ReadonlySet<LinkTrait>;

  constructor(options: JourneyIndexOptions = {}) {
    this.linkBy = new Set(options.linkBy ?? []);
  }

  /**
   * Writes an event's dictionary codes into `into` (creating codes for new identities and
   * activities), so the store can persist them before the event is {@link addEncoded added}.
   * Codes are -1 when absent.
   */
  encode<T extends EncodedIdentity>(event: IndexableEvent, into: T): T {
    const graph = this.identities;
    into.userCode = event.userId === null ? -1 : graph.codeOf(event.userId);
    into.anonymousCode = event.anonymousId === null ? -1 : graph.codeOf(event.anonymousId);
    into.previousCode = event.previousId === null ? -1 : graph.codeOf(event.previousId);
    into.activityCode = event.activity === null ? -1 : this.activities.codeOf(event.activity);
    return into;
  }

  /** Adds an encoded event: links its identities and, for journey activities, queues a row. */
  addEncoded(event: IndexableEvent, codes: EncodedIdentity): void {
    const { userCode, anonymousCode, previousCode, activityCode } = codes;
    if (userCode >= 0) this.identities.markUser(userCode);
    if (event.type === 'alias' && previousCode >= 0 && userCode >= 0) this.linkCoded(true, userCode, previousCode);
    else if (userCode >= 0 && anonymousCode >= 0) this.linkCoded(false, userCode, anonymousCode);
    if (event.type === 'identify' && this.linkBy.size > 0)
      this.linkTraits(userCode >= 0 ? userCode : anonymousCode, event.traits);
    const tracked = this.attributes;
    if (event.type === 'identify' && tracked.traits.size > 0) {
      tracked.recordTraits(event, userCode >= 0 ? userCode : anonymousCode, event.seq);
    }
    if (activityCode < 0) return;
    this.pending.push(
      userCode >= 0 ? userCode : anonymousCode,
      event.timestampMs,
      activityCode,
      channelCode(event.channel),
      event.seq,
      tracked.events.size > 0 ? tracked.eventCodes(event) : undefined,
    );
  }

  /**
   * Adds encoded events given as columns, in arrival order: {@link addEncoded} for each, but
   * without attributes (the columns hold none): tracked attributes are marked stale instead.
   */
  addEncodedColumns(events: EncodedColumns): void {
    this.addedWithoutAttributes();
    const graph = this.identities;
    for (let i = 0; i < events.length; i++) {
      const userCode = events.userCode[i] as number;
      const anonymousCode = events.anonymousCode[i] as number;
      const previousCode = events.previousCode[i] as number;
      const activityCode = events.activityCode[i] as number;
      if (userCode >= 0) graph.markUser(userCode);
      if (events.alias[i] === 1 && previousCode >= 0 && userCode >= 0) this.linkCoded(true, userCode, previousCode);
      else if (userCode >= 0 && anonymousCode >= 0) this.linkCoded(false, userCode, anonymousCode);
      if (activityCode < 0) continue;
      this.pending.push(
        userCode >= 0 ? userCode : anonymousCode,
        events.timestampMs[i] as number,
        activityCode,
        events.channel[i] as number,
        events.seq[i] as number,
      );
    }
  }

  /** Adds one event (encode, then add). */
  add(event: IndexableEvent): void {
    this.addEncoded(event, this.encode(event, { userCode: -1, anonymousCode: -1, previousCode: -1, activityCode: -1 }));
  }

  /** Makes room for `count` more rows before a bulk load. */
  reserve(count: number): void {
    this.pending.reserve(this.pending.length + count);
  }

  /** Adds rows whose identities and activities are already codes of this index (bulk load). */
  addCodedRows(rows: CodedRows): void {
    this.addedWithoutAttributes();
    this.pending.appendColumns(rows.length, rows.identity, rows.timestampMs, rows.activity, rows.channel, rows.seq);
  }

  /** Applies an identity link between two existing identity codes (bulk load, in arrival order). */
  linkCoded(alias: boolean, userCode: number, otherCode: number): void {
    const merge = alias
      ? this.identities.alias(otherCode, userCode)
      : this.identities.linkAnonymous(otherCode, userCode);
    if (merge !== null) this.merged = true;
  }

  /**
   * An identify call's traits (live, or replayed from the store in arrival order): links the
   * identity with every identity seen before with the same normalised value of a linking trait.
   */
  linkTraits(identityCode: number, traits: { readonly [key: string]: unknown } | null | undefined): void {
    if (identityCode < 0) return;
    for (const key of traitLinkKeys(this.linkBy, traits)) {
      if (this.identities.linkTrait(identityCode, key) !== null) this.merged = true;
    }
  }

  /** Removes a customer's rows and forgets their identities (right to erasure). */
  erase(customerRoot: number): string[] {
    const members = this.identities.membersOf(customerRoot);
    this.attributes.forgetIdentities(new Set(this.identities.codesOf(customerRoot)));
    this.erased.add(customerRoot);
    const rows = this.rows(); // applies the erasure
    this.attributes.forgetUnusedEventValues(rows.attributes as Int32Array[]);
    this.identities.forget(customerRoot);
    return members;
  }

  /** The sorted rows, with everything added so far folded in. */
  rows(): SortedRows {
    if (this.pending.length === 0 && !this.merged && this.erased.size === 0) return this.sorted;
    const graph = this.identities;
    const erased = this.erased;
    let all: RowColumns;
    if (this.sorted.length === 0 && erased.size === 0) {
      // First fold (e.g. the build from the store): relabel in place, no copy.
      all = this.pending;
      for (let i = 0; i < all.length; i++) all.customer[i] = graph.customerOf(all.customer[i]);
      this.pending = this.emptyRows(1024);
    } else {
      const old = this.sorted;
      all = this.emptyRows(old.length + this.pending.length);
      const codes: number[] = [];
      for (const source of [old, this.pending]) {
        const attributes = source.attributes;
        for (let i = 0; i < source.length; i++) {
          const customer = graph.customerOf(source.customer[i]);
          if (erased.size > 0 && erased.has(customer)) continue;
          for (let k = 0; k < attributes.length; k++) codes[k] = (attributes[k] as Int32Array)[i] as number;
          all.push(customer, source.timestampMs[i], source.activity[i], source.channel[i], source.seq[i], codes);
        }
      }
      this.pending.clear();
    }
    this.sorted = sortRows(all, graph.size);
    this.merged = false;
    this.erased = new Set();
    return this.sorted;
  }

  /**
   * Keeps an event attribute beside the rows, from the store's values for every row so far;
   * arriving events add theirs. Call with nothing arriving meanwhile (the workspace holds
   * ingest while it loads). Re-tracking a known attribute reloads it.
   */
  trackEventAttribute(pathText: string, loaded: LoadedEventAttribute): void {
    const sorted = this.rows();
    const tracked = this.attributes.trackEvent(
      pathText,
      () => {
        this.pending.addAttribute();
        sorted.attributes.push(sharedArray(Int32Array, sorted.length));
        return sorted.attributes.length - 1;
      },
      loaded.values,
    );
    const column = sorted.attributes[tracked.slot] as Int32Array;
    column.fill(-1);
    if (sorted.length > 0) {
      const rowOfSeq = rowsBySeq(sorted);
      for (let i = 0; i < loaded.seq.length; i++) {
        const row = rowOfSeq.row(loaded.seq[i] as number);
        if (row >= 0) column[row] = loaded.code[i] as number;
      }
    }
  }

  /** Keeps a customer trait (its identify history from the store); later identify calls add to it. */
  trackTrait(pathText: string, loaded: LoadedTrait): void {
    this.attributes.trackTrait(pathText, loaded);
  }

  /** A tracked event attribute's values and its column in {@link rows} order (fold first). */
  eventAttribute(pathText: string): { values: readonly string[]; codes: Int32Array } | undefined {
    const tracked = this.attributes.events.get(pathText);
    if (tracked === undefined) return undefined;
    return { values: tracked.values.values, codes: this.rows().attributes[tracked.slot] as Int32Array };
  }

  /**
   * A tracked trait's latest value (by arrival) per customer, in the order of {@link rows}'
   * runs: `byRun[r]` codes `values`, -1 when the customer never had it.
   */
  customerTrait(pathText: string): { values: readonly string[]; byRun: Int32Array } | undefined {
    const tracked = this.attributes.traits.get(pathText);
    if (tracked === undefined) return undefined;
    const rows = this.rows();
    const byCustomer = new Int32Array(this.identities.size).fill(-1);
    for (let i = 0; i < tracked.identity.length; i++) {
      byCustomer[this.identities.customerOf(tracked.identity[i] as number)] = tracked.code[i] as number;
    }
    const byRun = new Int32Array(rows.runCount);
    for (let r = 0; r < rows.runCount; r++) byRun[r] = byCustomer[rows.customer[rows.runStart[r]]] as number;
    return { values: tracked.values.values, byRun };
  }

  /** Events were added in bulk without their attributes: whatever is tracked must be reloaded. */
  private addedWithoutAttributes(): void {
    const tracked = this.attributes;
    if (tracked.events.size > 0 || tracked.traits.size > 0) tracked.stale = true;
  }

  private emptyRows(capacity: number): RowColumns {
    const rows = new RowColumns(capacity);
    for (let k = 0; k < this.pending.attributes.length; k++) rows.addAttribute();
    return rows;
  }

  get eventCount(): number {
    return this.sorted.length + this.pending.length;
  }

  /** Bytes held by the sorted columns (the per-event cost of the index). */
  columnBytes(): number {
    const s = this.sorted;
    return (
      s.customer.byteLength +
      s.timestampMs.byteLength +
      s.activity.byteLength +
      s.channel.byteLength +
      s.seq.byteLength +
      s.runStart.byteLength
    );
  }

  customerName(root: number): string {
    return this.identities.customerName(root);
  }

  /** The customer an id (userId or anonymousId) belongs to, if known. */
  findCustomer(id: string): number | undefined {
    const code = this.identities.lookup(id);
    return code === undefined ? undefined : this.identities.customerOf(code);
  }
}

/** Row positions by arrival number (seq numbers are dense integers, so an array beats a map). */
function rowsBySeq(rows: SortedRows): { row(seq: number): number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const seq = rows.seq[i] as number;
    if (seq < min) min = seq;
    if (seq > max) max = seq;
  }
  const positions = new Int32Array(max - min + 1).fill(-1);
  for (let i = 0; i < rows.length; i++) positions[(rows.seq[i] as number) - min] = i;
  return { row: (seq) => (seq < min || seq > max ? -1 : (positions[seq - min] as number)) };
}
