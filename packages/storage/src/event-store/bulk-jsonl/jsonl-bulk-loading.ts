import type { Channel, EncodedColumns, WaymarkEvent } from '@waymark/core';
import type { DictionaryAdditions } from '../event-store.ts';

/** A block of JSONL lines split and normalized in DuckDB, waiting to be stored. */
export interface StagedBlock {
  /** Lines in the block (blank ones included): the next block starts after them. */
  lineCount: number;
  /** Lines left to JavaScript to judge (1-based within the block), with their raw text. */
  jsLines: { line: Int32Array; text: string[] };
  /**
   * The lines normalized in DuckDB (1-based within the block, in order) and their message ids
   * as UTF-8, each followed by a NUL byte (they hold none: a line with an escape goes to
   * JavaScript) — bytes rather than strings, which the caller hashes without making.
   */
  sqlLines: { line: Int32Array; messageIds: Uint8Array };
}

/** One JavaScript-normalized event of a block (a line DuckDB left to JavaScript). */
export interface BlockEvent {
  line: number;
  event: WaymarkEvent;
}

/** What to store of a staged block: which lines, as which arrival numbers, with which id hashes. */
export interface BlockCommit {
  /** Accepted lines in arrival order (1-based within the block), each with its seq and message hash. */
  accepted: { length: number; line: Int32Array; seq: Float64Array; messageHash: Float64Array };
  /** The accepted lines that JavaScript normalized. */
  events: readonly BlockEvent[];
  source: string;
  receivedAtMs: number;
  defaultChannel: Channel | null;
  /** The first code for identities (activities) not yet in the store: the dictionaries' sizes. */
  firstNewIdentityCode: number;
  firstNewActivityCode: number;
}

/** The dictionary names a block added, by code from the first new codes on. */
export interface BlockNames {
  identities: string[];
  activities: string[];
}

/** Bulk JSONL loading into the store, one block of lines at a time (see {@link JsonlBulkLoader}). */
export interface JsonlBulkLoading {
  stage(block: Uint8Array): Promise<StagedBlock>;
  /** Of these message-id hashes, the ids stored with them (to confirm a prefilter's "maybe"). */
  storedMessageIds(hashes: Float64Array): Promise<Set<string>>;
  /** Stores dictionary entries the store lacks (left by a commit that failed), before new codes are given. */
  storeDictionary(additions: DictionaryAdditions): Promise<void>;
  /**
   * Stores a block in two transactions, names first: {@link commitNames} gives codes to the
   * identities and activities the accepted lines bring and stores the new ones;
   * {@link commitRows} then stores the rows with those codes and returns them as the journey
   * index takes them, in arrival order. Names stored without their rows are harmless (the next
   * commit finds them by name); rows without their names would not be: DuckDB (1.5.6) recovers
   * the large, optimistically written appends of a commit that a crash cut short, while it drops
   * the rest of that transaction (duckdb/duckdb#25931).
   */
  commitNames(block: StagedBlock, commit: BlockCommit): Promise<BlockNames>;
  commitRows(block: StagedBlock, commit: BlockCommit): Promise<EncodedColumns>;
  release(block: StagedBlock): Promise<void>;
  close(): Promise<void>;
}
