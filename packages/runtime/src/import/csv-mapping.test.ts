import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compileCsvMapping, loadCsvMapping, parseCsvMapping } from './csv-mapping.ts';

const docsFile = (name: string) => fileURLToPath(new URL(`../../../../docs/mappings/${name}`, import.meta.url));

/** Parses `yaml` and expects the Error's message to match. */
const rejects = (yaml: string, message: RegExp) => expect(() => parseCsvMapping(yaml, 'm.yaml')).toThrow(message);

const base = `message:
  type: track
  userId: { column: id }
  event: { value: Done }
`;

describe('parseCsvMapping validation', () => {
  it('loads the mapping files shipped in docs/mappings', async () => {
    const receipt = await loadCsvMapping(docsFile('receipt.mapping.yaml'));
    expect(receipt.fields.userId?.column).toBe('case:concept:name');
    const bank = await loadCsvMapping(docsFile('bank-calls.mapping.yaml'));
    expect(bank.fields.timestamp).toMatchObject({ format: 'yyyy-MM-dd H:mm:ss', timezone: 'Asia/Jerusalem' });
    expect(bank.properties.outcome?.cases).toHaveLength(2);
  });

  it('names the file, line and field of an unknown key', () => {
    rejects(`${base}  propertes: {}\n`, /^m\.yaml:5: message\.propertes: unknown key "propertes"/);
    rejects(
      `${base}  properties:\n    a: { column: x, colour: red }\n`,
      /^m\.yaml:6: message\.properties\.a\.colour: unknown key/,
    );
    rejects(`csv: { delimiter: ";", sep: "," }\n${base}`, /^m\.yaml:1: csv\.sep: unknown key/);
  });

  it('wants exactly one of value, column, template, cases', () => {
    rejects(
      `${base}  properties:\n    a: { column: x, value: y }\n`,
      /m\.yaml:6: message\.properties\.a: .*exactly one of .*found value and column|found column and value/,
    );
    rejects(
      `${base}  properties:\n    a: { type: number }\n`,
      /m\.yaml:6: message\.properties\.a: .*exactly one.*found none/,
    );
    rejects(`${base}  properties:\n    a: q_time\n`, /m\.yaml:6: message\.properties\.a: expected a field spec/);
  });

  it('rejects unknown types, misplaced format, bad zones and channels', () => {
    rejects(
      `${base}  properties:\n    a: { column: x, type: integer }\n`,
      /m\.yaml:6: message\.properties\.a\.type: unknown type "integer"/,
    );
    rejects(
      `${base}  properties:\n    a: { column: x, format: yyyy }\n`,
      /m\.yaml:6: message\.properties\.a\.format: .*only message\.timestamp/,
    );
    rejects(
      `${base}  timestamp: { column: t, format: "yyyy-MM-dd", timezone: Mars/Olympus }\n`,
      /m\.yaml:5: message\.timestamp\.timezone: unknown time zone "Mars\/Olympus"/,
    );
    rejects(
      `${base}  timestamp: { column: t, format: "yyyy-MM-dd HH:mm" }\n`,
      /message\.timestamp\.timezone: .*has no offset/,
    );
    rejects(
      `${base}  channel: { column: c, map: { Desk: counter } }\n`,
      /m\.yaml:5: message\.channel: map Desk → "counter" is not a channel/,
    );
    rejects(`${base.replace('track', 'tracks')}`, /m\.yaml:2: message\.type: unknown message type "tracks"/);
    rejects('message:\n  event: { value: x }\n', /message: the mapping needs userId or anonymousId/);
    rejects(
      `${base}  properties:\n    a: { template: "call-{id" }\n`,
      /m\.yaml:6: message\.properties\.a\.template: unbalanced/,
    );
    rejects(`${base}  properties: [\n`, /^m\.yaml:\d+: invalid YAML/);
  });

  it('names a column the CSV header does not have, and lists the header', () => {
    const mapping = parseCsvMapping(`${base}  properties:\n    q: { column: q_tim }\n`, 'm.yaml');
    expect(() => compileCsvMapping(mapping, ['id', 'q_time'])).toThrow(
      'm.yaml:6: message.properties.q: column "q_tim" is not in the CSV header (columns: id, q_time)',
    );
  });
});

describe('compileCsvMapping rows', () => {
  const mapping = parseCsvMapping(
    `message:
  type: track
  messageId: { template: "call-{call_id}" }
  userId: { column: customer, nullIf: ["0"] }
  anonymousId: { template: "anon-{call_id}" }
  event: { value: Contact Completed }
  timestamp: { template: "{date} {time}", format: "yyyy-MM-dd H:mm:ss", timezone: Asia/Jerusalem }
  channel: { column: how, map: { Desk: store, Internet: web } }
  properties:
    wait: { column: wait, type: number }
    vip: { column: vip, type: boolean, default: false }
    outcome:
      cases:
        - when: { outcome: HANG, wait: 0 }
          value: self_served
        - when: { outcome: [HANG, PHANTOM] }
          value: abandoned
  traits:
    segment: { column: segment }
`,
    'm.yaml',
  );
  const header = ['call_id', 'customer', 'date', 'time', 'how', 'wait', 'vip', 'outcome', 'segment'];
  const toRecord = compileCsvMapping(mapping, header);

  it('maps a row, converting types and applying nullIf, map, cases and defaults', () => {
    expect(toRecord(['7', '0', '2010-08-01', '9:05:00', 'Desk', '0', '', 'HANG', ''], 2)).toEqual({
      line: 2,
      message: {
        type: 'track',
        messageId: 'call-7',
        anonymousId: 'anon-7',
        event: 'Contact Completed',
        timestamp: '2010-08-01T09:05:00.000+03:00',
        context: { channel: 'store' },
        properties: { wait: 0, vip: false, outcome: 'self_served' },
      },
    });
    const answered = toRecord(['8', '42', '2010-12-01', '23:59:59', 'Phone', '30', 'yes', 'AGENT', 'gold'], 3);
    expect(answered).toMatchObject({
      message: {
        userId: '42',
        timestamp: '2010-12-01T23:59:59.000+02:00', // winter: IST
        context: { channel: 'Phone' }, // unmapped text passes (the ingest check names it)
        properties: { wait: 30, vip: true },
        traits: { segment: 'gold' },
      },
    });
    expect((answered as { message: { properties: object } }).message.properties).not.toHaveProperty('outcome');
  });

  it('turns bad cells into error records that name the field, the text and the format', () => {
    expect(toRecord(['9', '1', '2010-08-01', '25:00:00', 'Desk', 'ten', 'maybe', 'HANG', ''], 4)).toEqual({
      line: 4,
      errors: [
        {
          field: 'timestamp',
          message: expect.stringContaining('"2010-08-01 25:00:00" does not match the format "yyyy-MM-dd H:mm:ss"'),
        },
        { field: 'properties.wait', message: 'expected a number, got "ten"' },
        { field: 'properties.vip', message: 'expected true or false, got "maybe"' },
      ],
    });
    expect(toRecord(['9', '1', '', '', 'Desk', '1', '', 'HANG', ''], 5)).toEqual({
      line: 5,
      errors: [{ field: 'timestamp', message: 'no timestamp in this row' }],
    });
  });

  it('derives a messageId from the row and its line when the mapping gives none', () => {
    const plain = compileCsvMapping(parseCsvMapping(base, 'm.yaml'), ['id']);
    const id = (row: string[], line: number) =>
      (plain(row, line) as { message: { messageId: string } }).message.messageId;
    expect(id(['a'], 2)).toBe(id(['a'], 2));
    expect(id(['a'], 2)).not.toBe(id(['a'], 3));
    expect(id(['a'], 2)).not.toBe(id(['b'], 2));
  });

  it('gives the same instant as luxon for any wall-clock time, daylight-saving changes included', () => {
    // Numeric formats take a fast path (regex + per-hour offsets); MMM and "a" go to luxon itself.
    const formats = ['yyyy-MM-dd HH:mm:ss', 'd.M.yyyy H:mm:ss.SSS', 'dd MMM yyyy hh:mm a'];
    const cases = ['Europe/Amsterdam', 'America/New_York', 'Asia/Jerusalem', 'Australia/Lord_Howe'].flatMap((zone) =>
      formats.map((format) => ({ zone, format })),
    );
    for (const { zone, format } of cases) {
      const zoned = compileCsvMapping(
        parseCsvMapping(`${base}  timestamp: { column: t, format: "${format}", timezone: ${zone} }\n`, 'm.yaml'),
        ['id', 't'],
      );
      const check = (text: string) => {
        const record = zoned(['u', text], 2) as { message: { timestamp: string } };
        expect(record.message.timestamp, `${zone} ${text}`).toBe(DateTime.fromFormat(text, format, { zone }).toISO());
      };
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2009, 0, 1), max: Date.UTC(2026, 0, 1) }), (ms) => {
          check(DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat(format));
        }),
        { numRuns: 100 },
      );
      // Straight onto the spring-forward and fall-back hours, where the cache must not answer.
      const start = DateTime.fromObject({ year: 2021, month: 1, day: 1 }, { zone });
      const hours = [];
      for (let day = start; day.year === 2021; day = day.plus({ days: 1 })) {
        if (day.offset === day.plus({ days: 1 }).offset) continue;
        for (let h = 0; h < 25; h++) hours.push(day.plus({ hours: h }));
      }
      expect(hours.length).toBeGreaterThan(0);
      for (const local of hours) {
        if (local.offset === local.plus({ hours: 1 }).offset) continue;
        for (const minutes of [0, 30, 59, 60, 90]) check(local.plus({ minutes }).toFormat(format));
      }
    }
  });
});
