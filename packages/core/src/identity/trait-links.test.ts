import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../journey-index/journey-index.ts';
import { ev } from '../journey-index/test-events.ts';
import { normalizeEmail, normalizePhone, traitLinkKeys } from './trait-keys.ts';

function journeys(index: JourneyIndex): Record<string, string[]> {
  const rows = index.rows();
  const out: Record<string, string[]> = {};
  for (let r = 0; r < rows.runCount; r++) {
    const start = rows.runStart[r] as number;
    const name = index.customerName(rows.customer[start] as number);
    out[name] = [];
    for (let i = start; i < (rows.runStart[r + 1] as number); i++) {
      out[name]?.push(index.activities.valueOf(rows.activity[i] as number));
    }
  }
  return out;
}

const identify = (who: string, seconds: number, traits: Record<string, unknown>) =>
  ev(who, null, seconds, { type: 'identify', traits: traits as never });

describe('trait link keys', () => {
  it('normalises e-mail (trimmed, lower-cased) and phone (digits, leading + kept)', () => {
    expect(normalizeEmail('  Ann@Example.COM ')).toBe('ann@example.com');
    expect(normalizeEmail('n/a')).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
    expect(normalizePhone(' +44 (0)20 7946-0018 ')).toBe('+4402079460018');
    expect(normalizePhone('020 7946 0018')).toBe('02079460018');
    expect(normalizePhone('0-20.7946.0018')).toBe('02079460018');
    expect(normalizePhone(5550100)).toBe('5550100');
    expect(normalizePhone('unknown')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });

  it('gives only the keys of the enabled traits, namespaced', () => {
    const traits = { email: 'A@B.C', phone: '+1 555' };
    expect(traitLinkKeys(new Set(), traits)).toEqual([]);
    expect(traitLinkKeys(new Set(['phone'] as const), traits)).toEqual(['phone:+1555']);
    expect(traitLinkKeys(new Set(['email', 'phone'] as const), traits)).toEqual(['email:a@b.c', 'phone:+1555']);
  });
});

describe('linking identities by shared traits', () => {
  it('is off by default: a shared e-mail leaves two customers', () => {
    const index = new JourneyIndex();
    index.add({ ...identify('u1', 1, { email: 'ann@example.com' }), seq: 1 });
    index.add({ ...ev('u1', 'A', 2), seq: 2 });
    index.add({ ...identify('u2', 3, { email: 'ann@example.com' }), seq: 3 });
    index.add({ ...ev('u2', 'B', 4), seq: 4 });
    expect(journeys(index)).toEqual({ u1: ['A'], u2: ['B'] });
  });

  it('merges two userIds sharing an e-mail, retroactively, under the first one', () => {
    const index = new JourneyIndex({ linkBy: ['email'] });
    index.add({ ...ev('u1', 'A', 1), seq: 1 });
    index.add({ ...identify('u1', 2, { email: 'ann@example.com' }), seq: 2 });
    index.add({ ...ev('u2', 'B', 3), seq: 3 });
    expect(journeys(index)).toEqual({ u1: ['A'], u2: ['B'] });
    index.add({ ...identify('u2', 4, { email: ' ANN@example.com' }), seq: 4 });
    expect(journeys(index)).toEqual({ u1: ['A', 'B'] });
    expect(index.findCustomer('u2')).toBe(index.findCustomer('u1'));
  });

  it('links by phone only when phone is enabled, after normalising', () => {
    const byEmail = new JourneyIndex({ linkBy: ['email'] });
    const byPhone = new JourneyIndex({ linkBy: ['phone'] });
    for (const index of [byEmail, byPhone]) {
      index.add({ ...identify('u1', 1, { phone: '+44 20 7946 0018' }), seq: 1 });
      index.add({ ...ev('u1', 'A', 2), seq: 2 });
      index.add({ ...identify('u2', 3, { phone: '+44 (20) 7946-0018' }), seq: 3 });
      index.add({ ...ev('u2', 'B', 4), seq: 4 });
      index.add({ ...identify('u3', 5, { phone: '44 20 7946 0018' }), seq: 5 }); // no +: another number
      index.add({ ...ev('u3', 'C', 6), seq: 6 });
    }
    expect(journeys(byEmail)).toEqual({ u1: ['A'], u2: ['B'], u3: ['C'] });
    expect(journeys(byPhone)).toEqual({ u1: ['A', 'B'], u3: ['C'] });
  });

  it('keeps a userId as the customer when an anonymous device shares the trait, and the device stays theirs', () => {
    const index = new JourneyIndex({ linkBy: ['email'] });
    index.add({ ...identify('anon:d', 1, { email: 'ann@example.com' }), seq: 1 });
    index.add({ ...ev('anon:d', 'A', 2), seq: 2 });
    index.add({ ...identify('u1', 3, { email: 'ann@example.com' }), seq: 3 });
    index.add({ ...ev('u1', 'B', 4), seq: 4 });
    // A later different user on the device does not take the (now known) customer.
    index.add({ ...ev('u2', 'C', 5, { anonymousId: 'anon:d' }), seq: 5 });
    expect(journeys(index)).toEqual({ u1: ['A', 'B'], u2: ['C'] });
  });

  it('chains: e-mail links u1–u2, phone links u2–u3, so all three are one customer', () => {
    const index = new JourneyIndex({ linkBy: ['email', 'phone'] });
    index.add({ ...identify('u1', 1, { email: 'a@x.io' }), seq: 1 });
    index.add({ ...identify('u2', 2, { email: 'a@x.io', phone: '555-0100' }), seq: 2 });
    index.add({ ...identify('u3', 3, { phone: '5550100' }), seq: 3 });
    for (const [i, who] of ['u1', 'u2', 'u3'].entries())
      index.add({ ...ev(who, who.toUpperCase(), 10 + i), seq: 4 + i });
    expect(journeys(index)).toEqual({ u1: ['U1', 'U2', 'U3'] });
  });

  it('forgets the trait keys of an erased customer', () => {
    const index = new JourneyIndex({ linkBy: ['email', 'phone'] });
    index.add({ ...identify('u1', 1, { email: 'a@x.io', phone: '555-0100' }), seq: 1 });
    index.add({ ...identify('u2', 2, { email: 'b@x.io' }), seq: 2 });
    expect(index.identities.traitKeyCount).toBe(3);
    index.erase(index.findCustomer('u1') as number);
    expect(index.identities.traitKeyCount).toBe(1);
    // A new customer with the erased e-mail is not linked to anything left.
    index.add({ ...identify('u3', 3, { email: 'a@x.io' }), seq: 3 });
    index.add({ ...ev('u3', 'C', 4), seq: 4 });
    index.add({ ...ev('u2', 'B', 5), seq: 5 });
    expect(journeys(index)).toEqual({ u2: ['B'], u3: ['C'] });
  });
});
