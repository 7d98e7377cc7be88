import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import { contactTimeMs } from './contact-centre/contact-hours.ts';
import { isOpen, SALES } from './contact-centre/queues.ts';
import { DAY_MS, HOUR_MS, hourOfDay, timeOnDay, WORLD_START_MS, weekdayOf } from './world-calendar.ts';

describe('world calendar', () => {
  it('draws a time on the day only in weighted hours, not before the given time, in whole seconds (property)', () => {
    const weights = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 17 ? 1 + (h % 3) : 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 1, max: 1000 }), (minute, seed) => {
        const notBefore = WORLD_START_MS + minute * 60_000;
        const time = timeOnDay(WORLD_START_MS, weights, notBefore, seededRandom(seed));
        if (time === null) {
          expect(notBefore).toBeGreaterThanOrEqual(WORLD_START_MS + 17 * HOUR_MS);
          return;
        }
        expect(time).toBeGreaterThanOrEqual(notBefore);
        expect(time % 1000).toBe(0);
        expect(weights[hourOfDay(time)]).toBeGreaterThan(0);
      }),
    );
  });

  it('calls happen in opening hours; a need on Sunday is called in on a later day', () => {
    const random = seededRandom(9);
    const sunday = WORLD_START_MS + 6 * DAY_MS;
    for (let i = 0; i < 2000; i++) {
      const need = WORLD_START_MS + random() * 14 * DAY_MS;
      const call = contactTimeMs(need, 'call', random);
      expect(call).toBeGreaterThanOrEqual(need);
      expect(isOpen(SALES, weekdayOf(call), hourOfDay(call))).toBe(true);
      const fromSunday = contactTimeMs(sunday + random() * DAY_MS, 'call', random);
      expect(weekdayOf(fromSunday)).not.toBe(6);
    }
  });
});
