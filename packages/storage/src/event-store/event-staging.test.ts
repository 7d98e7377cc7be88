import { DuckDBInstance } from '@duckdb/node-api';
import { MESSAGE_TYPES } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { CREATE_STAGE_EVENTS, stageEvents, unstageEventsSql } from './event-staging.ts';
import type { StoredEvent } from './event-store.ts';
import { CREATE_TABLES, EVENT_COLUMNS } from './schema.ts';

/** Row i: NULLs that come and go from one 2,048-row chunk to the next, in every nullable column. */
function eventOf(i: number): StoredEvent {
  const chunk = Math.floor(i / 2048);
  const nullHere = chunk % 2 === 0 ? i % 3 === 0 : i % 5 === 1;
  return {
    seq: i + 1,
    messageId: `m-${i}-${'x'.repeat(i % 20)}`,
    messageHash: i * 7,
    type: MESSAGE_TYPES[i % MESSAGE_TYPES.length] as StoredEvent['type'],
    timestampMs: 1_700_000_000_000 + i,
    receivedAtMs: 5,
    userId: null,
    anonymousId: null,
    previousId: null,
    activity: null,
    channel: nullHere ? null : 'web',
    properties: nullHere ? null : { i, long: 'p'.repeat(i % 30) },
    traits: i % 7 === 0 ? { t: i } : null,
    context: chunk === 1 ? null : { c: i },
    source: i % 3 === 0 ? "import:it's.xes" : i < 5000 ? 'http' : 'import:b.csv',
    userCode: nullHere ? -1 : i,
    anonymousCode: chunk === 2 ? -1 : i % 11,
    previousCode: i % 2048 === 2047 ? -1 : 3,
    activityCode: -1,
  };
}

function rowOf(e: StoredEvent): unknown[] {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const code = (value: number) => (value < 0 ? null : value);
  return [
    e.seq,
    e.messageId,
    e.messageHash,
    e.type,
    e.timestampMs,
    e.receivedAtMs,
    e.channel,
    json(e.properties),
    json(e.traits),
    json(e.context),
    e.source,
    code(e.userCode),
    code(e.anonymousCode),
    code(e.previousCode),
    code(e.activityCode),
  ];
}

describe('stageEvents', () => {
  it('stores every value and NULL as given, across chunks and appends (vectors are reused between chunks; type and source go by code)', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`${CREATE_TABLES}; ATTACH ':memory:' AS stage; ${CREATE_STAGE_EVENTS};`);
    const appender = await connection.createAppender('events', 'main', 'stage');
    const events = Array.from({ length: 2048 * 3 + 100 }, (_, i) => eventOf(i));
    for (const part of [events.slice(0, 2048 * 2 + 10), events.slice(2048 * 2 + 10)]) {
      const sources = stageEvents(appender, part);
      await connection.run(`INSERT INTO events ${unstageEventsSql(sources)}; DELETE FROM stage.events;`);
    }
    appender.closeSync();
    const read = await connection.runAndReadAll(`SELECT ${EVENT_COLUMNS.join(', ')} FROM events ORDER BY seq`);
    expect(read.getRows()).toEqual(events.map(rowOf));
    connection.closeSync();
  });
});
