import {
  DOUBLE,
  type DuckDBAppender,
  DuckDBDataChunk,
  type DuckDBType,
  type DuckDBVector,
  INTEGER,
  VARCHAR,
} from '@duckdb/node-api';
import { MESSAGE_TYPES } from '@waymark/core';
import type { StoredEvent } from './event-store.ts';
import { EVENT_COLUMNS } from './schema.ts';

const CHUNK_ROWS = 2048;

/**
 * The staging table: the events table's columns, but `type` and `source` as codes (the type's
 * index in MESSAGE_TYPES, the source's in the list stageEvents returns). They are the same for
 * most rows, and each string costs a call into DuckDB and copies there; {@link unstageEventsSql}
 * turns the codes back into the text when the rows move into the events table.
 */
const STAGE_COLUMNS: ReadonlyArray<readonly [string, DuckDBType]> = [
  ['seq', DOUBLE],
  ['message_id', VARCHAR],
  ['message_hash', DOUBLE],
  ['type_code', INTEGER],
  ['timestamp_ms', DOUBLE],
  ['received_ms', DOUBLE],
  ['channel', VARCHAR],
  ['properties', VARCHAR],
  ['traits', VARCHAR],
  ['context', VARCHAR],
  ['source_code', INTEGER],
  ['user_code', INTEGER],
  ['anonymous_code', INTEGER],
  ['previous_code', INTEGER],
  ['activity_code', INTEGER],
];
const STAGE_TYPES = STAGE_COLUMNS.map(([, type]) => type);
export const CREATE_STAGE_EVENTS = `CREATE TABLE stage.events (${STAGE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`;

/** The SELECT that gives the staged rows as the events table's columns (EVENT_COLUMNS), in its order. */
export function unstageEventsSql(sources: readonly string[]): string {
  const list = (texts: readonly string[]) => `[${texts.map((text) => `'${text.replaceAll("'", "''")}'`).join(', ')}]`;
  const expression = (column: (typeof EVENT_COLUMNS)[number]): string =>
    column === 'type'
      ? `list_extract(${list(MESSAGE_TYPES)}, type_code + 1)`
      : column === 'source'
        ? `list_extract(${list(sources)}, source_code + 1)`
        : column;
  return `SELECT ${EVENT_COLUMNS.map(expression).join(', ')} FROM stage.events`;
}

/** What a writable vector of @duckdb/node-api holds (private fields; version pinned by the lock file). */
type Writable = DuckDBVector & {
  items?: unknown;
  validity?: { data?: unknown; setItemValid?(index: number, valid: boolean): void };
  setItem(index: number, value: unknown): void;
  flush(): void;
};

/**
 * Appends events to the staging table, column by column into each chunk's vectors: numbers
 * straight into the vectors' typed arrays, NULLs as validity bits, and only non-NULL strings
 * one call each. `DuckDBDataChunk.setColumns` does the same through a value cache per vector
 * and BigInt arithmetic per validity bit, which is most of its cost at 100k+ rows per commit.
 * Should the private fields ever change, every value goes through the public `setItem`.
 * The columns are the staging table's (CREATE_STAGE_EVENTS); returns the sources by code.
 */
export function stageEvents(appender: DuckDBAppender, events: readonly StoredEvent[]): string[] {
  const nulls: number[] = [];
  const sources: string[] = [];
  let lastSource: string | null = null;
  let lastSourceCode = -1;
  const sourceCode = (source: string): number => {
    if (source !== lastSource) {
      lastSource = source;
      lastSourceCode = sources.indexOf(source);
      if (lastSourceCode < 0) lastSourceCode = sources.push(source) - 1;
    }
    return lastSourceCode;
  };
  // Full chunks reuse one DataChunk and its vectors: making the vectors of a chunk copies each
  // one's memory into JS (vector_get_data), which for 15 columns per 2,048 rows cost as much as
  // filling them. The Appender copies a chunk's rows, strings included, when it is appended, so
  // refilling the same vectors afterwards is safe; their string heap is freed with the chunk.
  let full: DuckDBDataChunk | null = null;
  for (let start = 0; start < events.length; start += CHUNK_ROWS) {
    const n = Math.min(events.length, start + CHUNK_ROWS) - start;
    let chunk: DuckDBDataChunk;
    if (n < CHUNK_ROWS) chunk = DuckDBDataChunk.create(STAGE_TYPES, n);
    else {
      full ??= DuckDBDataChunk.create(STAGE_TYPES, n);
      chunk = full;
    }
    const vector = (column: number) => {
      const target = chunk.getColumnVector(column) as Writable;
      // A reused vector keeps the NULLs of its last rows in its validity words: all valid again.
      const words = target.validity?.data;
      if (words instanceof BigUint64Array) words.fill(0xffffffffffffffffn);
      return target;
    };
    const numbers = (column: number, field: (event: StoredEvent) => number) => {
      const target = vector(column);
      const items = target.items instanceof Float64Array && target.items.length >= n ? target.items : null;
      for (let row = 0; row < n; row++) {
        const value = field(events[start + row] as StoredEvent);
        if (items !== null) items[row] = value;
        else target.setItem(row, value);
      }
      target.flush();
    };
    const codes = (column: number, field: (event: StoredEvent) => number) => {
      const target = vector(column);
      const items = target.items instanceof Int32Array && target.items.length >= n ? target.items : null;
      nulls.length = 0;
      for (let row = 0; row < n; row++) {
        const value = field(events[start + row] as StoredEvent);
        if (value < 0) nulls.push(row);
        else if (items !== null) items[row] = value;
        else target.setItem(row, value);
      }
      setNulls(target, nulls);
      target.flush();
    };
    const texts = (column: number, field: (event: StoredEvent) => string | null) => {
      const target = vector(column);
      nulls.length = 0;
      for (let row = 0; row < n; row++) {
        const value = field(events[start + row] as StoredEvent);
        if (value === null) nulls.push(row);
        else target.setItem(row, value);
      }
      setNulls(target, nulls);
      target.flush();
    };
    numbers(0, (e) => e.seq);
    texts(1, (e) => e.messageId);
    numbers(2, (e) => e.messageHash);
    codes(3, (e) => MESSAGE_TYPES.indexOf(e.type));
    numbers(4, (e) => e.timestampMs);
    numbers(5, (e) => e.receivedAtMs);
    texts(6, (e) => e.channel);
    texts(7, (e) => (e.properties === null ? null : JSON.stringify(e.properties)));
    texts(8, (e) => (e.traits === null ? null : JSON.stringify(e.traits)));
    texts(9, (e) => (e.context === null ? null : JSON.stringify(e.context)));
    codes(10, (e) => sourceCode(e.source));
    codes(11, (e) => e.userCode);
    codes(12, (e) => e.anonymousCode);
    codes(13, (e) => e.previousCode);
    codes(14, (e) => e.activityCode);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  return sources;
}

/**
 * Marks rows NULL. The first goes through the public setter (which creates the validity
 * words, all valid); the rest clear their bit in those words directly, 32 bits at a time
 * (little-endian, as DuckDB's 64-bit validity words are on every platform it builds for).
 */
function setNulls(vector: Writable, rows: readonly number[]): void {
  if (rows.length === 0) return;
  vector.setItem(rows[0] as number, null);
  const words = vector.validity?.data;
  if (!(words instanceof BigUint64Array)) {
    for (let i = 1; i < rows.length; i++) vector.setItem(rows[i] as number, null);
    return;
  }
  const bits = new Uint32Array(words.buffer, words.byteOffset, words.length * 2);
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as number;
    bits[row >>> 5] = (bits[row >>> 5] as number) & ~(1 << (row & 31));
  }
}
