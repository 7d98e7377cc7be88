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
    // The same stitching as the index, on the store's integer codes (the fastest form for DuckDB).
    await db.run(`
      CREATE TABLE anon_owner AS
        SELECT anonymous_code, arg_min(user_code, seq) AS user_code
        FROM store.events WHERE anonymous_code IS NOT NULL AND user_code IS NOT NULL GROUP BY 1;
      CREATE TABLE journey AS
        SELECT coalesce(e.user_code, o.user_code, e.anonymous_code) AS customer, e.activity_code AS activity,
               e.timestamp_ms AS ts, e.seq
        FROM store.events e LEFT JOIN anon_owner o ON o.anonymous_code = e.anonymous_code
        WHERE e.activity_code IS NOT NULL;
      CREATE TABLE activity_names AS SELECT code, name FROM store.activities;`);
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
      `SELECT f.name, t.name, n, median_seconds FROM (
         SELECT activity, next, count(*) AS n, median(next_ts - ts) / 1000 AS median_seconds FROM (
           SELECT activity, ts, lead(activity) OVER w AS next, lead(ts) OVER w AS next_ts
           FROM journey WINDOW w AS (PARTITION BY customer ORDER BY ts, seq))
         WHERE next IS NOT NULL GROUP BY 1, 2) d
       JOIN activity_names f ON f.code = d.activity JOIN activity_names t ON t.code = d.next`,
      (rows) => rows.map(([from, to, count, median]) => ({ from, to, count: Number(count), median: Number(median) })),
    );
  }

  /** Variants: each customer's whole sequence as a string, then counted. */
  variants() {
    return this.time(
      `SELECT sequence, count(*) AS n FROM (
         SELECT customer, string_agg(activity::VARCHAR, ',' ORDER BY ts, seq) AS sequence FROM journey GROUP BY customer)
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
