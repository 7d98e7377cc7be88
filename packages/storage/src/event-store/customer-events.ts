import { type DuckDBConnection, listValue } from '@duckdb/node-api';
import type { Channel, JsonObject, MessageType } from '@waymark/core';
import type { CustomerEvent } from './event-store.ts';

/**
 * One customer's events, every type, in arrival order: those credited to one of the identity
 * codes (their userId, else their anonymousId), as the index and erasure credit them.
 */
export async function readCustomerEvents(
  connection: DuckDBConnection,
  identityCodes: readonly number[],
): Promise<CustomerEvent[]> {
  if (identityCodes.length === 0) return [];
  const result = await connection.runAndReadAll(
    `SELECT e.seq, e.message_id, e.type, u.name, a.name, p.name, act.name, e.channel, e.timestamp_ms, e.received_ms,
            e.properties, e.traits, e.context
     FROM events e
     LEFT JOIN identities u ON u.code = e.user_code
     LEFT JOIN identities a ON a.code = e.anonymous_code
     LEFT JOIN identities p ON p.code = e.previous_code
     LEFT JOIN activities act ON act.code = e.activity_code
     WHERE coalesce(e.user_code, e.anonymous_code) IN (SELECT unnest($codes))
     ORDER BY e.seq`,
    { codes: listValue(identityCodes.map((code) => code)) },
  );
  return result.getRows().map((row) => ({
    seq: Number(row[0]),
    messageId: row[1] as string,
    type: row[2] as MessageType,
    userId: name(row[3]),
    anonymousId: name(row[4]),
    previousId: name(row[5]),
    activity: (row[6] as string | null) ?? null,
    channel: (row[7] as Channel | null) ?? null,
    timestampMs: Number(row[8]),
    receivedAtMs: Number(row[9]),
    properties: json(row[10]),
    traits: json(row[11]),
    context: json(row[12]),
  }));
}

/** An identity name; erased identities keep their code with an empty name. */
function name(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function json(value: unknown): JsonObject | null {
  return typeof value === 'string' ? (JSON.parse(value) as JsonObject) : null;
}
