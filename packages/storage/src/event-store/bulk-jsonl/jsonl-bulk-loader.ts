import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import {
  blobValue,
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBInstance,
  INTEGER,
  listValue,
} from '@duckdb/node-api';
import type { EncodedColumns } from '@waymark/core';
import type { DictionaryAdditions } from '../event-store.ts';
import { type BlobValue, bytesOf, readColumnsWithTexts } from '../text-values.ts';
import { appendNumberColumns, readColumns } from '../vectors.ts';
import {
  ACCEPTED_COLUMNS,
  acceptedRowsSql,
  activityCodesSql,
  identityCodesSql,
  insertNamesSql,
  insertRowsSql,
  STAGED_EVENT_COLUMNS,
} from './commit-sql.ts';
import type { BlockCommit, BlockEvent, BlockNames, JsonlBulkLoading, StagedBlock } from './jsonl-bulk-loading.ts';
import { LineKind, STAGED_LINE_COLUMNS, stageLinesSql } from './parse-lines-sql.ts';
import { readStoredRows } from './stored-rows.ts';

/**
 * DuckDB-native JSONL loading: DuckDB splits a block into lines, parses and normalizes them
 * (see parse-lines-sql.ts), and stores the accepted ones with one INSERT … SELECT, so that the
 * common line never becomes a JavaScript object. The caller decides what is accepted (dedupe
 * is the ingest pipeline's) from the message ids it is given, and judges the lines left to it.
 *
 * Two blocks can be staged at once (one being stored while the next is parsed): staging runs
 * on its own connection. Both connections are the loader's alone, and each runs one statement
 * at a time, so the results it streams (line numbers, stored rows) are never cut short by
 * another query on the same connection (duckdb-node-neo#227).
 */
export class JsonlBulkLoader implements JsonlBulkLoading {
  private readonly free: string[] = [];
  private readonly tables = new WeakMap<StagedBlock, string>();
  private created = 0;

  private constructor(
    private readonly parser: DuckDBConnection,
    private readonly committer: DuckDBConnection,
    private readonly accepted: DuckDBAppender,
    private readonly events: DuckDBAppender,
  ) {}

  /** Opens a loader on the store's instance; its tables live in the store's in-memory `stage` database. */
  static async open(instance: DuckDBInstance): Promise<JsonlBulkLoader> {
    const committer = await instance.connect();
    await committer.run(`
      CREATE OR REPLACE TABLE stage.jsonl_accepted ${ACCEPTED_COLUMNS};
      CREATE OR REPLACE TABLE stage.jsonl_events ${STAGED_EVENT_COLUMNS};`);
    const accepted = await committer.createAppender('jsonl_accepted', 'main', 'stage');
    const events = await committer.createAppender('jsonl_events', 'main', 'stage');
    return new JsonlBulkLoader(await instance.connect(), committer, accepted, events);
  }

  async stage(block: Uint8Array): Promise<StagedBlock> {
    const table = this.free.pop() ?? `stage.jsonl_lines_${this.created++}`;
    await this.parser.run(`CREATE OR REPLACE TABLE ${table} ${STAGED_LINE_COLUMNS}`);
    if (!isUtf8(block)) {
      // DuckDB refuses text that is not UTF-8; JavaScript reads it with replacement characters.
      const staged = allForJavaScript(block);
      this.tables.set(staged, table);
      return staged;
    }
    try {
      const inserted = await this.parser.run(stageLinesSql(table), { chunk: blobValue(block) });
      const [jsLine = [], jsText = []] = (await readColumnsWithTexts(
        this.parser,
        `SELECT line, encode(raw) FROM ${table} WHERE kind = ${LineKind.js} ORDER BY line`,
        [1],
      )) as [number[]?, string[]?];
      const [sqlLine] = (await readColumns(
        this.parser,
        `SELECT line FROM ${table} WHERE kind = ${LineKind.sql} ORDER BY line`,
        [Int32Array],
      )) as [Int32Array];
      const [[ids = null] = []] = (await readColumnsWithTexts(
        this.parser,
        `SELECT encode(string_agg(message_id || chr(0), '' ORDER BY line)) FROM ${table} WHERE kind = ${LineKind.sql}`,
        [],
      )) as [Array<BlobValue | null>?];
      const staged: StagedBlock = {
        lineCount: Number(inserted.rowsChanged) - (block[block.length - 1] === 10 ? 1 : 0),
        jsLines: { line: Int32Array.from(jsLine), text: jsText },
        sqlLines: { line: sqlLine, messageIds: ids === null ? new Uint8Array(0) : bytesOf(ids) },
      };
      this.tables.set(staged, table);
      return staged;
    } catch (error) {
      this.free.push(table);
      throw error;
    }
  }

  async storedMessageIds(hashes: Float64Array): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const c = this.committer;
    // The hashes go in by the accepted table's message_hash column (a block's commit empties it again).
    await c.run('DELETE FROM stage.jsonl_accepted');
    appendNumberColumns(
      this.accepted,
      [INTEGER, DOUBLE, DOUBLE],
      [new Int32Array(hashes.length), hashes, hashes],
      hashes.length,
    );
    const ids = await readTexts(
      c,
      'SELECT DISTINCT encode(message_id) FROM main.events WHERE message_hash IN (SELECT message_hash FROM stage.jsonl_accepted)',
    );
    return new Set(ids as string[]);
  }

  async storeDictionary(additions: DictionaryAdditions): Promise<void> {
    const c = this.committer;
    await this.inTransaction(async () => {
      for (const [table, { fromCode, names }] of [
        ['identities', additions.identities],
        ['activities', additions.activities],
      ] as const) {
        if (names.length === 0) continue;
        await c.run(
          `INSERT INTO main.${table} SELECT ${fromCode} + i - 1, names[i]
           FROM (SELECT $names AS names, generate_subscripts($names, 1) AS i)`,
          { names: listValue([...names]) },
        );
      }
    });
  }

  async commitNames(block: StagedBlock, commit: BlockCommit): Promise<BlockNames> {
    const c = this.committer;
    await c.run('DELETE FROM stage.jsonl_accepted; DELETE FROM stage.jsonl_events;');
    const { accepted } = commit;
    appendNumberColumns(
      this.accepted,
      [INTEGER, DOUBLE, DOUBLE],
      [accepted.line, accepted.seq, accepted.messageHash],
      accepted.length,
    );
    this.appendEvents(commit.events);
    const rows = this.acceptedRows(block);
    await c.run(identityCodesSql(rows, 'stage.jsonl_identities', commit.firstNewIdentityCode));
    await c.run(activityCodesSql(rows, 'stage.jsonl_activities', commit.firstNewActivityCode));
    await this.inTransaction(async () => {
      await c.run(insertNamesSql('stage.jsonl_identities', 'identities'));
      await c.run(insertNamesSql('stage.jsonl_activities', 'activities'));
    });
    return {
      identities: await this.readNames('stage.jsonl_identities'),
      activities: await this.readNames('stage.jsonl_activities'),
    };
  }

  async commitRows(block: StagedBlock, commit: BlockCommit): Promise<EncodedColumns> {
    const c = this.committer;
    await this.inTransaction(async () => {
      await c.run(insertRowsSql(this.acceptedRows(block), 'stage.jsonl_identities', 'stage.jsonl_activities'), {
        source: commit.source,
        received_ms: commit.receivedAtMs,
        default_channel: commit.defaultChannel,
      });
    });
    const { accepted } = commit;
    const firstSeq = accepted.length > 0 ? (accepted.seq[0] as number) : Number.POSITIVE_INFINITY;
    return readStoredRows(c, firstSeq, accepted.length);
  }

  async release(block: StagedBlock): Promise<void> {
    const table = this.tables.get(block);
    if (table === undefined) return;
    this.tables.delete(block);
    // Emptied when it is staged into next (CREATE OR REPLACE): the parser's connection may be
    // staging another block right now, and one connection runs one statement at a time.
    this.free.push(table);
  }

  async close(): Promise<void> {
    for (let n = 0; n < this.created; n++) await this.parser.run(`DROP TABLE IF EXISTS stage.jsonl_lines_${n}`);
    await this.committer.run(
      'DROP TABLE IF EXISTS stage.jsonl_identities; DROP TABLE IF EXISTS stage.jsonl_activities;',
    );
    this.accepted.closeSync();
    this.events.closeSync();
    this.parser.closeSync();
    this.committer.closeSync();
  }

  /** Runs `work` on the committer in one transaction. */
  private async inTransaction(work: () => Promise<void>): Promise<void> {
    const c = this.committer;
    await c.run('BEGIN TRANSACTION');
    try {
      await work();
      await c.run('COMMIT');
    } catch (error) {
      await c.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** The block's accepted rows (see acceptedRowsSql), from its lines and the staged JavaScript events. */
  private acceptedRows(block: StagedBlock): string {
    return acceptedRowsSql(this.tableOf(block), 'stage.jsonl_events', 'stage.jsonl_accepted');
  }

  private tableOf(block: StagedBlock): string {
    const table = this.tables.get(block);
    if (table === undefined) throw new Error('this block was not staged here, or was released');
    return table;
  }

  /** The few JavaScript-normalized events, a value at a time (the slow way, for the rare line). */
  private appendEvents(events: readonly BlockEvent[]): void {
    if (events.length === 0) return;
    const text = (value: string | null) =>
      value === null ? this.events.appendNull() : this.events.appendVarchar(value);
    const json = (value: object | null) => text(value === null ? null : JSON.stringify(value));
    for (const { line, event: e } of events) {
      this.events.appendInteger(line);
      text(e.messageId);
      text(e.type);
      text(e.userId);
      text(e.anonymousId);
      text(e.previousId);
      text(e.activity);
      text(e.channel);
      this.events.appendDouble(e.timestampMs);
      json(e.properties);
      json(e.traits);
      json(e.context);
      this.events.endRow();
    }
    this.events.flushSync();
  }

  private async readNames(table: string): Promise<string[]> {
    return (await readTexts(this.committer, `SELECT encode(name) FROM ${table} WHERE new ORDER BY code`)) as string[];
  }
}

/** The first column of a query that selects `encode(text)`, as text. */
async function readTexts(connection: DuckDBConnection, sql: string): Promise<Array<string | null>> {
  const [column = []] = await readColumnsWithTexts(connection, sql, [0]);
  return column as Array<string | null>;
}

/** A block DuckDB cannot read (not UTF-8): every line for JavaScript, decoded as the JavaScript reader does. */
function allForJavaScript(block: Uint8Array): StagedBlock {
  const decoder = new StringDecoder('utf8');
  const text = decoder.write(Buffer.from(block.buffer, block.byteOffset, block.byteLength)) + decoder.end();
  const lines = text.split('\n');
  const endsWithNewline = block[block.length - 1] === 10;
  const count = lines.length - (endsWithNewline ? 1 : 0);
  return {
    lineCount: count,
    jsLines: { line: Int32Array.from({ length: count }, (_, i) => i + 1), text: lines.slice(0, count) },
    sqlLines: { line: new Int32Array(0), messageIds: new Uint8Array(0) },
  };
}
