import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importOutcome } from './import-outcome.ts';

const dir = mkdtempSync(join(tmpdir(), 'waymark-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;
/** Lines the bulk import validated in the store and in JavaScript, over every run: both paths must be taken. */
const taken = { storeLines: 0, javascriptLines: 0 };

/** Imports the same files the bulk way and the pipeline way; everything a user can see must be equal. */
async function expectSameOutcome(
  files: Array<string | string[] | Buffer>,
  extra: { before?: unknown[]; after?: unknown[]; bulkBlockBytes?: number; track?: string[] } = {},
): Promise<void> {
  const run = runs++;
  const paths = files.map((lines, i) => {
    const path = join(dir, `${run}-${i}.jsonl`);
    writeFileSync(path, Array.isArray(lines) ? lines.join('\n') : lines);
    return path;
  });
  const viaPipeline = await importOutcome(join(dir, `${run}-pipeline`), paths, { ...extra, jsonlBulk: false });
  const viaBulk = await importOutcome(join(dir, `${run}-bulk`), paths, { ...extra, jsonlBulk: true });
  taken.storeLines += viaBulk.bulk.storeLines;
  taken.javascriptLines += viaBulk.bulk.javascriptLines;
  expect(viaBulk.summaries).toEqual(viaPipeline.summaries);
  expect(viaBulk.rows).toEqual(viaPipeline.rows);
  expect(viaBulk.reports).toEqual(viaPipeline.reports);
  const { before: _b, after: _a, ...live } = viaBulk.reports as Record<string, unknown>;
  expect(viaBulk.reportsAfterReopen).toEqual(live);
}

// Small pools, so that ids repeat: duplicates, stitching, aliases and equal timestamps.
const identity = fc.constantFrom('u1', 'u2', 'u3', 'a1', 'a2', 'a3', 'üser-é', '😀-id', '\ufeffbom', 'x'.repeat(256));
const messageId = fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'ü-m', '😀', '\ufeffm');
const canonicalTime = fc.oneof(
  fc.constantFrom('2026-01-01T10:00:00.000Z', '2026-01-01T10:00:05.000Z', '2026-01-01T11:00:00.000+01:00'),
  fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2026-03-29T01:30:00.250-05:30', '2024-02-29T12:00:00.000+14:00', '0150-06-01T00:00:00.999Z'),
);
const channel = fc.constantFrom('web', 'app', 'email', 'phone', 'chat', 'other');
const key = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('a', 'b', 'plan', 'é', 'channel', 'traits', 'queueSeconds') },
  { weight: 1, arbitrary: fc.constantFrom('2', '10', '__proto__', '', 'k"q', 'a b', 'constructor') },
);
const scalar = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 6, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: fc.constantFrom(true, false, null, 1.5, 0.1, 19.99, -12.25, 1e-6, 123456.789) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(-0, 1e21, 1e-7, 2 ** 53 + 2, 'line\nbreak', 'ctl\u0001', 'a/b', '\ud800') },
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(key, scalar, { maxKeys: 3 }) },
);
const object = fc.dictionary(key, value, { maxKeys: 4 });
const context = fc.oneof(
  { weight: 12, arbitrary: channel.map((c) => ({ channel: c })) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        ip: fc.constant('1.2.3.4'),
        channel,
        library: fc.record({ name: fc.constant('x'), version: fc.constant('1.0.0') }),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ channel, traits: object }, { requiredKeys: ['traits'] }) },
);

/** A message as a tracking library sends it: valid, mostly. */
const goodMessage = fc
  .record({
    type: fc.constantFrom('track', 'track', 'track', 'track', 'identify', 'page', 'screen', 'alias', 'group'),
    messageId,
    userId: fc.option(identity, { freq: 2 }),
    anonymousId: fc.option(identity, { freq: 2 }),
    previousId: identity,
    groupId: fc.option(identity, { freq: 4 }),
    timestamp: fc.option(canonicalTime, { freq: 6 }),
    event: fc.constantFrom('Home Viewed', 'Signed Up', 'Order Completed', 'Ünïcode ✓', 'Contact Completed'),
    name: fc.option(fc.constantFrom('Pricing', '', 'Home'), { freq: 2 }),
    properties: fc.option(object, { freq: 2 }),
    traits: fc.option(object, { freq: 3 }),
    context: fc.option(context, { freq: 6 }),
  })
  .map(({ type, userId, anonymousId, previousId, groupId, event, name, properties, traits, context, ...rest }) => {
    const m: Record<string, unknown> = { type, ...rest };
    if (userId !== null || type === 'alias') m.userId = userId ?? 'u1';
    if (anonymousId !== null || (userId === null && type !== 'alias')) m.anonymousId = anonymousId ?? 'a1';
    if (type === 'alias') m.previousId = previousId;
    if (type === 'group' && groupId !== null) m.groupId = groupId;
    if (type === 'track') m.event = event;
    if ((type === 'page' || type === 'screen') && name !== null) m.name = name;
    if (properties !== null) m.properties = properties;
    if (traits !== null && type === 'identify') m.traits = traits;
    if (context !== null) m.context = context;
    if (m.timestamp === null) delete m.timestamp;
    return m;
  });

/** A field set to something unusual or wrong. */
const oddField = fc.oneof(
  fc.tuple(fc.constant('type'), fc.constantFrom('Track', 'bogus', 3, null)),
  fc.tuple(fc.constant('messageId'), fc.constantFrom(5, null, '', 'z'.repeat(257), 'lone-\ud800', undefined)),
  fc.tuple(
    fc.constantFrom('userId', 'anonymousId', 'previousId', 'groupId'),
    fc.constantFrom(7, -3, 0, 1.5, 1e21, null, '', true, { a: 1 }, 'y'.repeat(257)),
  ),
  fc.tuple(
    fc.constant('timestamp'),
    fc.constantFrom(
      '2026-01-01T10:00:00',
      '2026-02-30T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:00:00.000+19:00',
      '2026-01-01T10:60:00.000Z',
      'yesterday',
      '',
      5,
      null,
      '2026-01-01T10:00:00Z',
      '2026-01-01 10:00:00.5+0100',
      '2026-01-01T10:00:00.000z',
      '2026-12-31T23:59:60.000Z',
      '0050-01-01T00:00:00.000Z',
    ),
  ),
  fc.tuple(fc.constant('event'), fc.constantFrom('', null, 4, 'e'.repeat(513))),
  fc.tuple(fc.constant('name'), fc.constantFrom(null, 7, 'n'.repeat(513))),
  fc.tuple(fc.constantFrom('properties', 'traits'), fc.constantFrom(null, [1], 'x', {})),
  fc.tuple(
    fc.constant('context'),
    fc.constantFrom(null, [], 'web', {}, { channel: 'fax' }, { channel: null }, { traits: 'x' }),
  ),
  fc.tuple(fc.constant('sentAt'), fc.constantFrom('2026-01-01T10:00:00.000Z', 1)),
);
const message = fc
  .tuple(goodMessage, fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oddField }))
  .map(([m, odd]) => {
    if (odd === null) return m;
    const [field, v] = odd;
    return { ...m, [field]: v };
  });

/** How a line is written: mostly as JSON.stringify writes it, sometimes as other writers (or broken ones) do. */
const writer = fc.constantFrom(
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'plain',
  'spaced',
  'escaped',
  'duplicateKey',
  'trailingComma',
  'nan',
  'rawNumbers',
  'crlf',
);

function written(value: Record<string, unknown>, how: string): string {
  const text = JSON.stringify(value);
  const inside = text.slice(1, -1);
  switch (how) {
    case 'spaced':
      return spaced(value);
    case 'escaped':
      return text
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replaceAll('/', '\\/');
    case 'duplicateKey':
      return `{"type":"page","userId":"u9",${inside}}`;
    case 'trailingComma':
      return `{${inside}${inside === '' ? '' : ','}}`;
    case 'nan':
      return `{${inside}${inside === '' ? '' : ','}"score":NaN}`;
    case 'rawNumbers':
      return `{${inside}${inside === '' ? '' : ','}"properties":{"a":1.0,"b":1e2,"c":-0,"d":12345678901234567890,"e":1.50,"f":15e-8}}`;
    case 'crlf':
      return `${text}\r`;
    default:
      return text;
  }
}

/** JSON with `, ` and `: ` between items, as Python's json.dumps writes it. */
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

const line = fc.oneof(
  { weight: 20, arbitrary: fc.tuple(message, writer).map(([m, how]) => written(m, how)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\t',
      '{"type":"track"',
      'not json',
      '[1,2]',
      '"text"',
      '\ufeff{"type":"track"}',
      'null',
    ),
  },
);

describe('JSONL bulk import', () => {
  it(
    'gives the same summary, stored events, dictionaries and reports as the pipeline (property)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.array(line, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 2 }),
          fc.array(message, { maxLength: 4 }),
          fc.array(message, { maxLength: 4 }),
          fc.boolean(),
          // Small blocks: messages repeat across blocks, and blocks are parsed ahead of commits.
          fc.integer({ min: 200, max: 5000 }),
          async (files, before, after, trailingNewline, bulkBlockBytes) => {
            await expectSameOutcome(
              files.map((lines) => lines.join('\n') + (trailingNewline ? '\n' : '')),
              { before, after, bulkBlockBytes },
            );
          },
        ),
        { numRuns: Number(process.env.WM_RUNS ?? 30), endOnFailure: process.env.WM_RUNS !== undefined },
      );
    },
    Math.max(300_000, Number(process.env.WM_RUNS ?? 0) * 5000),
  );

  it('reads a block that is not UTF-8 as the JSONL reader does (replacement characters)', async () => {
    const good = '{"type":"track","messageId":"g1","userId":"u1","event":"A","timestamp":"2026-01-01T10:00:00.000Z"}';
    const bad = Buffer.from('{"type":"track","messageId":"b\xff1","userId":"u1","event":"B"}', 'latin1');
    const file = Buffer.concat([Buffer.from(`${good}\n`), bad, Buffer.from(`\n${good.replace('g1', 'g2')}\n`)]);
    await expectSameOutcome([file], { bulkBlockBytes: 120 });
    await expectSameOutcome([file]);
  });

  it('keeps the attributes the index already tracks current (event attributes and traits)', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const lines = [
      { type: 'track', messageId: 't1', userId: 'u1', event: 'A', properties: { plan: 'gold' }, timestamp: at(1) },
      { type: 'identify', messageId: 'i1', userId: 'u1', traits: { plan: 'silver' }, timestamp: at(2) },
      { type: 'track', messageId: 't2', userId: 'u2', event: 'B', properties: { plan: 'bronze' }, timestamp: at(3) },
      { type: 'identify', messageId: 'i2', userId: 'u0', traits: { plan: 'gold' }, timestamp: at(4) },
    ].map((m) => JSON.stringify(m));
    const before = [
      { type: 'track', messageId: 'p0', userId: 'u0', event: 'A', properties: { plan: 'x' }, timestamp: at(0) },
      { type: 'identify', messageId: 'p1', userId: 'u0', traits: { plan: 'x' }, timestamp: at(0) },
    ];
    await expectSameOutcome([lines], { before, track: ['properties.plan', 'traits.plan'], bulkBlockBytes: 200 });
  });

  it('stitches anonymous history and aliases in arrival order, across blocks', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const lines = [
      {
        type: 'track',
        messageId: 'e1',
        anonymousId: 'a1',
        event: 'Home',
        timestamp: at(1),
        context: { channel: 'web' },
      },
      { type: 'track', messageId: 'e2', anonymousId: 'a1', event: 'Plans', timestamp: at(1) },
      { type: 'track', messageId: 'e3', userId: 'u1', anonymousId: 'a1', event: 'Signed Up', timestamp: at(2) },
      { type: 'track', messageId: 'e4', userId: 'u2', anonymousId: 'a1', event: 'Other', timestamp: at(3) },
      { type: 'alias', messageId: 'e5', userId: 'u1', previousId: 'u2', timestamp: at(4) },
      { type: 'identify', messageId: 'e6', userId: 'u1', traits: { tier: 'vip' } },
      { type: 'page', messageId: 'e7', anonymousId: 'a2', name: '' },
      { type: 'track', messageId: 'e1', anonymousId: 'a1', event: 'Home', timestamp: at(1) },
    ].map((m) => JSON.stringify(m));
    await expectSameOutcome([lines], { bulkBlockBytes: 200, after: [{ type: 'track', messageId: 'e3' }] });
  });
});
