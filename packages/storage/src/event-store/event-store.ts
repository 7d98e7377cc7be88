import type { CodedRows, EncodedIdentity, WaymarkEvent } from '@waymark/core';

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

/** Dictionary entries created since the last commit: names for codes fromCode, fromCode + 1, … */
export interface DictionaryAdditions {
  identities: { fromCode: number; names: readonly string[] };
  activities: { fromCode: number; names: readonly string[] };
}

/** What the journey index is rebuilt from: the persisted dictionaries and integer rows. */
export interface IndexScan {
  /** Identity names by code ('' where an identity was erased). */
  identityNames: string[];
  /** Codes that were ever a userId. */
  userCodes: Int32Array;
  /** Activity names by code. */
  activities: string[];
  /** Identity links in the order they first happened. */
  links: Array<{ alias: boolean; userCode: number; otherCode: number }>;
  /** How many journey rows {@link rows} will give. */
  rowCount: number;
  /** Journey rows in chunks. */
  rows: AsyncIterable<IndexRowChunk>;
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
  scanForIndex(): Promise<IndexScan>;
  /** Deletes every event and dictionary entry of these identities; returns how many events. */
  eraseIdentities(ids: readonly string[]): Promise<number>;
  count(): Promise<number>;
  close(): Promise<void>;
}
