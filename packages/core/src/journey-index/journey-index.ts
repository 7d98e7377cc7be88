import { channelCode } from '../events/channel.ts';
import type { WaymarkEvent } from '../events/message.ts';
import { IdentityGraph } from '../identity/identity-graph.ts';
import { RowColumns } from './columns.ts';
import { Dictionary } from './dictionary.ts';
import { type SortedRows, sortRows } from './sort.ts';

/** What the index needs of an event: who, when, what, where, and its arrival order. */
export type IndexableEvent = Pick<
  WaymarkEvent,
  'type' | 'userId' | 'anonymousId' | 'previousId' | 'timestampMs' | 'activity' | 'channel'
> & { seq: number };

/**
 * The journey index: every journey event as dictionary-encoded typed arrays sorted by
 * customer, time and arrival, with identities stitched. Events arrive in any order through
 * {@link add}; {@link rows} folds them (and any identity merges) into the sorted layout on
 * the next read, so a report always sees every event added before it.
 */
export class JourneyIndex {
  readonly identities = new IdentityGraph();
  readonly activities = new Dictionary();
  private sorted: SortedRows = sortRows(new RowColumns(0), 0);
  private readonly pending = new RowColumns();
  private merged = false;
  private erased = new Set<number>();

  /** Adds one event: links identities and, for journey activities, queues a row. */
  add(event: IndexableEvent): void {
    const graph = this.identities;
    const userCode = event.userId === null ? -1 : graph.codeOf(event.userId, true);
    const anonCode = event.anonymousId === null ? -1 : graph.codeOf(event.anonymousId, false);
    if (event.type === 'alias' && event.previousId !== null && userCode >= 0) {
      const previousCode = graph.codeOf(event.previousId, false);
      if (graph.alias(previousCode, userCode) !== null) this.merged = true;
    } else if (userCode >= 0 && anonCode >= 0) {
      if (graph.linkAnonymous(anonCode, userCode) !== null) this.merged = true;
    }
    if (event.activity === null) return;
    const identity = userCode >= 0 ? userCode : anonCode;
    this.pending.push(
      identity,
      event.timestampMs,
      this.activities.codeOf(event.activity),
      channelCode(event.channel),
      event.seq,
    );
  }

  /** Adds a row whose identity and activity are already codes of this index (bulk load). */
  addCodedRow(identity: number, timestampMs: number, activity: number, channel: number, seq: number): void {
    this.pending.push(identity, timestampMs, activity, channel, seq);
  }

  /** Applies an identity link between two existing identity codes (bulk load, in arrival order). */
  linkCoded(alias: boolean, userCode: number, otherCode: number): void {
    const merge = alias
      ? this.identities.alias(otherCode, userCode)
      : this.identities.linkAnonymous(otherCode, userCode);
    if (merge !== null) this.merged = true;
  }

  /** Removes a customer's rows and forgets their identities (right to erasure). */
  erase(customerRoot: number): string[] {
    const members = this.identities.membersOf(customerRoot);
    this.erased.add(customerRoot);
    this.rows(); // applies the erasure
    this.identities.forget(customerRoot);
    return members;
  }

  /** The sorted rows, with everything added so far folded in. */
  rows(): SortedRows {
    if (this.pending.length === 0 && !this.merged && this.erased.size === 0) return this.sorted;
    const old = this.sorted;
    const graph = this.identities;
    const all = new RowColumns(old.length + this.pending.length);
    for (const source of [old, this.pending]) {
      for (let i = 0; i < source.length; i++) {
        const customer = graph.customerOf(source.customer[i]);
        if (this.erased.has(customer)) continue;
        all.push(customer, source.timestampMs[i], source.activity[i], source.channel[i], source.seq[i]);
      }
    }
    this.sorted = sortRows(all, graph.size);
    this.pending.clear();
    this.merged = false;
    this.erased = new Set();
    return this.sorted;
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
