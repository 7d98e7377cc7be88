import {
  CHANNELS,
  MAX_ID_LENGTH,
  MAX_JSON_DEPTH,
  MAX_NAME_LENGTH,
  MESSAGE_TYPES,
  UNNAMED_VIEW_ACTIVITY,
} from '@waymark/core';

/**
 * SQL that splits a block of JSONL text into lines and normalizes, in DuckDB, every line whose
 * result is certain to be exactly what `normalizeMessage` (core) would give: the same fields,
 * activity, channel and time, and properties/traits/context as the same JSON text that
 * `JSON.stringify` writes. Every other line — invalid, unusual or merely unfamiliar — is kept
 * raw for the JavaScript path, which judges it and names its problems as it always has. The
 * rules lean towards the JavaScript path: a line sent there needlessly costs microseconds, a
 * line accepted here wrongly would be stored differently.
 *
 * Written for speed as much as for clarity: cheap tests first, expensive ones inside CASE so
 * they run only on the rows that need them (DuckDB evaluates both sides of AND and OR).
 */

/** What a staged line is: normalized here, left to the JavaScript path, or blank (not a record). */
export const LineKind = { sql: 0, js: 1, blank: 2 } as const;

/**
 * The staging table one block of lines goes into. `line` counts from 1 within the block; the
 * normalized columns are meaningful for kind sql only; `channel` and `timestamp_ms` are NULL
 * where the message gives none (the import's defaults are applied when it is stored); `raw` is
 * kept for kind js only.
 */
export const STAGED_LINE_COLUMNS = `(
  line INTEGER, kind UTINYINT, raw VARCHAR,
  message_id VARCHAR, type VARCHAR, user_id VARCHAR, anonymous_id VARCHAR, previous_id VARCHAR,
  activity VARCHAR, channel VARCHAR, timestamp_ms DOUBLE, properties VARCHAR, traits VARCHAR, context VARCHAR)`;

/** Every top-level field normalizeMessage looks at, read as JSON text so that its type shows. */
const FIELDS = {
  type: 'type',
  messageId: 'mid',
  userId: 'uid',
  anonymousId: 'aid',
  previousId: 'pid',
  groupId: 'gid',
  timestamp: 'ts',
  event: 'ev',
  name: 'nm',
  properties: 'props',
  traits: 'traits',
  context: 'ctx',
} as const;
/**
 * Fields that only a JSON string can pass (a type name, an ISO time) are read as text; the
 * others as JSON text, whose first character tells a string from a number, an object or null.
 */
const TEXT_FIELDS = new Set(['type', 'timestamp']);
const SCHEMA = JSON.stringify(
  Object.fromEntries(Object.keys(FIELDS).map((field) => [field, TEXT_FIELDS.has(field) ? 'VARCHAR' : 'JSON'])),
);
/**
 * The length of the line if it were exactly its known fields, minified, each once: `{`, then
 * `"key":value` and a comma or `}` for each. The fields' text is DuckDB's (minified) writing of
 * each value, which for any line accepted here is never longer than the value as written (see
 * TEXT_RISKS); so a line of exactly this length has no other keys, no key twice, no explicit
 * null, no whitespace and no trailing comma — checked with arithmetic instead of a second parse.
 */
const EXACT_LENGTH = `1 + ${Object.entries(FIELDS)
  .map(([field, alias]) => `coalesce(strlen(j_${alias}) + ${field.length + 4 + (TEXT_FIELDS.has(field) ? 2 : 0)}, 0)`)
  .join(' + ')}`;

/**
 * Text that may read differently in JavaScript, anywhere in a line: an escape (a line without
 * any keeps each string verbatim between its quotes, and cannot hold a lone surrogate).
 * Trailing commas, which DuckDB's JSON parser accepts and JSON.parse does not, are
 * {@link TRAILING_COMMA}; NaN and Infinity (the same) are looked for in the fields' text, or in
 * the whole line when it has fields of its own.
 */
const TRAILING_COMMA = String.raw`,[ \t\r]*[}\]]`;
const NAN_OR_INFINITY = String.raw`[:,\[][ \t\r]*[+-]?(?i:nan|inf)`;

/**
 * JSON text as DuckDB writes it back (minified) that JSON.stringify might write differently:
 * keys that are array indices (JavaScript puts them first), numbers DuckDB writes as `1.0` or
 * with an exponent (JavaScript: `1`, `1e+21`; DuckDB may also write an exponent longer than it
 * was sent), integers of 16 digits or more (beyond 2^53 JavaScript rounds), and NaN/Infinity.
 */
const TEXT_RISKS = String.raw`[{,]"[0-9]+":|[0-9]\.0[,}\]]|[:,\[]-?[0-9][0-9.]*[eE]|[:,\[]-?[0-9]{16}|[:,\[]-?(?i:nan|inf)`;

/**
 * The value whose JSON text `json` is (one of `values`), else NULL. A CASE rather than IN: DuckDB
 * turns an IN list of constants into a join, which carries every column of the row through it.
 */
const oneOf = (json: string, values: readonly string[], wrap = (v: string) => `"${v}"`) =>
  `CASE ${json} ${values.map((v) => `WHEN '${wrap(v)}' THEN '${v}'`).join(' ')} END`;

/** Drops the first and last character (`substring` is by far DuckDB's fastest way to cut text). */
const inner = (text: string) => `substring(${text}, 2, length(${text}) - 2)`;

/** The text of a JSON string (no escapes in the line: it is what lies between the quotes), else NULL. */
const text = (json: string) => `CASE WHEN starts_with(${json}, '"') THEN ${inner(json)} END`;

/**
 * A JSON string of 1..max UTF-16 units, decided by bytes: a UTF-16 unit takes at least one
 * byte, so max bytes are certainly within the limit; longer texts go to the JavaScript path.
 */
const isString = (json: string, max: number) =>
  `(starts_with(${json}, '"') AND strlen(${json}) BETWEEN 3 AND ${max + 2})`;

/** An id (userId, …): a string of 1..MAX_ID_LENGTH, a number whose String() is its JSON text, or null. */
const idIsCertain = (json: string) => `(CASE WHEN ${json} IS NULL THEN true
  WHEN starts_with(${json}, '"') THEN strlen(${json}) BETWEEN 3 AND ${MAX_ID_LENGTH + 2}
  ELSE regexp_full_match(${json}, '-?(0|[1-9][0-9]{0,14})') END)`;
const idValue = (json: string) => `CASE WHEN starts_with(${json}, '"') THEN ${inner(json)} ELSE ${json} END`;

/**
 * Whether JSON.stringify(JSON.parse(json)) is certainly `json`: no risky text, no more brackets
 * in all than normalizeMessage allows levels of nesting (MAX_JSON_DEPTH), and no key twice in an
 * object (JSON.parse keeps the last; with no escapes, `"…":` is exactly a key, at any depth —
 * the same key in two objects sends a line to JavaScript needlessly, which is only slower).
 */
const jsonIsCertain = (json: string) => `(CASE
  WHEN regexp_matches(${json}, '${TEXT_RISKS}') THEN false
  WHEN strlen(${json}) > ${2 * MAX_JSON_DEPTH}
       AND strlen(${json}) - strlen(replace(replace(${json}, '{', ''), '[', '')) > ${MAX_JSON_DEPTH} THEN false
  WHEN NOT contains(${json}, ',') THEN true
  -- No object inside: its keys are the top-level ones (json_keys is far cheaper than a regex).
  WHEN NOT contains(right(${json}, -1), '{') THEN list_unique(json_keys(${json})) = len(json_keys(${json}))
  ELSE list_unique(regexp_extract_all(${json}, '"([^"]*)":', 1)) = len(regexp_extract_all(${json}, '"([^"]*)":', 1))
END)`;

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ` or `…±HH:MM` (what nearly every source sends; other forms go to
 * JavaScript), with the ranges parseIsoTimestamp checks written into the pattern (year from 100:
 * earlier years are special in Date.UTC; second up to 59: a leap second rolls over in JavaScript;
 * offset up to 18:59), then read by DuckDB's own cast, which checks month and day.
 */
const CANONICAL_TIME = String.raw`(0[1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.[0-9]{3}(Z|[+-](0[0-9]|1[0-8]):[0-5][0-9])`;
const timeMs = (text: string) =>
  `CASE WHEN regexp_full_match(${text}, '${CANONICAL_TIME}') THEN epoch_ms(try_cast(${text} AS TIMESTAMPTZ))::DOUBLE END`;

/**
 * The SQL that inserts one block's lines into a staging table with {@link STAGED_LINE_COLUMNS}.
 * Its one parameter, `$chunk`, is the block: whole lines of UTF-8 text, as a BLOB.
 */
export function stageLinesSql(table: string): string {
  return `
INSERT INTO ${table}
WITH lines AS (
  SELECT line, raw, CASE WHEN ends_with(raw, chr(13)) THEN substring(raw, 1, length(raw) - 1) ELSE raw END AS l
  FROM (SELECT generate_subscripts(parts, 1) AS line, unnest(parts) AS raw
        FROM (SELECT string_split(decode($chunk), chr(10)) AS parts))
), parsed AS (
  SELECT line, raw, l,
         CASE WHEN starts_with(l, '{') AND ends_with(l, '}') AND NOT contains(l, '\\')
              THEN try(from_json(l, '${SCHEMA}')) END AS m
  FROM lines
), fields AS (
  SELECT line, raw, l, l = '' AS blank, m IS NOT NULL AS parsed,
         ${Object.entries(FIELDS)
           .map(([field, alias]) => `m.${field}::VARCHAR AS j_${alias}`)
           .join(', ')}
  FROM parsed
), channels AS (
  SELECT *,
         CASE WHEN only_channel IS NOT NULL THEN 1
              WHEN contains(j_ctx, '"channel":') THEN (strlen(j_ctx) - strlen(replace(j_ctx, '"channel":', ''))) // 10
              ELSE 0 END AS channel_keys,
         coalesce(only_channel, ${oneOf('channel_json', CHANNELS)}) AS channel,
         parsed AND strlen(l) = ${EXACT_LENGTH} AS exact
  FROM (
    SELECT *,
           -- A context that is only a channel (the common case), as DuckDB writes it back.
           ${oneOf('j_ctx', CHANNELS, (c) => `{"channel":"${c}"}`)} AS only_channel,
           CASE WHEN contains(j_ctx, '"channel":') THEN from_json(j_ctx, '{"channel":"JSON"}').channel::VARCHAR END
             AS channel_json
    FROM fields)
), values AS (
  SELECT *,
         ${oneOf('j_type', MESSAGE_TYPES, (v) => v)} AS type, ${text('j_mid')} AS message_id,
         ${idValue('j_uid')} AS user_id, ${idValue('j_aid')} AS anonymous_id, ${idValue('j_pid')} AS previous_id,
         ${text('j_ev')} AS event, ${text('j_nm')} AS name,
         ${timeMs('j_ts')} AS time_ms,
         -- Lines that are more than their known fields (other keys, a key twice, whitespace, …) need their keys.
         CASE WHEN parsed AND NOT exact THEN json_keys(l) END AS keys
  FROM channels
), judged AS (
  SELECT *, CASE
    WHEN NOT parsed THEN false
    -- (A condition on an absent field is NULL, which is not true: the line goes to JavaScript.)
    WHEN (
      type IS NOT NULL
      -- Without a messageId, one is derived from the content: JavaScript does that.
      AND ${isString('j_mid', MAX_ID_LENGTH)}
      AND (user_id IS NOT NULL OR anonymous_id IS NOT NULL)
      AND (type <> 'alias' OR (previous_id IS NOT NULL AND user_id IS NOT NULL))
      AND (CASE WHEN j_ev IS NULL THEN type <> 'track' ELSE ${isString('j_ev', MAX_NAME_LENGTH)} END)
      AND (j_nm IS NULL OR (starts_with(j_nm, '"') AND strlen(j_nm) <= ${MAX_NAME_LENGTH + 2}))
      AND (j_ts IS NULL OR time_ms IS NOT NULL)
      AND (j_props IS NULL OR starts_with(j_props, '{'))
      -- Without traits, context.traits stands in for them.
      AND (j_traits IS NOT NULL OR j_ctx IS NULL OR NOT contains(j_ctx, '"traits":'))
      AND (j_traits IS NULL OR starts_with(j_traits, '{'))
      AND (j_ctx IS NULL OR starts_with(j_ctx, '{'))
      -- One "channel": key in the context, the top-level one, naming a channel.
      AND (channel_keys = 0 OR (channel_keys = 1 AND channel IS NOT NULL))
    ) IS NOT TRUE THEN false
    -- A line with more than its known fields: DuckDB's parser accepts trailing commas, and NaN
    -- and Infinity (which other fields may hold), JSON.parse does not; JSON.parse keeps the last
    -- of a repeated key, DuckDB the first; a null timestamp or event is an error, not an absent field.
    WHEN NOT exact AND (
      regexp_matches(l, '${TRAILING_COMMA}')
      OR regexp_matches(l, '${NAN_OR_INFINITY}')
      OR list_unique(keys) <> len(keys)
      OR (j_ts IS NULL AND list_contains(keys, 'timestamp'))
      OR (j_ev IS NULL AND list_contains(keys, 'event'))
    ) IS NOT FALSE THEN false
    ELSE ${idIsCertain('j_uid')} AND ${idIsCertain('j_aid')} AND ${idIsCertain('j_pid')} AND ${idIsCertain('j_gid')}
      AND (CASE WHEN j_props IS NULL THEN true ELSE ${jsonIsCertain('j_props')} END)
      AND (CASE WHEN j_traits IS NULL THEN true ELSE ${jsonIsCertain('j_traits')} END)
      -- (The channel's entry holds nothing risky: what is certain with it is certain without it.)
      AND (CASE WHEN j_ctx IS NULL OR only_channel IS NOT NULL THEN true ELSE ${jsonIsCertain('j_ctx')} END)
  END IS TRUE AS certain
  FROM values
), context_rest AS (
  -- The context without its channel (JavaScript: const { channel, ...rest } = context): the
  -- entry goes with the comma before or after it; alone, it leaves nothing.
  SELECT *, CASE
    WHEN channel_keys = 0 THEN j_ctx
    WHEN only_channel IS NOT NULL THEN NULL
    WHEN substring(j_ctx, entry_at - 1, 1) = ',' THEN substring(j_ctx, 1, entry_at - 2) || substring(j_ctx, entry_at + entry_size)
    WHEN substring(j_ctx, entry_at + entry_size, 1) = ',' THEN substring(j_ctx, 1, entry_at - 1) || substring(j_ctx, entry_at + entry_size + 1)
  END AS context
  FROM (SELECT *, CASE WHEN certain AND channel_keys = 1 AND only_channel IS NULL
                       THEN instr(j_ctx, '"channel":' || channel_json) END AS entry_at,
               10 + length(channel_json) AS entry_size
        FROM judged)
)
SELECT line,
       CASE WHEN blank THEN ${LineKind.blank} WHEN certain THEN ${LineKind.sql} ELSE ${LineKind.js} END,
       CASE WHEN NOT blank AND NOT certain THEN raw END,
       message_id, type, user_id,
       CASE WHEN type = 'alias' THEN coalesce(anonymous_id, previous_id) ELSE anonymous_id END,
       previous_id,
       CASE type WHEN 'track' THEN event
                 WHEN 'page' THEN CASE WHEN name <> '' THEN name ELSE '${UNNAMED_VIEW_ACTIVITY.page}' END
                 WHEN 'screen' THEN CASE WHEN name <> '' THEN name ELSE '${UNNAMED_VIEW_ACTIVITY.screen}' END END,
       channel, time_ms, j_props, j_traits,
       CASE WHEN certain THEN context END
FROM context_rest`;
}
