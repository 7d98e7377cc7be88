import { describe, expect, it } from 'vitest';
import { JourneyIndex } from './journey-index.ts';
import { ev } from './test-events.ts';

function journeys(index: JourneyIndex): Record<string, string[]> {
  const rows = index.rows();
  const out: Record<string, string[]> = {};
  for (let r = 0; r < rows.runCount; r++) {
    const start = rows.runStart[r];
    const name = index.customerName(rows.customer[start]);
    out[name] = [];
    for (let i = start; i < rows.runStart[r + 1]; i++) {
      (out[name] as string[]).push(index.activities.valueOf(rows.activity[i]));
    }
  }
  return out;
}

describe('JourneyIndex', () => {
  it('orders each customer by time, and equal times by arrival', () => {
    const index = new JourneyIndex();
    let seq = 0;
    for (const e of [ev('u1', 'C', 30), ev('u2', 'X', 5), ev('u1', 'A', 10), ev('u1', 'B', 10), ev('u1', 'Z', 10)]) {
      index.add({ ...e, seq: ++seq });
    }
    expect(journeys(index)).toEqual({ u1: ['A', 'B', 'Z', 'C'], u2: ['X'] });
  });

  it('stitches anonymous history to the user retroactively, even after a read', () => {
    const index = new JourneyIndex();
    index.add({ ...ev('anon:a1', 'Home Viewed', 1), seq: 1 });
    index.add({ ...ev('anon:a1', 'Plans Viewed', 2), seq: 2 });
    expect(journeys(index)).toEqual({ 'anon:a1': ['Home Viewed', 'Plans Viewed'] });
    index.add({ ...ev('u9', 'Signed Up', 3, { anonymousId: 'anon:a1' }), seq: 3 });
    index.add({ ...ev('u9', 'Order Completed', 4), seq: 4 });
    expect(journeys(index)).toEqual({ u9: ['Home Viewed', 'Plans Viewed', 'Signed Up', 'Order Completed'] });
    expect(index.findCustomer('anon:a1')).toBe(index.findCustomer('u9'));
  });

  it('keeps a shared device with its first user, and merges on alias', () => {
    const index = new JourneyIndex();
    index.add({ ...ev('anon:d', 'A', 1), seq: 1 });
    index.add({ ...ev('u1', 'B', 2, { anonymousId: 'anon:d' }), seq: 2 });
    index.add({ ...ev('u2', 'C', 3, { anonymousId: 'anon:d' }), seq: 3 });
    expect(journeys(index)).toEqual({ u1: ['A', 'B'], u2: ['C'] });
    index.add({ ...ev('u1', null, 4, { type: 'alias', previousId: 'u2' }), seq: 4 });
    expect(journeys(index)).toEqual({ u1: ['A', 'B', 'C'] });
  });

  it('erases a customer with all their identities', () => {
    const index = new JourneyIndex();
    index.add({ ...ev('anon:a', 'A', 1), seq: 1 });
    index.add({ ...ev('u1', 'B', 2, { anonymousId: 'anon:a' }), seq: 2 });
    index.add({ ...ev('u2', 'C', 3), seq: 3 });
    const customer = index.findCustomer('anon:a') as number;
    expect(index.erase(customer).sort()).toEqual(['anon:a', 'u1']);
    expect(journeys(index)).toEqual({ u2: ['C'] });
    expect(index.findCustomer('u1')).toBeUndefined();
  });
});

describe('JourneyIndex.addEncodedColumns', () => {
  it('does exactly what addEncoded does for each event, in arrival order', () => {
    const events = [
      { ...ev('anon:a', 'A', 1), seq: 1 },
      { ...ev('u1', 'B', 1, { anonymousId: 'anon:a', channel: 'web' as const }), seq: 2 },
      { ...ev('u2', 'C', 2, { anonymousId: 'anon:a' }), seq: 3 },
      { ...ev('u2', null, 3, { type: 'alias', previousId: 'anon:b' }), seq: 4 },
      { ...ev('anon:b', 'D', 0), seq: 5 },
      { ...ev('u1', null, 4, { type: 'alias', previousId: 'u2' }), seq: 6 },
    ];
    const one = new JourneyIndex();
    for (const e of events) one.add(e);
    const columns = new JourneyIndex();
    const codes = events.map((e) =>
      columns.encode(e, { userCode: -1, anonymousCode: -1, previousCode: -1, activityCode: -1 }),
    );
    const pick = <T>(f: (i: number) => T) => events.map((_, i) => f(i));
    columns.addEncodedColumns({
      length: events.length,
      seq: Float64Array.from(pick((i) => events[i]?.seq ?? 0)),
      timestampMs: Float64Array.from(pick((i) => events[i]?.timestampMs ?? 0)),
      channel: Uint8Array.from(pick((i) => (events[i]?.channel === 'web' ? 1 : 0))),
      userCode: Int32Array.from(pick((i) => codes[i]?.userCode ?? -1)),
      anonymousCode: Int32Array.from(pick((i) => codes[i]?.anonymousCode ?? -1)),
      previousCode: Int32Array.from(pick((i) => codes[i]?.previousCode ?? -1)),
      activityCode: Int32Array.from(pick((i) => codes[i]?.activityCode ?? -1)),
      alias: Uint8Array.from(pick((i) => (events[i]?.type === 'alias' ? 1 : 0))),
    });
    expect(journeys(columns)).toEqual(journeys(one));
    expect(journeys(columns)).toEqual({ u1: ['D', 'A', 'B', 'C'] });
    expect(columns.rows()).toEqual(one.rows());
  });
});

describe('Dictionary.restore', () => {
  it('keeps codes by position even when two stored names are equal', async () => {
    const { Dictionary } = await import('./dictionary.ts');
    const dictionary = new Dictionary();
    dictionary.restore(['A', 'B', 'A', 'C']);
    expect(dictionary.valueOf(3)).toBe('C');
    expect(dictionary.lookup('A')).toBe(0);
    expect(dictionary.codeOf('D')).toBe(4);
  });
});
