import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { normalizeMessage } from '@waymark/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvMapping, loadCsvMapping, parseCsvMapping } from './csv-mapping.ts';
import { readCsv } from './csv-reader.ts';
import { openInput } from './open-input.ts';
import type { SourceRecord } from './source-record.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../../../../shared/data/public/${name}`, import.meta.url));
const mappingFile = (name: string) => fileURLToPath(new URL(`../../../../docs/mappings/${name}`, import.meta.url));

interface Message {
  messageId: string;
  userId?: string;
  anonymousId?: string;
  event: string;
  timestamp: string;
  context?: { channel: string };
  properties: Record<string, unknown>;
  traits?: Record<string, unknown>;
}

async function readAll(stream: Readable, mapping: CsvMapping): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const run of readCsv(stream, mapping)) records.push(...run);
  return records;
}
const messages = (records: SourceRecord[]) => records.flatMap((r) => ('message' in r ? [r.message as Message] : []));

/** The file's rows split naively: fine for these two files, which have no quoted cells (checked). */
function plainRows(text: string): { header: string[]; rows: string[][] } {
  expect(text).not.toContain('"');
  const [header, ...rows] = text
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  return { header: header as string[], rows };
}

describe('readCsv on the real files', () => {
  it('imports receipt.csv: 8,577 events of 1,434 customers, no errors', async () => {
    const { header, rows } = plainRows(readFileSync(dataFile('receipt.csv'), 'utf8'));
    const records = await readAll(
      (await openInput(dataFile('receipt.csv'))).stream,
      await loadCsvMapping(mappingFile('receipt.mapping.yaml')),
    );
    const all = messages(records);
    expect(records.filter((r) => 'errors' in r)).toEqual([]);
    expect(all).toHaveLength(8_577);
    expect(all).toHaveLength(rows.length);
    expect(new Set(all.map((m) => m.userId)).size).toBe(1_434);
    expect(new Set(rows.map((r) => r[header.indexOf('case:concept:name')])).size).toBe(1_434);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(8_577);
    expect(records[0]).toEqual({
      line: 2,
      message: expect.objectContaining({
        userId: 'case-10011',
        event: 'Confirmation of receipt',
        timestamp: '2011-10-11 13:45:40.276000+02:00',
        context: { channel: 'web' },
        properties: {
          'concept:instance': 'task-42933',
          'lifecycle:transition': 'complete',
          'org:group': 'Group 1',
          'org:resource': 'Resource21',
        },
      }),
    });
    const channels = new Map<string, number>();
    for (const m of all)
      channels.set(m.context?.channel as string, (channels.get(m.context?.channel as string) ?? 0) + 1);
    expect(Object.fromEntries(channels)).toEqual({ web: 7_478, store: 657, mail: 308, email: 128, other: 6 });
    expect(all.filter((m) => !normalizeMessage(m, { receivedAtMs: 0 }).ok)).toEqual([]);
  });

  it('imports the bank calls: 42,078 Contact Completed events, 4,743 identified customers', async () => {
    const { header, rows } = plainRows(gunzipSync(readFileSync(dataFile('bank-calls-august.csv.gz'))).toString('utf8'));
    const col = (name: string) => header.indexOf(name);
    const input = await openInput(dataFile('bank-calls-august.csv.gz'));
    const records = await readAll(input.stream, await loadCsvMapping(mappingFile('bank-calls.mapping.yaml')));
    const all = messages(records);
    expect(records.filter((r) => 'errors' in r)).toEqual([]);
    expect(all).toHaveLength(42_078);
    // data/README.md says 4,744 "identified customers": that counts customer_id 0 (unidentified) too.
    const identified = new Set(rows.map((r) => r[col('customer_id')]).filter((id) => id !== '0'));
    expect(identified.size).toBe(4_743);
    expect(new Set(all.flatMap((m) => (m.userId === undefined ? [] : [m.userId]))).size).toBe(4_743);
    expect(all.filter((m) => m.userId === undefined)).toHaveLength(
      rows.filter((r) => r[col('customer_id')] === '0').length,
    );
    // call_id is reused by the switch, so the ids are built from date + vru_entry + call_id: all distinct.
    expect(new Set(rows.map((r) => r[col('call_id')])).size).toBe(19_727);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(42_078);
    expect(new Set(all.map((m) => m.anonymousId)).size).toBe(42_078);

    const outcome = (r: string[]) =>
      r[col('outcome')] === 'AGENT'
        ? undefined
        : r[col('outcome')] === 'HANG' && r[col('q_time')] === '0'
          ? 'self_served'
          : 'abandoned';
    // Compared row by row, listing only the lines that differ (cheaper than deep-equal on 42k items).
    const differ = (get: (m: Message) => unknown, want: (r: string[]) => unknown) =>
      rows.flatMap((r, i) => (get(all[i] as Message) === want(r) ? [] : [i + 2]));
    expect(differ((m) => m.properties.outcome, outcome)).toEqual([]);
    expect(
      differ(
        (m) => m.properties.queueSeconds,
        (r) => Number(r[col('q_time')]),
      ),
    ).toEqual([]);
    expect(all.filter((m) => m.properties.agentId === undefined)).toHaveLength(
      rows.filter((r) => r[col('server')] === 'NO_SERVER').length,
    );
    expect(all[0]).toMatchObject({
      anonymousId: 'call-2010-08-01-0:10:10-43678',
      event: 'Contact Completed',
      timestamp: '2010-08-01T00:10:10.000+03:00',
      context: { channel: 'phone' },
      properties: {
        contactId: '43678',
        medium: 'call',
        direction: 'inbound',
        queue: 'PS',
        ivrSeconds: 17,
        priority: 0,
      },
    });
    // Wall-clock date + time of day, in Israel's summer time all month.
    const local = (r: string[]) => `${r[col('date')]}T${(r[col('vru_entry')] as string).padStart(8, '0')}.000+03:00`;
    expect(differ((m) => m.timestamp, local)).toEqual([]);
    // Validation is the same code for every row: a sample keeps the test fast.
    expect(all.filter((m, i) => i % 10 === 0 && !normalizeMessage(m, { receivedAtMs: 0 }).ok)).toEqual([]);
  });
});

const mapping = parseCsvMapping(
  `message:
  type: track
  userId: { column: id }
  event: { column: what }
  properties:
    note: { column: note }
`,
  'm.yaml',
);

describe('readCsv row errors', () => {
  it('names the line of a row with too few or too many fields, and imports the rest', async () => {
    const text = 'id,what,note\nu1,a,x\nu2,b\nu3,"c\nc",y\nu4,d,z,extra\nu5,e,w\n';
    const records = await readAll(Readable.from([text]), mapping);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
    expect(records[1]).toEqual({
      line: 3,
      errors: [{ field: '(row)', message: 'line 3 has 2 fields, expected 3 (as in the header)' }],
    });
    expect(records[3]).toEqual({
      line: 6,
      errors: [{ field: '(row)', message: 'line 6 has 4 fields, expected 3 (as in the header)' }],
    });
    expect(messages(records).map((m) => m.event)).toEqual(['a', 'c\nc', 'e']);
  });

  it('reports broken quoting as an error record instead of throwing', async () => {
    const records = await readAll(Readable.from(['id,what,note\nu1,a,x\nu2,"b"oops,y\n']), mapping);
    expect(records[0]).toMatchObject({ line: 2, message: { event: 'a' } });
    expect(records.slice(1)).toContainEqual({
      line: 3,
      errors: [{ field: '(row)', message: expect.stringMatching(/^line 3 is not valid CSV/) }],
    });
  });

  it('refuses a mapping naming a column the header lacks', async () => {
    await expect(readAll(Readable.from(['id,activity,note\nu1,a,x\n']), mapping)).rejects.toThrow(
      /column "what" is not in the CSV header \(columns: id, activity, note\)/,
    );
  });
});

describe('readCsv round trip (property)', () => {
  it('returns the cell contents written with proper quoting, commas, quotes and newlines included', async () => {
    const unit = fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', ';', 'é', '中', '😀', "'", '\t');
    const cell = fc.string({ unit, maxLength: 10 });
    const quote = (value: string) =>
      /[",\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
    const roundTrip = compileFree(['c0', 'c1', 'c2']);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
        const text = ['id,c0,c1,c2', ...rows.map((r, i) => [`u${i}`, ...r].map(quote).join(','))].join('\r\n');
        const records = await readAll(Readable.from([text]), roundTrip);
        expect(records.filter((r) => 'errors' in r)).toEqual([]);
        const expected = rows.map((r) => Object.fromEntries(r.flatMap((v, i) => (v === '' ? [] : [[`c${i}`, v]]))));
        expect(messages(records).map((m) => m.properties ?? {})).toEqual(expected);
        // Lines: each record starts where the previous one's line breaks end.
        let line = 2;
        for (const [i, record] of records.entries()) {
          expect(record.line).toBe(line);
          line += 1 + (rows[i] as string[]).join('').split('\n').length - 1;
        }
      }),
      { numRuns: 150 },
    );
  });
});

function compileFree(columns: string[]): CsvMapping {
  const props = columns.map((c) => `    ${c}: { column: ${c} }`).join('\n');
  return parseCsvMapping(
    `message:\n  userId: { column: id }\n  event: { value: x }\n  properties:\n${props}\n`,
    'free.yaml',
  );
}
