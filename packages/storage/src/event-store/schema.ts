import { CHANNELS } from '@waymark/core';

/**
 * The store's tables. Events are dictionary-encoded: identities and activities are integer
 * codes into `identities` and `activities` (the workspace's dictionaries, shared with the
 * journey index, which is therefore rebuilt from integers alone; and fewer strings cross into
 * DuckDB per event). Times are epoch milliseconds in DOUBLE columns (exact to 2^53 ms).
 * `events_view` shows everything by name, with TIMESTAMPTZ and JSON, for ad-hoc SQL.
 */
export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS events (
  seq DOUBLE NOT NULL,
  message_id VARCHAR NOT NULL,
  message_hash DOUBLE NOT NULL,
  type VARCHAR NOT NULL,
  timestamp_ms DOUBLE NOT NULL,
  received_ms DOUBLE NOT NULL,
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
  SELECT e.seq, e.message_id, e.type, u.name AS user_id, a.name AS anonymous_id, p.name AS previous_id,
         act.name AS activity, e.channel, e.timestamp_ms,
         to_timestamp(e.timestamp_ms / 1000.0) AS "timestamp", to_timestamp(e.received_ms / 1000.0) AS received_at,
         e.properties::JSON AS properties, e.traits::JSON AS traits, e.context::JSON AS context, e.source
  FROM events e
  LEFT JOIN identities u ON u.code = e.user_code
  LEFT JOIN identities a ON a.code = e.anonymous_code
  LEFT JOIN identities p ON p.code = e.previous_code
  LEFT JOIN activities act ON act.code = e.activity_code;
`;

/** The events table's columns in their order (staged rows are inserted as these: event-staging.ts). */
export const EVENT_COLUMNS = [
  'seq',
  'message_id',
  'message_hash',
  'type',
  'timestamp_ms',
  'received_ms',
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

/** The `channel` column as the journey index's channel code (core's channelCode: 0 for none). */
export const CHANNEL_CODE_SQL = `coalesce(list_position([${CHANNELS.map((c) => `'${c}'`).join(',')}], channel), 0)::UTINYINT`;
