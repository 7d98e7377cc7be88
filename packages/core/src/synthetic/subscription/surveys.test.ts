import { describe, expect, it } from 'vitest';
import { type ContactExperience, cesScore, csatScore, npsScore } from './surveys.ts';

const good: ContactExperience = {
  queueSeconds: 20,
  transfers: 0,
  outcome: 'resolved',
  attempt: 1,
  paymentFailed: false,
};

describe('survey answers depend on the experience', () => {
  it('CSAT and CES fall with waits, transfers, repeat contacts and no resolution', () => {
    const worse: ContactExperience[] = [
      { ...good, queueSeconds: 400 },
      { ...good, queueSeconds: 1200 },
      { ...good, transfers: 2 },
      { ...good, attempt: 3 },
      { ...good, outcome: 'unresolved' },
      { ...good, paymentFailed: true },
    ];
    for (const noise of [-1, 0, 1]) {
      for (const experience of worse) {
        expect(csatScore(experience, noise)).toBeLessThanOrEqual(csatScore(good, noise));
        expect(cesScore(experience, noise)).toBeLessThanOrEqual(cesScore(good, noise));
      }
    }
    for (const experience of worse.slice(1, 5)) expect(cesScore(experience, 0)).toBeLessThan(cesScore(good, 0));
    expect(csatScore(good, 0)).toBeGreaterThanOrEqual(4);
    expect(csatScore({ ...good, queueSeconds: 1200, transfers: 2, outcome: 'unresolved' }, 0)).toBe(1);
  });

  it('NPS follows mood and stays on its scale', () => {
    expect(npsScore(7.5, 1, 0)).toBeGreaterThan(npsScore(7.5, -2, 0));
    expect(npsScore(7.5, 10, 3)).toBe(10);
    expect(npsScore(7.5, -10, -3)).toBe(0);
  });
});
