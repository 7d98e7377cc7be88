/**
 * The events table. Times are epoch milliseconds in DOUBLE columns (exact to 2^53 ms, and
 * appended without per-row object allocation); the `events_view` view shows them as
 * TIMESTAMPTZ for ad-hoc SQL. JSON fields are stored as JSON text.
 */
export const CREATE_EVENTS = `
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
  properties JSON,
  traits JSON,
  context JSON,
  source VARCHAR
);
CREATE OR REPLACE VIEW events_view AS
  SELECT * EXCLUDE (timestamp_ms, received_ms),
         to_timestamp(timestamp_ms / 1000.0) AS "timestamp",
         to_timestamp(received_ms / 1000.0) AS received_at
  FROM events;
`;

/** Column order of the appender; must match CREATE_EVENTS. */
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
] as const;
