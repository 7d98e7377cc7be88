import type { WaymarkEvent } from '@waymark/core';

/** An event as stored: the message plus its arrival number, id hash and where it came from. */
export interface StoredEvent extends WaymarkEvent {
  seq: number;
  messageHash: number;
  source: string;
}

/** Coded rows for building the journey index without materialising strings per event. */
export interface IndexScan {
  /** Identity names in code order, and whether each was ever a userId. */
  identities: { names: string[]; isUserId: boolean[] };
  /** Activity names in code order. */
  activities: string[];
  /** Identity links in the order they first happened: [type, userCode, anonymousCode, previousCode]. */
  links: Array<{ alias: boolean; userCode: number; otherCode: number }>;
  /** Called with each chunk of journey rows. Codes are -1 when absent. */
  rows: AsyncIterable<IndexRowChunk>;
}

export interface IndexRowChunk {
  length: number;
  identity: Int32Array;
  timestampMs: Float64Array;
  activity: Int32Array;
  channel: Uint8Array;
  seq: Float64Array;
}

/** The source of truth for events. Implementations: DuckDB (embedded default). */
export interface EventStore {
  /** Appends and commits; resolves only once the events are durable. */
  append(events: readonly StoredEvent[]): Promise<void>;
  /** The highest `seq` stored (0 when empty). */
  maxSeq(): Promise<number>;
  /** Every stored message hash, for the dedupe prefilter. */
  messageHashes(): Promise<Float64Array>;
  /** Of the given message ids, those already stored. */
  existingMessageIds(ids: ReadonlyArray<{ messageId: string; messageHash: number }>): Promise<Set<string>>;
  scanForIndex(): Promise<IndexScan>;
  /** Deletes every event of these identities; returns how many. */
  eraseIdentities(ids: readonly string[]): Promise<number>;
  count(): Promise<number>;
  close(): Promise<void>;
}
