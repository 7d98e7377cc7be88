import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoUtc } from './iso-time.ts';

describe('isoUtc', () => {
  it('formats exactly like Date#toISOString (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });
});
