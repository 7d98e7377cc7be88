import { CHANNEL_CODE_SQL } from '../schema.ts';

/**
 * SQL for storing one staged block of JSONL lines: the accepted rows (normalized in SQL or in
 * JavaScript), dictionary codes for the names they bring — given in arrival order, as the
 * journey index's dictionaries give them — and the insert itself.
 */

/** JavaScript-normalized events of a block, staged beside the SQL-normalized lines. */
export const STAGED_EVENT_COLUMNS = `(
  line INTEGER, message_id VARCHAR, type VARCHAR, user_id VARCHAR, anonymous_id VARCHAR, previous_id VARCHAR,
  activity VARCHAR, channel VARCHAR, timestamp_ms DOUBLE, properties VARCHAR, traits VARCHAR, context VARCHAR)`;

/** Which lines of a block are stored, and as what: line, arrival number, message-id hash. */
export const ACCEPTED_COLUMNS = '(line INTEGER, seq DOUBLE, message_hash DOUBLE)';

const NORMALIZED =
  'line, message_id, type, user_id, anonymous_id, previous_id, activity, channel, timestamp_ms, properties, traits, context';

/**
 * The accepted rows of a block with everything stored about them, as a subquery: read where
 * it is needed rather than copied (the lines are a wide table).
 */
export function acceptedRowsSql(lines: string, events: string, accepted: string): string {
  return `(
  SELECT a.seq, a.message_hash, r.* EXCLUDE (line)
  FROM ${accepted} a
  JOIN (SELECT ${NORMALIZED} FROM ${lines} WHERE kind = 0 UNION ALL SELECT ${NORMALIZED} FROM ${events}) r USING (line))`;
}

/**
 * Codes for every identity the rows name: the stored code, or a new one from `firstNewCode`
 * on, in order of first appearance — by arrival, and within a message userId, then
 * anonymousId, then previousId, the order in which the index's encode() asks for them.
 */
export function identityCodesSql(rows: string, into: string, firstNewCode: number): string {
  return `
CREATE OR REPLACE TABLE ${into} AS
WITH r AS MATERIALIZED (SELECT seq, user_id, anonymous_id, previous_id FROM ${rows}),
firsts AS (
  SELECT name, min(position) AS first FROM (
    SELECT user_id AS name, seq * 4 AS position FROM r WHERE user_id IS NOT NULL
    UNION ALL SELECT anonymous_id, seq * 4 + 1 FROM r WHERE anonymous_id IS NOT NULL
    UNION ALL SELECT previous_id, seq * 4 + 2 FROM r WHERE previous_id IS NOT NULL)
  GROUP BY name
)${codesSql('identities', 'max', firstNewCode)}`;
}

/** Codes for every activity the rows name, new ones in order of first arrival (see {@link identityCodesSql}). */
export function activityCodesSql(rows: string, into: string, firstNewCode: number): string {
  return `
CREATE OR REPLACE TABLE ${into} AS
WITH firsts AS (SELECT activity AS name, min(seq) AS first FROM ${rows} WHERE activity IS NOT NULL GROUP BY activity)${codesSql('activities', 'min', firstNewCode)}`;
}

/**
 * The rest of a codes query, after a `firsts (name, first)` clause: each name's stored code —
 * of equal names, the one the index's lookup gives (`pick`: identities the last, activities the
 * first) — or else a new code from `firstNewCode` on, in order of `first`; and whether it is new.
 */
function codesSql(dictionary: 'identities' | 'activities', pick: 'min' | 'max', firstNewCode: number): string {
  return `, known AS (
  SELECT f.name, f.first, d.code
  FROM firsts f
  LEFT JOIN (SELECT name, ${pick}(code) AS code FROM ${dictionary} WHERE name IN (SELECT name FROM firsts) GROUP BY name) d
  USING (name)
)
SELECT name, coalesce(code, ${firstNewCode - 1} + row_number() OVER (PARTITION BY code IS NULL ORDER BY first)) AS code,
       code IS NULL AS new
FROM known`;
}

/** The new dictionary entries (stored before the rows: see JsonlBulkLoading.commitNames). */
export function insertNamesSql(names: string, into: 'identities' | 'activities'): string {
  return `INSERT INTO main.${into} SELECT code, name FROM ${names} WHERE new`;
}

/**
 * Stores the rows with their codes. Parameters: `$source`, `$received_ms` and
 * `$default_channel` (for SQL-normalized rows that gave no time or channel).
 */
export function insertRowsSql(rows: string, identities: string, activities: string): string {
  return `
INSERT INTO main.events
SELECT r.seq, r.message_id, r.message_hash, r.type, coalesce(r.timestamp_ms, $received_ms), $received_ms,
       coalesce(r.channel, $default_channel), r.properties, r.traits, r.context, $source,
       u.code, a.code, p.code, act.code
FROM ${rows} r
LEFT JOIN ${identities} u ON u.name = r.user_id
LEFT JOIN ${identities} a ON a.name = r.anonymous_id
LEFT JOIN ${identities} p ON p.name = r.previous_id
LEFT JOIN ${activities} act ON act.name = r.activity`;
}

/** What the journey index needs of the rows stored from `firstSeq` on, in arrival order. */
export function replaySql(firstSeq: number): string {
  return `
SELECT seq, timestamp_ms, ${CHANNEL_CODE_SQL} AS channel,
       coalesce(user_code, -1), coalesce(anonymous_code, -1), coalesce(previous_code, -1), coalesce(activity_code, -1),
       (type = 'alias')::UTINYINT
FROM main.events WHERE seq >= ${firstSeq} ORDER BY seq`;
}
