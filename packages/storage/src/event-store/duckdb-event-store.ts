import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBValue,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import { CHANNELS } from '@waymark/core';
import type { EventStore, IndexRowChunk, IndexScan, StoredEvent } from './event-store.ts';
import { CREATE_EVENTS, EVENT_COLUMNS } from './schema.ts';

const COLUMN_TYPES = EVENT_COLUMNS.map((name) =>
  name === 'seq' || name === 'message_hash' || name === 'timestamp_ms' || name === 'received_ms' ? DOUBLE : VARCHAR,
);
const CHUNK_ROWS = 2048;

/**
 * The embedded event store: one DuckDB file in the data folder. An append is staged with the
 * Appender into an in-memory table (cheap: no WAL, no compression), then moved into `events`
 * by one INSERT that commits (DuckDB writes its WAL before the commit returns) — so a
 * resolved append survives a crash, and the costly commit runs off the JS thread.
 */
export class DuckDbEventStore implements EventStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    private readonly stager: DuckDBConnection,
  ) {}

  private nextStage = 0;

  /** Opens (creating if needed) `<dataDir>/events.duckdb`; `:memory:` for a throwaway store. */
  static async open(dataDir: string | ':memory:'): Promise<DuckDbEventStore> {
    let path = ':memory:';
    if (dataDir !== ':memory:') {
      mkdirSync(dataDir, { recursive: true });
      path = join(dataDir, 'events.duckdb');
    }
    const instance = await DuckDBInstance.create(path);
    const writer = await instance.connect();
    await writer.run(CREATE_EVENTS);
    await writer.run("ATTACH ':memory:' AS stage");
    const reader = await instance.connect();
    const stager = await instance.connect();
    return new DuckDbEventStore(instance, writer, reader, stager);
  }

  async append(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const table = `batch_${this.nextStage++}`;
    await this.stager.run(`CREATE TABLE stage.${table} AS SELECT * FROM events LIMIT 0`);
    const appender = await this.stager.createAppender(table, 'main', 'stage');
    try {
      for (let start = 0; start < events.length; start += CHUNK_ROWS) {
        appender.appendDataChunk(eventChunk(events, start, Math.min(events.length, start + CHUNK_ROWS)));
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    // The durable part runs on DuckDB's threads, leaving the JS thread free meanwhile.
    await this.writer.run(`INSERT INTO events SELECT * FROM stage.${table}; DROP TABLE stage.${table};`);
  }

  async maxSeq(): Promise<number> {
    const result = await this.reader.runAndReadAll('SELECT coalesce(max(seq), 0) FROM events');
    return Number(result.getRows()[0]?.[0] ?? 0);
  }

  async count(): Promise<number> {
    const result = await this.reader.runAndReadAll('SELECT count(*) FROM events');
    return Number(result.getRows()[0]?.[0] ?? 0);
  }

  async messageHashes(): Promise<Float64Array> {
    const total = await this.count();
    const hashes = new Float64Array(total);
    let n = 0;
    const result = await this.reader.stream('SELECT message_hash FROM events');
    for await (const chunk of result) {
      const vector = chunk.getColumnVector(0);
      for (let i = 0; i < chunk.rowCount && n < total; i++) hashes[n++] = vector.getItem(i) as number;
    }
    return hashes.subarray(0, n);
  }

  async existingMessageIds(ids: ReadonlyArray<{ messageId: string; messageHash: number }>): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await this.reader.runAndReadAll(
      'SELECT DISTINCT message_id FROM events WHERE list_contains($hashes, message_hash) AND list_contains($ids, message_id)',
      { hashes: listValue(ids.map((id) => id.messageHash)), ids: listValue(ids.map((id) => id.messageId)) },
    );
    return new Set(result.getRows().map((row) => row[0] as string));
  }

  async scanForIndex(): Promise<IndexScan> {
    const db = this.reader;
    await db.run(`
      CREATE OR REPLACE TEMP TABLE wm_identity AS
      WITH names AS (
        SELECT user_id AS name, min(seq) AS first_seq, true AS is_user FROM events WHERE user_id IS NOT NULL GROUP BY 1
        UNION ALL SELECT anonymous_id, min(seq), false FROM events WHERE anonymous_id IS NOT NULL GROUP BY 1
        UNION ALL SELECT previous_id, min(seq), false FROM events WHERE previous_id IS NOT NULL GROUP BY 1
      )
      SELECT name, bool_or(is_user) AS is_user, (row_number() OVER (ORDER BY min(first_seq), name) - 1)::INTEGER AS code
      FROM names GROUP BY name`);
    await db.run(`
      CREATE OR REPLACE TEMP TABLE wm_activity AS
      SELECT activity AS name, (row_number() OVER (ORDER BY min(seq)) - 1)::INTEGER AS code
      FROM events WHERE activity IS NOT NULL GROUP BY activity`);
    const identityRows = (await db.runAndReadAll('SELECT name, is_user FROM wm_identity ORDER BY code')).getRows();
    const activityRows = (await db.runAndReadAll('SELECT name FROM wm_activity ORDER BY code')).getRows();
    const linkRows = (
      await db.runAndReadAll(`
        SELECT l.alias, u.code, o.code AS other
        FROM (
          SELECT type = 'alias' AS alias, user_id,
                 CASE WHEN type = 'alias' THEN previous_id ELSE anonymous_id END AS other_id, min(seq) AS first_seq
          FROM events
          WHERE user_id IS NOT NULL AND ((type = 'alias' AND previous_id IS NOT NULL) OR anonymous_id IS NOT NULL)
          GROUP BY 1, 2, 3
        ) l
        JOIN wm_identity u ON u.name = l.user_id
        JOIN wm_identity o ON o.name = l.other_id
        ORDER BY l.first_seq`)
    ).getRows();
    const rows = this.scanRows();
    return {
      identities: {
        names: identityRows.map((row) => row[0] as string),
        isUserId: identityRows.map((row) => row[1] as boolean),
      },
      activities: activityRows.map((row) => row[0] as string),
      links: linkRows.map((row) => ({
        alias: row[0] as boolean,
        userCode: row[1] as number,
        otherCode: row[2] as number,
      })),
      rows,
    };
  }

  private async *scanRows(): AsyncIterable<IndexRowChunk> {
    const channels = `[${CHANNELS.map((c) => `'${c}'`).join(',')}]`;
    const result = await this.reader.stream(`
      SELECT coalesce(u.code, a.code) AS identity, e.timestamp_ms, act.code AS activity,
             coalesce(list_position(${channels}, e.channel), 0)::UTINYINT AS channel, e.seq
      FROM events e
      JOIN wm_activity act ON act.name = e.activity
      LEFT JOIN wm_identity u ON u.name = e.user_id
      LEFT JOIN wm_identity a ON a.name = e.anonymous_id`);
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
      const [identity, ts, activity, channel, seq] = [0, 1, 2, 3, 4].map((c) => chunk.getColumnVector(c));
      for (let i = 0; i < n; i++) {
        out.identity[i] = identity?.getItem(i) as number;
        out.timestampMs[i] = ts?.getItem(i) as number;
        out.activity[i] = activity?.getItem(i) as number;
        out.channel[i] = channel?.getItem(i) as number;
        out.seq[i] = seq?.getItem(i) as number;
      }
      yield out;
    }
  }

  async eraseIdentities(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.writer.run(
      `DELETE FROM events WHERE list_contains($ids, user_id) OR list_contains($ids, anonymous_id)
         OR list_contains($ids, previous_id)`,
      { ids: listValue([...ids]) },
    );
    return Number(result.rowsChanged);
  }

  /** Runs read-only SQL for reports and benchmarks; rows as JSON-friendly objects. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    const result = await this.reader.runAndReadAll(sql);
    return result.getRowObjectsJson() as Record<string, unknown>[];
  }

  async close(): Promise<void> {
    await this.writer.run('CHECKPOINT');
    this.stager.closeSync();
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

function eventChunk(events: readonly StoredEvent[], start: number, end: number): DuckDBDataChunk {
  const columns: DuckDBValue[][] = EVENT_COLUMNS.map(() => new Array(end - start));
  for (let i = start; i < end; i++) {
    const e = events[i] as StoredEvent;
    const row = i - start;
    (columns[0] as DuckDBValue[])[row] = e.seq;
    (columns[1] as DuckDBValue[])[row] = e.messageId;
    (columns[2] as DuckDBValue[])[row] = e.messageHash;
    (columns[3] as DuckDBValue[])[row] = e.type;
    (columns[4] as DuckDBValue[])[row] = e.userId;
    (columns[5] as DuckDBValue[])[row] = e.anonymousId;
    (columns[6] as DuckDBValue[])[row] = e.previousId;
    (columns[7] as DuckDBValue[])[row] = e.timestampMs;
    (columns[8] as DuckDBValue[])[row] = e.receivedAtMs;
    (columns[9] as DuckDBValue[])[row] = e.activity;
    (columns[10] as DuckDBValue[])[row] = e.channel;
    (columns[11] as DuckDBValue[])[row] = e.properties === null ? null : JSON.stringify(e.properties);
    (columns[12] as DuckDBValue[])[row] = e.traits === null ? null : JSON.stringify(e.traits);
    (columns[13] as DuckDBValue[])[row] = e.context === null ? null : JSON.stringify(e.context);
    (columns[14] as DuckDBValue[])[row] = e.source;
  }
  const chunk = DuckDBDataChunk.create(COLUMN_TYPES, end - start);
  chunk.setColumns(columns);
  return chunk;
}
