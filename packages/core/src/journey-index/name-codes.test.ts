import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameCodes } from './name-codes.ts';

/** One step: a name gets the next code (pointed at it or only if it has none), or is deleted. */
type Step = { op: 'set' | 'add' | 'delete'; name: string };

describe('NameCodes', () => {
  it('answers as a Map would over any sequence of new codes, re-pointed names and deletions (property)', () => {
    // Few distinct names, so names repeat and collide; long enough to resize several times.
    const name = fc.oneof(
      fc.constantFrom('', 'a', 'b', 'é', '𝄞'),
      fc.string({ maxLength: 3 }),
      fc.nat(3000).map(String),
    );
    const step = fc.record({ op: fc.constantFrom<Step['op']>('set', 'add', 'delete'), name });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 4000 }), (steps) => {
        const names: string[] = [];
        const codes = new NameCodes(names);
        const model = new Map<string, number>();
        for (const { op, name } of steps) {
          if (op === 'delete') {
            expect(codes.delete(name)).toBe(model.delete(name));
            continue;
          }
          if (op === 'add' && model.has(name)) continue;
          names.push(name);
          codes.set(name, names.length - 1);
          model.set(name, names.length - 1);
        }
        expect(codes.size).toBe(model.size);
        for (const { name } of steps) {
          expect(codes.get(name)).toBe(model.get(name));
          expect(codes.has(name)).toBe(model.has(name));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not find a name whose code was erased, even by the empty name the erased entry now holds', () => {
    const names = ['cust-1', 'cust-2', ''];
    const codes = new NameCodes(names);
    codes.set('cust-1', 0);
    codes.set('cust-2', 1);
    codes.set('', 2);
    codes.delete('cust-1');
    names[0] = '';
    expect(codes.get('cust-1')).toBeUndefined();
    expect(codes.get('')).toBe(2);
    expect(codes.get('cust-2')).toBe(1);
  });
});
