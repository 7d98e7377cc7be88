import { blobValue, DuckDBInstance } from '@duckdb/node-api';
import { normalizeMessage } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { LineKind, STAGED_LINE_COLUMNS, stageLinesSql } from './parse-lines-sql.ts';

const RECEIVED = Date.UTC(2026, 0, 1);

/** Stages the lines and returns, per line, its kind and (for kind sql) the event as normalizeMessage would give it. */
async function stage(lines: string[]): Promise<Array<{ kind: number; event?: unknown; text?: unknown[] }>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE staged ${STAGED_LINE_COLUMNS}`);
  await connection.run(stageLinesSql('staged'), { chunk: blobValue(new Uint8Array(Buffer.from(lines.join('\n')))) });
  const rows = (await connection.runAndReadAll('SELECT * FROM staged ORDER BY line')).getRowObjectsJson();
  connection.closeSync();
  instance.closeSync();
  return rows.map((row) => {
    if (row.kind !== LineKind.sql) return { kind: row.kind as number };
    const json = (text: unknown) => (text === null ? null : JSON.parse(text as string));
    return {
      kind: LineKind.sql,
      event: {
        messageId: row.message_id,
        type: row.type,
        userId: row.user_id,
        anonymousId: row.anonymous_id,
        previousId: row.previous_id,
        timestampMs: row.timestamp_ms ?? RECEIVED,
        receivedAtMs: RECEIVED,
        activity: row.activity,
        channel: row.channel,
        properties: json(row.properties),
        traits: json(row.traits),
        context: json(row.context),
      },
      text: [row.properties, row.traits, row.context],
    };
  });
}

const track = (extra: string) =>
  `{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":"2026-01-01T10:00:00.000Z"${extra}}`;

describe('stageLinesSql', () => {
  it('normalizes common lines exactly as normalizeMessage does, down to the JSON text', async () => {
    const lines = [
      track(',"context":{"channel":"web"}'),
      track(',"properties":{"b":1,"a":[true,null,"é😀"],"c":{"d":-2.5}},"context":{"ip":"1","channel":"app","x":{}}'),
      '{"type":"page","messageId":"m2","anonymousId":"a1","timestamp":"2026-01-01T12:00:00.000+02:00","name":""}',
      '{"type":"screen","messageId":"m3","anonymousId":"a1","name":"Home","context":{"x":1,"channel":"web"}}',
      '{"type":"alias","messageId":"m4","userId":"u1","previousId":"a1","timestamp":"2026-01-01T10:00:00.000Z"}',
      '{"type":"identify","messageId":"m5","userId":7,"traits":{"tier":"vip"},"context":{"channel":"phone"}}',
      `${track(',"context":{"channel":"chat"}')}\r`,
    ];
    const staged = await stage(lines);
    expect(staged.map((s) => s.kind)).toEqual(lines.map(() => LineKind.sql));
    staged.forEach((s, i) => {
      const result = normalizeMessage(JSON.parse(lines[i] as string), { receivedAtMs: RECEIVED });
      expect(result.ok && s.event).toEqual(result.ok && result.event);
      const e = result.ok ? result.event : null;
      expect(s.text).toEqual(
        [e?.properties, e?.traits, e?.context].map((v) => (v === null || v === undefined ? null : JSON.stringify(v))),
      );
    });
  });

  it('leaves to JavaScript every line it is not certain about', async () => {
    const lines = [
      track(',"properties":{"a":"x\\ny"}'), // an escape
      track(',"properties":{"a":1,}'), // trailing comma (DuckDB accepts it)
      track(',"properties":{"a":NaN}'),
      track(',"extra":Infinity'),
      track(',"type":"page"'), // a key twice (JSON.parse keeps the last)
      track(',"properties":{"a":1,"a":2}'),
      track(',"properties":{"a":1.0}'), // JavaScript writes 1
      track(',"properties":{"a":1e2}'),
      track(',"properties":{"a":12345678901234567890}'),
      track(',"properties":{"2":1,"b":2}'), // index keys come first in JavaScript
      track(',"context":{"traits":{"a":1}}'), // context.traits stands in for traits
      track(',"context":{"channel":"fax"}'),
      track(',"context":{"channel":"web","page":{"channel":"web"}}'),
      '{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":null}',
      '{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":"2026-01-01T10:00:00Z"}', // not canonical
      '{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":"2026-02-30T10:00:00.000Z"}',
      '{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":"2026-01-01T24:00:00.000Z"}',
      '{"type":"track","messageId":"m1","userId":"u1","event":"E","timestamp":"2026-01-01T10:00:00.000+19:00"}',
      '{"type":"track","messageId":"m1","userId":1.5,"event":"E"}',
      '{"type":"track","messageId":5,"userId":"u1","event":"E"}',
      '{"type":"track","userId":"u1","event":"E"}', // no messageId: one is derived from the content
      '{"type":"track","messageId":"m1","userId":"u1"}',
      `{"type":"track","messageId":"m1","userId":"${'x'.repeat(257)}","event":"E"}`,
      '{"type": "track", "messageId": "m1", "userId": "u1", "event": "E"}', // fine, but spaced: checked in full
      '   ',
      '\ufeff{"type":"track","messageId":"m1","userId":"u1","event":"E"}',
      '[1]',
      'not json',
    ];
    const staged = await stage(lines);
    const kinds = staged.map((s) => s.kind);
    expect(kinds.slice(0, -5)).toEqual(lines.slice(0, -5).map(() => LineKind.js));
    expect(kinds.slice(-5)).toEqual([LineKind.sql, LineKind.js, LineKind.js, LineKind.js, LineKind.js]);
  });

  it('counts blank lines without judging them', async () => {
    expect((await stage(['', track(''), ''])).map((s) => s.kind)).toEqual([
      LineKind.blank,
      LineKind.sql,
      LineKind.blank,
    ]);
  });
});
