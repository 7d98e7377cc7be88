import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
  INTEGER,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import type { AttributePath, LoadedEventAttribute, LoadedTrait, SeenAttribute } from '@waymark/core';
import { readEventAttributes, readTrait } from './attribute-reader.ts';
import { JsonlBulkLoader } from './bulk-jsonl/jsonl-bulk-loader.ts';
import { readCustomerEvents } from './customer-events.ts';
import { CREATE_STAGE_EVENTS, stageEvents, unstageEventsSql } from './event-staging.ts';
import type {
  CustomerEvent,
  DictionaryAdditions,
  EventStore,
  IndexRowChunk,
  IndexScan,
  ScanOptions,
  StoredEvent,
} from './event-store.ts';
import { CHANNEL_CODE_SQL, CREATE_TABLES } from './schema.ts';
import { readSeenAttributes } from './seen-attributes.ts';
import { readColumnsWithTexts } from './text-values.ts';
import { copyNumberColumn, readColumns } from './vectors.ts';

const DICTIONARY_TYPES: DuckDBType[] = [INTEGER, VARCHAR];
const CHUNK_ROWS = 2048;

/**
 * The embedded event store: one DuckDB file in the data folder. An append is staged with the
 * Appender into in-memory tables (cheap: no WAL, no compression), then moved into the store
 * in one transaction — events and the dictionary entries they introduced together. The
 * commit writes DuckDB's WAL before it returns, so a resolved append survives a crash, and it
 * runs on DuckDB's threads, leaving the JS thread free meanwhile.
 */
/** At this many rows in one append a transaction may write its rows before its commit (half a DuckDB row group). */
const OPTIMISTIC_WRITE_ROWS = 61_440;

export class DuckDbEventStore implements EventStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    private readonly stager: DuckDBConnection,
    private readonly stagers: Record<'events' | 'identities' | 'activities', DuckDBAppender>,
  ) {}

  /** Opens (creating if needed) `<dataDir>/events.duckdb`; `:memory:` for a throwaway store. */
  static async open(dataDir: string | ':memory:'): Promise<DuckDbEventStore> {
    let path = ':memory:';
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      path = join(dataDir, 'events.duckdb');
    }
    const instance = await DuckDBInstance.create(path);
    const writer = await instance.connect();
    await writer.run(CREATE_TABLES);
    // Staging tables live in an in-memory database: appending there costs no WAL or compression.
    await writer.run(`
      ATTACH ':memory:' AS stage;
      ${CREATE_STAGE_EVENTS};
      CREATE TABLE stage.identities (code INTEGER, name VARCHAR);
      CREATE TABLE stage.activities (code INTEGER, name VARCHAR);`);
    const stager = await instance.connect();
    const stagers = {
      events: await stager.createAppender('events', 'main', 'stage'),
      identities: await stager.createAppender('identities', 'main', 'stage'),
      activities: await stager.createAppender('activities', 'main', 'stage'),
    };
    return new DuckDbEventStore(instance, writer, await instance.connect(), stager, stagers);
  }

  async append(events: readonly StoredEvent[], additions: DictionaryAdditions): Promise<void> {
    if (events.length === 0) return;
    const { identities, activities } = additions;
    try {
      const insertEvents = `INSERT INTO events ${unstageEventsSql(stageEvents(this.stagers.events, events))};`;
      this.stageRows(this.stagers.identities, DICTIONARY_TYPES, identities.names.length, (start, end) =>
        dictionaryColumns(identities.fromCode, identities.names, start, end),
      );
      this.stageRows(this.stagers.activities, DICTIONARY_TYPES, activities.names.length, (start, end) =>
        dictionaryColumns(activities.fromCode, activities.names, start, end),
      );
      const names = `
        ${identities.names.length > 0 ? 'INSERT INTO identities SELECT * FROM stage.identities;' : ''}
        ${activities.names.length > 0 ? 'INSERT INTO activities SELECT * FROM stage.activities;' : ''}`;
      if (events.length >= OPTIMISTIC_WRITE_ROWS && names.trim() !== '') {
        // Large batches: names first, in a commit of their own. DuckDB writes a big
        // transaction's rows to the file ahead of its commit and can replay them after a crash
        // mid-commit while dropping the rest of it (found by the JSONL bulk import's torn-log
        // test; cf. duckdb/duckdb#25931): rows whose codes name nothing. Names without rows
        // are harmless — the index has them already.
        await this.writer.run(`BEGIN TRANSACTION; ${names} COMMIT;`);
        await this.writer.run(`BEGIN TRANSACTION; ${insertEvents} COMMIT;`);
      } else {
        await this.writer.run(`BEGIN TRANSACTION; ${names} ${insertEvents} COMMIT;`);
      }
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await this.writer.run('DELETE FROM stage.events; DELETE FROM stage.identities; DELETE FROM stage.activities;');
    }
  }

  private stageRows(
    appender: DuckDBAppender,
    types: DuckDBType[],
    rows: number,
    columnsOf: (start: number, end: number) => DuckDBValue[][],
  ): void {
    if (rows === 0) return;
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const end = Math.min(rows, start + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, end - start);
      chunk.setColumns(columnsOf(start, end));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  }

  /** A loader that reads JSONL in DuckDB and stores it with INSERT … SELECT (see JsonlBulkLoader). */
  openJsonlBulkLoader(): Promise<JsonlBulkLoader> {
    return JsonlBulkLoader.open(this.instance);
  }

  async maxSeq(): Promise<number> {
    return Number((await this.reader.runAndReadAll('SELECT coalesce(max(seq), 0) FROM events')).getRows()[0]?.[0] ?? 0);
  }

  async count(): Promise<number> {
    return Number((await this.reader.runAndReadAll('SELECT count(*) FROM events')).getRows()[0]?.[0] ?? 0);
  }

  async messageHashes(): Promise<Float64Array> {
    // Streams in the background while reports query the reader (dedupe must not miss ids).
    const [hashes] = await this.onOwnConnection((connection) =>
      readColumns(connection, 'SELECT message_hash FROM events', [Float64Array]),
    );
    return hashes as Float64Array;
  }

  async existingMessageIds(ids: ReadonlyArray<{ messageId: string; messageHash: number }>): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const [stored = []] = await readColumnsWithTexts(
      this.reader,
      `SELECT DISTINCT encode(message_id) FROM events
       WHERE message_hash IN (SELECT unnest($hashes)) AND message_id IN (SELECT unnest($ids))`,
      [0],
      { hashes: listValue(ids.map((id) => id.messageHash)), ids: listValue(ids.map((id) => id.messageId)) },
    );
    return new Set(stored as string[]);
  }

  async scanForIndex(options: ScanOptions = {}): Promise<IndexScan> {
    const identityNames = await this.readDictionary('identities');
    const activities = await this.readDictionary('activities');
    const identityEvents = await this.readIdentityEvents();
    const identifyTraits = await this.readIdentifyTraits(options.linkTraits ?? []);
    const rowCount = Number(
      (
        await this.reader.runAndReadAll('SELECT count(*) FROM events WHERE activity_code IS NOT NULL')
      ).getRows()[0]?.[0],
    );
    return {
      identityNames,
      activities,
      rowCount,
      identityEvents,
      identifyTraits,
      rows: this.scanRows(),
    };
  }

  private async readIdentityEvents(): Promise<IndexScan['identityEvents']> {
    const sql = `
      SELECT first_seq, kind, user_code, other_code FROM (
        SELECT min(seq) AS first_seq, 0 AS kind, user_code, -1 AS other_code
        FROM events WHERE user_code IS NOT NULL GROUP BY user_code
        UNION ALL
        SELECT min(seq), CASE WHEN type = 'alias' THEN 2 ELSE 1 END, user_code,
               CASE WHEN type = 'alias' THEN previous_code ELSE anonymous_code END
        FROM events
        WHERE user_code IS NOT NULL AND ((type = 'alias' AND previous_code IS NOT NULL) OR anonymous_code IS NOT NULL)
        GROUP BY 2, 3, 4)
      ORDER BY first_seq, kind`;
    const [seq, kind, userCode, otherCode] = (await readColumns(this.reader, sql, [
      Float64Array,
      Int32Array,
      Int32Array,
      Int32Array,
    ] as never)) as unknown as [Float64Array, Int32Array, Int32Array, Int32Array];
    return { length: kind.length, seq, kind, userCode, otherCode };
  }

  /** Identify calls carrying any of these traits, in arrival order, with those traits' values. */
  private async readIdentifyTraits(names: readonly string[]): Promise<IndexScan['identifyTraits']> {
    const out: IndexScan['identifyTraits'] = { seq: [], identity: [], traits: [] };
    if (names.length === 0) return out;
    const paths = names.map((name) => `'$.${JSON.stringify(name).replaceAll("'", "''")}'`);
    const values = paths.map((path) => `json_extract(traits, ${path})::VARCHAR`);
    const rows = (
      await this.reader.runAndReadAll(
        `SELECT seq, coalesce(user_code, anonymous_code), ${values.join(', ')} FROM events
         WHERE type = 'identify' AND traits IS NOT NULL AND coalesce(user_code, anonymous_code) IS NOT NULL
           AND (${values.map((value) => `${value} IS NOT NULL`).join(' OR ')})
         ORDER BY seq`,
      )
    ).getRows();
    for (const row of rows) {
      out.seq.push(Number(row[0]));
      out.identity.push(Number(row[1]));
      const traits: Record<string, unknown> = {};
      for (const [i, name] of names.entries()) {
        const text = row[i + 2];
        if (typeof text === 'string') traits[name] = JSON.parse(text);
      }
      out.traits.push(traits);
    }
    return out;
  }

  /** A dictionary table as a dense array by code; '' for codes whose entry was erased. */
  private async readDictionary(table: 'identities' | 'activities'): Promise<string[]> {
    // getColumns() has no columns at all when there are no rows.
    const [codes = [], names = []] = (await readColumnsWithTexts(
      this.reader,
      `SELECT code, encode(name) FROM ${table}`,
      [1],
    )) as [number[]?, string[]?];
    const size = codes.reduce((max, code) => Math.max(max, code + 1), 0);
    const dense = new Array<string>(size).fill('');
    for (let i = 0; i < codes.length; i++) dense[codes[i] as number] = names[i] as string;
    return dense;
  }

  private async *scanRows(): AsyncIterable<IndexRowChunk> {
    const result = await this.reader.stream(`
      SELECT coalesce(user_code, anonymous_code) AS identity, timestamp_ms, activity_code,
             ${CHANNEL_CODE_SQL} AS channel, seq
      FROM events WHERE activity_code IS NOT NULL`);
    for await (const chunk of result) {
      const n = chunk.rowCount;
      const out: IndexRowChunk = {
        length: n,
        identity: new Int32Array(n),
        timestampMs: new Float64Array(n),
        activity: new Int32Array(n),
        channel: new Uint8Array(n),
        seq: new Float64Array(n),
      };
      copyNumberColumn(chunk, 0, out.identity, 0);
      copyNumberColumn(chunk, 1, out.timestampMs, 0);
      copyNumberColumn(chunk, 2, out.activity, 0);
      copyNumberColumn(chunk, 3, out.channel, 0);
      copyNumberColumn(chunk, 4, out.seq, 0);
      yield out;
    }
  }

  async eraseIdentities(codes: readonly number[]): Promise<number> {
    if (codes.length === 0) return 0;
    const params = { codes: listValue(codes.map((code) => code)) };
    const erased = 'SELECT unnest($codes)';
    try {
      await this.writer.run('BEGIN TRANSACTION');
      const result = await this.writer.run(
        `DELETE FROM events WHERE coalesce(user_code, anonymous_code) IN (${erased})`,
        params,
      );
      // The code slots stay (codes are never reused); only the names go.
      for (const statement of [
        `UPDATE events SET anonymous_code = NULL WHERE anonymous_code IN (${erased})`,
        `UPDATE events SET previous_code = NULL WHERE previous_code IN (${erased})`,
        `UPDATE identities SET name = '' WHERE code IN (${erased})`,
      ]) {
        await this.writer.run(statement, params);
      }
      await this.writer.run('COMMIT');
      return Number(result.rowsChanged);
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Event attributes of every journey row (for the index's attribute columns), in one read. */
  eventAttributes(paths: readonly AttributePath[]): Promise<LoadedEventAttribute[]> {
    return this.onOwnConnection((connection) => readEventAttributes(connection, paths));
  }

  /** A customer trait's identify history, in arrival order. */
  traitHistory(path: AttributePath): Promise<LoadedTrait> {
    return this.onOwnConnection((connection) => readTrait(connection, path));
  }

  /** Every attribute path the stored events and identify calls have, with its value type. */
  seenAttributes(): Promise<SeenAttribute[]> {
    return this.onOwnConnection((connection) => readSeenAttributes(connection));
  }

  customerEvents(identityCodes: readonly number[]): Promise<CustomerEvent[]> {
    // Read outside the ingest lock, while other reads may be streaming.
    return this.onOwnConnection((connection) => readCustomerEvents(connection, identityCodes));
  }

  /**
   * Runs a streaming read on a connection of its own: a second query on a shared connection
   * silently ends a result still streaming there (duckdb-node-neo#227).
   */
  private async onOwnConnection<T>(read: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await read(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs read-only SQL for reports and benchmarks; rows as JSON-friendly objects. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.reader.runAndReadAll(sql);
    return result.getRowObjectsJson() as Record<string, unknown>[];
  }

  async close(): Promise<void> {
    await this.writer.run('CHECKPOINT');
    for (const appender of Object.values(this.stagers)) appender.closeSync();
    this.stager.closeSync();
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

function dictionaryColumns(fromCode: number, names: readonly string[], start: number, end: number): DuckDBValue[][] {
  return [Array.from({ length: end - start }, (_, i) => fromCode + start + i), names.slice(start, end)];
}
