/**
 * The store's tables. Times are epoch milliseconds in DOUBLE columns (exact to 2^53 ms, and
 * appended without per-row object allocation); `events_view` shows them as TIMESTAMPTZ and
 * JSON fields as JSON for ad-hoc SQL. `identities` and `activities` are the workspace's
 * dictionaries: events carry their codes too, so the journey index is rebuilt from integers.
 */
export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS events (
  seq DOUBLE NOT NULL,
  message_id VARCHAR NOT NULL,
  message_hash DOUBLE NOT NULL,
  type VARCHAR NOT NULL,
  user_id VARCHAR,
  anonymous_id VARCHAR,
  previous_id VARCHAR,
  timestamp_ms DOUBLE NOT NULL,
  received_ms DOUBLE NOT NULL,
  activity VARCHAR,
  channel VARCHAR,
  properties VARCHAR,
  traits VARCHAR,
  context VARCHAR,
  source VARCHAR,
  user_code INTEGER,
  anonymous_code INTEGER,
  previous_code INTEGER,
  activity_code INTEGER
);
CREATE TABLE IF NOT EXISTS identities (code INTEGER NOT NULL, name VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS activities (code INTEGER NOT NULL, name VARCHAR NOT NULL);
CREATE OR REPLACE VIEW events_view AS
  SELECT * EXCLUDE (timestamp_ms, received_ms, properties, traits, context, user_code, anonymous_code, previous_code, activity_code),
         to_timestamp(timestamp_ms / 1000.0) AS "timestamp",
         to_timestamp(received_ms / 1000.0) AS received_at,
         properties::JSON AS properties, traits::JSON AS traits, context::JSON AS context
  FROM events;
`;

/** Column order of the appender; must match the events table. */
export const EVENT_COLUMNS = [
  'seq',
  'message_id',
  'message_hash',
  'type',
  'user_id',
  'anonymous_id',
  'previous_id',
  'timestamp_ms',
  'received_ms',
  'activity',
  'channel',
  'properties',
  'traits',
  'context',
  'source',
  'user_code',
  'anonymous_code',
  'previous_code',
  'activity_code',
] as const;
