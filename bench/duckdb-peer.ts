import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The peer every kernel is measured against: DuckDB SQL over the same stored events, with
 * customers stitched the same way (an anonymousId belongs to the first userId it came with).
 */
export class DuckDbPeer {
  private constructor(private readonly db: Awaited<ReturnType<DuckDBInstance['connect']>>) {}

  static async open(eventsDbPath: string): Promise<DuckDbPeer> {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run(`ATTACH '${eventsDbPath}' AS store (READ_ONLY)`);
    await db.run(`
      CREATE TABLE anon_owner AS
        SELECT anonymous_id, arg_min(user_id, seq) AS user_id
        FROM store.events WHERE anonymous_id IS NOT NULL AND user_id IS NOT NULL GROUP BY 1;
      CREATE TABLE journey AS
        SELECT coalesce(e.user_id, o.user_id, e.anonymous_id) AS customer, e.activity, e.timestamp_ms AS ts, e.seq
        FROM store.events e LEFT JOIN anon_owner o ON o.anonymous_id = e.anonymous_id
        WHERE e.activity IS NOT NULL;`);
    return new DuckDbPeer(db);
  }

  async time<T>(sql: string, read: (rows: unknown[][]) => T): Promise<{ seconds: number; result: T }> {
    const started = performance.now();
    const rows = (await this.db.runAndReadAll(sql)).getRows();
    const seconds = (performance.now() - started) / 1000;
    return { seconds, result: read(rows as unknown[][]) };
  }

  /** DFG edges and counts via LEAD, the way an analyst would write it. */
  dfg() {
    return this.time(
      `SELECT activity, next, count(*) AS n, median(next_ts - ts) / 1000 AS median_seconds FROM (
         SELECT activity, ts, lead(activity) OVER w AS next, lead(ts) OVER w AS next_ts
         FROM journey WINDOW w AS (PARTITION BY customer ORDER BY ts, seq))
       WHERE next IS NOT NULL GROUP BY 1, 2`,
      (rows) => rows.map(([from, to, count, median]) => ({ from, to, count: Number(count), median: Number(median) })),
    );
  }

  /** Variants: each customer's whole sequence as a string, then counted. */
  variants() {
    return this.time(
      `SELECT sequence, count(*) AS n FROM (
         SELECT customer, string_agg(activity, ' → ' ORDER BY ts, seq) AS sequence FROM journey GROUP BY customer)
       GROUP BY sequence ORDER BY n DESC, sequence`,
      (rows) => rows.map(([sequence, count]) => ({ sequence: sequence as string, count: Number(count) })),
    );
  }

  /** DuckDB's own JSONL reader loading the same file into a table (the import peer). */
  async importJsonl(path: string): Promise<number> {
    const started = performance.now();
    await this.db.run(
      `CREATE OR REPLACE TABLE raw_import AS SELECT * FROM read_json('${path}', format = 'newline_delimited')`,
    );
    return (performance.now() - started) / 1000;
  }

  async count(table: string): Promise<number> {
    return Number((await this.db.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]?.[0]);
  }
}
