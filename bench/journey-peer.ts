import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * DuckDB SQL for the journey reports over the store's tables (the peer the kernels are
 * measured against, and the independent computation tests compare them with). `events` and
 * `activities` name the store's tables (e.g. `store.events` when attached).
 *
 * Customers are stitched as the index does: an anonymousId belongs to the first userId it
 * came with. Stages follow examples/journeys/simple-subscription.yaml.
 */
export function stageCaseSql(): string {
  return `CASE
    WHEN a.name = 'Ad Clicked' AND e.channel = 'social' THEN 0
    WHEN a.name = 'Home Viewed' THEN 0
    WHEN a.name IN ('Plans Viewed', 'Chat Started') THEN 1
    WHEN a.name IN ('Signed Up', 'Checkout Started', 'Payment Failed', 'Order Completed') THEN 2
    WHEN a.name = 'Contact Completed' THEN 3
    WHEN a.name = 'App Opened' AND e.channel = 'app' THEN 4
    WHEN a.name = 'Survey Answered' AND TRY_CAST(json_extract_string(e.properties, '$.score') AS DOUBLE) >= 9 THEN 4
    ELSE -1 END`;
}

/**
 * The touchpoint of a row of examples/journeys/simple-subscription.yaml (the first that matches,
 * in the file's order), over columns `activity`, `channel` and the properties JSON `p`; NULL
 * outside every touchpoint.
 */
export function touchpointCaseSql(): string {
  const score = `TRY_CAST(json_extract_string(p, '$.score') AS DOUBLE)`;
  const outcome = `json_extract_string(p, '$.outcome')`;
  return `CASE
    WHEN activity = 'Ad Clicked' AND channel = 'social' THEN 'Ad clicked'
    WHEN activity = 'Home Viewed' THEN 'Home page'
    WHEN activity = 'Plans Viewed' THEN 'Plans compared'
    WHEN activity = 'Chat Started' THEN 'Sales chat'
    WHEN activity IN ('Signed Up', 'Checkout Started') THEN 'Sign-up'
    WHEN activity = 'Payment Failed' THEN 'Payment failed'
    WHEN activity = 'Order Completed' THEN 'Order placed'
    WHEN activity = 'Contact Completed' AND ${outcome} IS DISTINCT FROM 'abandoned' THEN 'Support call'
    WHEN activity = 'Contact Completed' AND ${outcome} = 'abandoned' THEN 'Abandoned call'
    WHEN activity = 'App Opened' AND channel = 'app' THEN 'Uses the app'
    WHEN activity = 'Survey Answered' AND ${score} >= 9 THEN 'Promoter'
    END`;
}

/** The stage of a touchpoint of simple-subscription.yaml (over `touchpointCaseSql`'s value). */
export function touchpointStageSql(touchpoint: string): string {
  return `CASE
    WHEN ${touchpoint} IN ('Ad clicked', 'Home page') THEN 'Awareness'
    WHEN ${touchpoint} IN ('Plans compared', 'Sales chat') THEN 'Consideration'
    WHEN ${touchpoint} IN ('Sign-up', 'Payment failed', 'Order placed') THEN 'Purchase'
    WHEN ${touchpoint} IN ('Support call', 'Abandoned call') THEN 'Service & Support'
    WHEN ${touchpoint} IN ('Uses the app', 'Promoter') THEN 'Loyalty & Advocacy'
    END`;
}

/**
 * Two CTEs: `anon_owner` (each anonymousId's first userId) and `name`, the journey rows with
 * `customer` stitched as the index does and the given `columns` (over `e`, the events, and `a`,
 * their activity). Every SQL peer of a journey report starts from these.
 */
export function stitchedRowsSql(events: string, activities: string, name: string, columns: string): string {
  return `
    anon_owner AS (
      SELECT anonymous_code, arg_min(user_code, seq) AS user_code
      FROM ${events} WHERE anonymous_code IS NOT NULL AND user_code IS NOT NULL GROUP BY 1),
    ${name} AS (
      SELECT coalesce(e.user_code, o.user_code, e.anonymous_code) AS customer, ${columns}
      FROM ${events} e JOIN ${activities} a ON a.code = e.activity_code
      LEFT JOIN anon_owner o ON o.anonymous_code = e.anonymous_code)`;
}

/** Rows in order per customer with a step number (from `stepCase`), the table the funnels read. */
function orderedSteps(events: string, activities: string, stepCase: string): string {
  return `${stitchedRowsSql(events, activities, 'classified', `e.timestamp_ms AS ts, e.seq, ${stepCase} AS step`)},
    r AS (
      SELECT customer, step, ts, row_number() OVER (PARTITION BY customer ORDER BY ts, seq) AS pos
      FROM classified WHERE step >= 0)`;
}

/**
 * An ordered funnel without a window (greedy: each step at its first row after the previous
 * step's): customers per step and the median seconds from the previous step.
 */
export function orderedFunnelSql(events: string, activities: string, stepCase: string, steps: number): string {
  const reach = Array.from({ length: steps }, (_, k) =>
    k === 0
      ? `s0 AS (SELECT customer, min(pos) AS pos, arg_min(ts, pos) AS ts FROM r WHERE step = 0 GROUP BY 1)`
      : `s${k} AS (SELECT r.customer, min(r.pos) AS pos, arg_min(r.ts, r.pos) AS ts, arg_min(r.ts, r.pos) - any_value(p.ts) AS gap
           FROM r JOIN s${k - 1} p ON p.customer = r.customer AND r.pos > p.pos WHERE r.step = ${k} GROUP BY 1)`,
  );
  const columns = Array.from({ length: steps }, (_, k) =>
    k === 0
      ? `(SELECT count(*) FROM s0), NULL`
      : `(SELECT count(*) FROM s${k}), (SELECT median(gap) / 1000 FROM s${k})`,
  );
  return `WITH ${orderedSteps(events, activities, stepCase)}, ${reach.join(',\n')} SELECT ${columns.join(', ')}`;
}

/** Runs a funnel query: customers and median seconds from the previous step, per step. */
export async function runFunnelSql(
  connection: DuckDBConnection,
  sql: string,
): Promise<Array<{ customers: number; medianSeconds: number | null }>> {
  const row = (await connection.runAndReadAll(sql)).getRows()[0] as unknown[];
  const out: Array<{ customers: number; medianSeconds: number | null }> = [];
  for (let i = 0; i < row.length; i += 2) {
    out.push({ customers: Number(row[i]), medianSeconds: row[i + 1] === null ? null : Number(row[i + 1]) });
  }
  return out;
}

/** The 5-step funnel "Plans to order" of simple-subscription.yaml as step numbers. */
export function plansToOrderCaseSql(): string {
  return `CASE
    WHEN a.name = 'Home Viewed' THEN 0
    WHEN a.name = 'Plans Viewed' THEN 1
    WHEN a.name IN ('Signed Up', 'Checkout Started') THEN 2
    WHEN a.name = 'Order Completed' THEN 3
    WHEN a.name = 'App Opened' AND e.channel = 'app' THEN 4
    ELSE -1 END`;
}

/** Every journey row with its stitched customer and activity name. */
function namedRows(events: string, activities: string): string {
  return stitchedRowsSql(events, activities, 'j', 'e.timestamp_ms AS ts, e.seq, a.name');
}

/**
 * Retention: customers returning (`returnEvent`) in period k (of `periodDays`) after their
 * first `startEvent`, summed over cohorts: one row per k with the count.
 */
export function retentionSql(
  events: string,
  activities: string,
  startEvent: string,
  returnEvent: string,
  periodDays: number,
  periods: number,
): string {
  const periodMs = periodDays * 86_400_000;
  return `WITH ${namedRows(events, activities)},
    starts AS (SELECT customer, arg_min(ts, (ts, seq)) AS t0, arg_min(seq, (ts, seq)) AS s0 FROM j WHERE name = '${startEvent}' GROUP BY 1),
    returns AS (
      SELECT DISTINCT j.customer, floor((j.ts - s.t0) / ${periodMs})::INTEGER AS k
      FROM j JOIN starts s ON s.customer = j.customer
      WHERE j.name = '${returnEvent}' AND (j.ts > s.t0 OR (j.ts = s.t0 AND j.seq > s.s0)) AND j.ts - s.t0 < ${periods * periodMs})
    SELECT k, count(*) FROM returns GROUP BY k ORDER BY k`;
}

/** Paths after the first `anchor` event: customers per step (0 = the anchor) over `depth` more steps. */
export function pathsSql(events: string, activities: string, anchor: string, depth: number): string {
  return `WITH ${namedRows(events, activities)},
    ordered AS (SELECT customer, name, row_number() OVER (PARTITION BY customer ORDER BY ts, seq) AS pos FROM j),
    anchors AS (SELECT customer, min(pos) AS pos FROM ordered WHERE name = '${anchor}' GROUP BY 1)
    SELECT o.pos - a.pos AS step, o.name, count(*) AS customers
    FROM ordered o JOIN anchors a ON a.customer = o.customer AND o.pos BETWEEN a.pos AND a.pos + ${depth}
    GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`;
}
