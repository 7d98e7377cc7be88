import type {
  AttributePath,
  CodedRows,
  EncodedIdentity,
  LoadedEventAttribute,
  LoadedTrait,
  SeenAttribute,
  WaymarkEvent,
} from '@waymark/core';
import type { JsonlBulkLoading } from './bulk-jsonl/jsonl-bulk-loading.ts';

/**
 * An event as stored: the message plus its arrival number, id hash, where it came from, and
 * the workspace's dictionary codes for its identities and activity (so the journey index can
 * be rebuilt from integer columns alone).
 */
export interface StoredEvent extends WaymarkEvent, EncodedIdentity {
  seq: number;
  messageHash: number;
  source: string;
}

/** A stored event read back by name, with its arrival number (see {@link EventStore.customerEvents}). */
export type CustomerEvent = WaymarkEvent & { seq: number };

/** Dictionary entries created since the last commit: names for codes fromCode, fromCode + 1, … */
export interface DictionaryAdditions {
  identities: { fromCode: number; names: readonly string[] };
  activities: { fromCode: number; names: readonly string[] };
}

/** What the journey index is rebuilt from: the persisted dictionaries and integer rows. */
export interface IndexScan {
  /** Identity names by code ('' where an identity was erased). */
  identityNames: string[];

  /** Activity names by code. */
  activities: string[];
  /**
   * What identity stitching needs, in arrival order: when each code first appeared as a userId
   * (kind 0), and the first time each pair was linked by a message carrying both ids (kind 1,
   * other = anonymousId) or by an alias (kind 2, other = previousId).
   */
  identityEvents: {
    length: number;
    /** The arrival number of the message that did it. */
    seq: Float64Array;
    kind: Int32Array;
    userCode: Int32Array;
    otherCode: Int32Array;
  };
  /**
   * The identify calls carrying any of the traits asked for ({@link ScanOptions.linkTraits}), in
   * arrival order: the identity they are credited to (userId, else anonymousId) and those traits'
   * values as sent (what linking by traits is replayed from).
   */
  identifyTraits: { seq: number[]; identity: number[]; traits: Array<Record<string, unknown>> };
  /** How many journey rows {@link rows} will give. */
  rowCount: number;
  /** Journey rows in chunks. */
  rows: AsyncIterable<IndexRowChunk>;
}

export interface ScanOptions {
  /** Top-level traits of identify calls to read for linking identities (none by default). */
  linkTraits?: readonly string[];
}

/** A chunk of journey rows as the index loads them. */
export type IndexRowChunk = CodedRows;

/** The source of truth for events. Implementations: DuckDB (embedded default). */
export interface EventStore {
  /** Appends events and the dictionary entries they introduced in one commit; resolves once durable. */
  append(events: readonly StoredEvent[], additions: DictionaryAdditions): Promise<void>;
  /** The highest `seq` stored (0 when empty). */
  maxSeq(): Promise<number>;
  /** Every stored message hash, for the dedupe prefilter. */
  messageHashes(): Promise<Float64Array>;
  /** Of the given message ids, those already stored. */
  existingMessageIds(ids: ReadonlyArray<{ messageId: string; messageHash: number }>): Promise<Set<string>>;
  scanForIndex(options?: ScanOptions): Promise<IndexScan>;
  /** Event attributes of every journey row, dictionary-encoded (for the index's attribute columns), in one read. */
  eventAttributes(paths: readonly AttributePath[]): Promise<LoadedEventAttribute[]>;
  /** A customer trait's identify history, in arrival order. */
  traitHistory(path: AttributePath): Promise<LoadedTrait>;
  /** Every scalar attribute path (`properties.x`, `context.x`, `traits.x`) stored, with its value type. */
  seenAttributes(): Promise<SeenAttribute[]>;
  /**
   * One customer's events (every type, with properties and traits) in arrival order: those
   * credited to one of these identity codes (userId, else anonymousId) — for the timeline.
   */
  customerEvents(identityCodes: readonly number[]): Promise<CustomerEvent[]>;
  /**
   * Right to erasure for one customer's identity codes, in one transaction: deletes the events
   * credited to them (userId, else anonymousId, is one of them), unlinks other customers' events
   * that merely mention them, and blanks their names. Returns how many events were deleted.
   */
  eraseIdentities(codes: readonly number[]): Promise<number>;
  count(): Promise<number>;
  /** Bulk JSONL loading done by the store itself, where it can (the embedded DuckDB store can). */
  openJsonlBulkLoader?(): Promise<JsonlBulkLoading>;
  close(): Promise<void>;
}
