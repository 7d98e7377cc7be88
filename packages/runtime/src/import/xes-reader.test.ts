import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { normalizeMessage } from '@waymark/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInput } from './open-input.ts';
import type { SourceRecord } from './source-record.ts';
import { readXes } from './xes-reader.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../../../../shared/data/public/${name}`, import.meta.url));

interface Message {
  type: string;
  messageId: string;
  userId: string;
  event?: string;
  timestamp: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
}

async function readAll(source: Readable | string): Promise<SourceRecord[]> {
  const stream = typeof source === 'string' ? Readable.from([source]) : source;
  const records: SourceRecord[] = [];
  for await (const run of readXes(stream, { source: 'test' })) records.push(...run);
  return records;
}

const messages = (records: SourceRecord[]) => records.flatMap((r) => ('message' in r ? [r.message as Message] : []));
const errorRecords = (records: SourceRecord[]) => records.filter((r) => 'errors' in r);

describe('readXes on the real logs', () => {
  it('reads running-example.xes: 6 traces, 42 events, the first one as in the file', async () => {
    const text = readFileSync(dataFile('running-example.xes'), 'utf8');
    const records = await readAll((await openInput(dataFile('running-example.xes'))).stream);
    const all = messages(records);
    const tracks = all.filter((m) => m.type === 'track');
    expect(errorRecords(records)).toEqual([]);
    expect(tracks).toHaveLength(42);
    expect(tracks).toHaveLength(text.match(/<event>/g)?.length ?? -1); // counted independently
    expect(new Set(tracks.map((m) => m.userId)).size).toBe(6);

    // Each trace has a trace-level "creator": one identify first, stamped with its first event's time.
    expect(records[0]).toEqual({
      line: 20,
      message: expect.objectContaining({
        type: 'identify',
        userId: '3',
        traits: { creator: 'Fluxicon Nitro' },
        timestamp: '2010-12-30T14:32:00.000+01:00',
      }),
    });
    expect(records[1]?.line).toBe(23);
    expect(tracks[0]).toMatchObject({
      userId: '3',
      event: 'register request',
      timestamp: '2010-12-30T14:32:00.000+01:00',
      properties: { 'org:resource': 'Pete', Activity: 'register request', Resource: 'Pete', Costs: '50' },
    });
    expect(tracks[0]?.properties).not.toHaveProperty('concept:name');
    expect(all.filter((m) => !normalizeMessage(m, { receivedAtMs: 0 }).ok)).toEqual([]);
  });

  it('reads helpdesk.xes.gz: 4,580 traces and 21,348 events, each with its own messageId', async () => {
    const text = gunzipSync(readFileSync(dataFile('helpdesk.xes.gz'))).toString('utf8');
    const records = await readAll((await openInput(dataFile('helpdesk.xes.gz'))).stream);
    const all = messages(records);
    expect(errorRecords(records)).toEqual([]);
    expect(all).toHaveLength(21_348);
    expect(all).toHaveLength(text.match(/<event>/g)?.length ?? -1);
    expect(new Set(all.map((m) => m.userId)).size).toBe(4_580);
    expect(text.match(/<trace>/g)).toHaveLength(4_580);
    expect(all.every((m) => m.type === 'track')).toBe(true); // its traces carry only concept:name
    // Same content at different positions of a trace stays distinct; nothing collides.
    expect(new Set(all.map((m) => m.messageId)).size).toBe(21_348);
    expect(all[0]).toMatchObject({
      userId: 'Case 1',
      event: 'Assign seriousness',
      timestamp: '2012-10-09T14:50:17+00:00',
    });
  });

  it('derives the same messageIds when the same file is read again', async () => {
    const once = messages(await readAll((await openInput(dataFile('running-example.xes'))).stream));
    const twice = messages(await readAll((await openInput(dataFile('running-example.xes'))).stream));
    expect(twice.map((m) => m.messageId)).toEqual(once.map((m) => m.messageId));
    expect(new Set(once.map((m) => m.messageId)).size).toBe(48);
  });
});

const log = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n${body}</log>\n`;

describe('readXes typing, ignoring and errors', () => {
  it('types attributes, skips nested and log-level attributes, globals and classifiers', async () => {
    const records = await readAll(
      log(`<string key="log-level" value="ignored"><string key="meta" value="ignored"/></string>
<global scope="event"><string key="concept:name" value="x"/></global>
<classifier name="c" keys="concept:name"/>
<trace><string key="concept:name" value="c1"/><int key="age" value="42"/>
<event><string key="concept:name" value="A &amp; B"/><date key="time:timestamp" value="2020-01-01T10:00:00.000-05:00"/>
<int key="n" value="-7"/><float key="f" value="2.5e3"/><boolean key="b" value="false"/><id key="i" value="X1"/>
<date key="d" value="2020-01-02T00:00:00Z"/><list key="l"><string key="x" value="1"/></list>
<string key="s" value="v"><string key="nested" value="ignored"/></string></event>
</trace>
`),
    );
    expect(records.map((r) => r.line)).toEqual([6, 7]);
    expect(messages(records)).toEqual([
      expect.objectContaining({ type: 'identify', userId: 'c1', traits: { age: 42 } }),
      expect.objectContaining({
        type: 'track',
        event: 'A & B',
        timestamp: '2020-01-01T10:00:00.000-05:00',
        properties: { n: -7, f: 2500, b: false, i: 'X1', d: '2020-01-02T00:00:00Z', s: 'v' },
      }),
    ]);
  });

  it('turns missing names, timestamps and bad numbers into error records, and goes on', async () => {
    const records = await readAll(
      log(`<trace><string key="concept:name" value="c1"/>
<event><string key="concept:name" value="no time"/></event>
<event><date key="time:timestamp" value="2020-01-01T10:00:00Z"/><int key="n" value="12abc"/></event>
<event><string key="concept:name" value="ok"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
</trace>
<trace><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event></trace>
`),
    );
    expect(records).toEqual([
      { line: 4, errors: [{ field: 'event.time:timestamp', message: 'event has no time:timestamp date' }] },
      {
        line: 5,
        errors: [
          { field: 'n', message: 'int attribute n is not a number: "12abc"' },
          { field: 'event.concept:name', message: 'event has no concept:name' },
        ],
      },
      { line: 6, message: expect.objectContaining({ event: 'ok' }) },
      {
        line: 8,
        errors: [{ field: 'trace.concept:name', message: expect.stringContaining('1 event(s) were skipped') }],
      },
    ]);
  });

  it('ends malformed XML with one error record naming its line, keeping what came before (even a stray &)', async () => {
    const records = await readAll(
      log(`<trace><string key="concept:name" value="c1"/>
<event><string key="concept:name" value="a"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
<event><string key="concept:name" value="R&D"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
<event><string key="concept:name" value="after"/><date key="time:timestamp" value="2020-01-01T10:00:00Z"/></event>
</trace>
`),
    );
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ line: 4, message: { event: 'a' } });
    expect(records[1]).toEqual({
      line: 5,
      errors: [
        {
          field: '(xml)',
          message: expect.stringMatching(/^malformed XML in test at line 5: "&" does not start an entity/),
        },
      ],
    });
    const mismatched = await readAll(log('<trace><string key="concept:name" value="c1"/>\n<event></trace>\n'));
    expect(mismatched.at(-1)).toEqual({
      line: 4,
      errors: [
        { field: '(xml)', message: expect.stringMatching(/^malformed XML in test at line 4, column \d+: .*close tag/) },
      ],
    });
    const truncated = await readAll('<log><trace><string key="concept:name" value="c1"/>');
    expect(truncated).toEqual([{ line: 1, errors: [{ field: '(xml)', message: expect.stringContaining('line 1') }] }]);
    // A repeated attribute is an error, named where saxes names it (at the end of the tag).
    const repeated = await readAll(
      log(
        '<trace><string key="concept:name" value="c1"/>\n<event><string key="a"\nkey="b" value="x"/></event></trace>\n',
      ),
    );
    expect(repeated.at(-1)).toEqual({
      line: 5,
      errors: [
        {
          field: '(xml)',
          message: expect.stringMatching(/^malformed XML in test at line 5, column \d+: duplicate attribute: key\.; /),
        },
      ],
    });
    const notXes = await readAll('<html><body/></html>');
    expect(notXes).toEqual([
      { line: 1, errors: [{ field: '(xml)', message: expect.stringContaining('not an XES log') }] },
    ]);
  });
});

// ---- property: whatever the names and values, XES text written properly reads back the same.

const char = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\n',
  '\r',
  '\t',
  ';',
  'é',
  '中',
  '😀',
  ']]>',
);
const text = fc.string({ unit: char, minLength: 1, maxLength: 12 });
const escapeXml = (s: string) =>
  s.replace(
    /[&<>"'\n\r\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? `&#${c.charCodeAt(0)};`,
  );
const timestamp = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
    offset: fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
  })
  .map(({ ms, offset }) => {
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
    const abs = Math.abs(offset);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    return `${local}${offset < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
  });
const value = fc.oneof(
  text.map((v) => ({ tag: 'string', v: v as unknown })),
  fc.integer().map((v) => ({ tag: 'int', v: v as unknown })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ tag: 'float', v: (v === 0 ? 0 : v) as unknown })),
  fc.boolean().map((v) => ({ tag: 'boolean', v: v as unknown })),
  timestamp.map((v) => ({ tag: 'date', v: v as unknown })),
);
const event = fc.record({ activity: text, timestamp, attributes: fc.array(value, { maxLength: 4 }) });
const traces = fc.array(fc.record({ name: text, events: fc.array(event, { minLength: 1, maxLength: 5 }) }), {
  minLength: 1,
  maxLength: 4,
});

describe('readXes decoding', () => {
  it('reads UTF-8 cut anywhere into byte chunks, after ASCII ones, as it reads the whole text', async () => {
    const trace = (name: string, activity: string) =>
      `<trace><string key="concept:name" value="${name}"/><event><string key="concept:name" value="${activity}"/>` +
      `<date key="time:timestamp" value="2024-01-01T00:00:00.000+00:00"/></event></trace>\n`;
    const text = log(`${trace('plain', 'ascii only')}${'<!-- padding -->'.repeat(40)}${trace('Ærø', 'väl ✓ 😀 end')}`);
    const whole = await readAll(text);
    expect(messages(whole).map((m) => [m.userId, m.event])).toEqual([
      ['plain', 'ascii only'],
      ['Ærø', 'väl ✓ 😀 end'],
    ]);
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7, 64, 333]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(await readAll(Readable.from(chunks))).toEqual(whole);
    }
  });
});

describe('readXes round trip (property)', () => {
  it('reads back the activities, timestamps and typed attribute values written', async () => {
    await fc.assert(
      fc.asyncProperty(traces, async (generated) => {
        const attr = (tag: string, key: string, v: unknown) =>
          `<${tag} key="${escapeXml(key)}" value="${escapeXml(String(v))}"/>`;
        const body = generated
          .map(
            (t) =>
              `<trace>${attr('string', 'concept:name', t.name)}\n${t.events
                .map(
                  (e) =>
                    `<event>${e.attributes.map((a, i) => attr(a.tag, `k${i}&"`, a.v)).join('')}` +
                    `${attr('string', 'concept:name', e.activity)}${attr('date', 'time:timestamp', e.timestamp)}</event>\n`,
                )
                .join('')}</trace>\n`,
          )
          .join('');
        const records = await readAll(log(body));
        expect(errorRecords(records)).toEqual([]);
        const expected = generated.flatMap((t) =>
          t.events.map((e) => ({
            userId: t.name,
            event: e.activity,
            timestamp: e.timestamp,
            properties: Object.fromEntries(e.attributes.map((a, i) => [`k${i}&"`, a.v])),
          })),
        );
        expect(
          messages(records).map(({ userId, event, timestamp, properties }) => ({
            userId,
            event,
            timestamp,
            properties,
          })),
        ).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
