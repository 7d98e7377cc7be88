import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp } from './timestamp.ts';

/** `ms` written as local time at the given UTC offset: [local text without zone, '+hh:mm']. */
function atOffset(ms: number, offsetMinutes: number): [string, string] {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return [local, offset];
}

describe('parseIsoTimestamp', () => {
  it('honours the UTC offset', () => {
    expect(parseIsoTimestamp('2010-12-30T14:32:00.000+01:00')).toBe(Date.UTC(2010, 11, 30, 13, 32));
    expect(parseIsoTimestamp('2010-12-30T14:32:00Z')).toBe(Date.UTC(2010, 11, 30, 14, 32));
    expect(parseIsoTimestamp('2011-10-11 13:45:40.276000+02:00')).toBe(Date.UTC(2011, 9, 11, 11, 45, 40, 276));
    expect(parseIsoTimestamp('2024-03-01T00:00:00-0530')).toBe(Date.UTC(2024, 2, 1, 5, 30));
  });

  it('rejects times without an offset and impossible dates', () => {
    expect(parseIsoTimestamp('2010-12-30T14:32:00')).toBeNull();
    expect(parseIsoTimestamp('2010-02-30T14:32:00Z')).toBeNull();
    expect(parseIsoTimestamp('yesterday')).toBeNull();
    expect(parseIsoTimestamp('2010-12-30T25:00:00Z')).toBeNull();
  });

  it('agrees with Date for every valid instant and offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const [local, offset] = atOffset(ms, offsetMinutes);
          // 29 characters: the fast path; with a 4-digit fraction: the general pattern.
          expect(parseIsoTimestamp(`${local}${offset}`)).toBe(ms);
          expect(parseIsoTimestamp(`${local}0${offset}`)).toBe(ms);
        },
      ),
    );
  });
});

describe('parseIsoTimestamp fast path', () => {
  it('agrees with the general pattern on canonical UTC text, valid or not (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(parseIsoTimestamp(new Date(ms).toISOString())).toBe(ms);
      }),
    );
    for (const bad of [
      '2026-02-30T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:00:00.0a0Z',
    ]) {
      expect(parseIsoTimestamp(bad)).toBeNull();
    }
  });
});
