import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hash53Pair, hash53, hash53Utf8 } from './hash.ts';

describe('hash53Utf8', () => {
  it('is hash53 of the decoded text, for any well-formed text and seed (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme-ascii' }),
        fc.nat(),
        (text, before, seed) => {
          const bytes = Buffer.from(before + text);
          const start = Buffer.byteLength(before);
          expect(hash53Utf8(bytes, start, bytes.length, seed)).toBe(hash53(text, seed));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the BMP edges and pairs of surrogates as charCodeAt does', () => {
    for (const text of ['', 'a', '\u007f\u0080\u07ff\u0800\uffff', '😀', '\ud83d\ude00x', '\u{10ffff}', '\ufeffid']) {
      const bytes = Buffer.from(text);
      expect(hash53Utf8(bytes, 0, bytes.length)).toBe(hash53(text));
    }
  });
});

describe('Hash53Pair', () => {
  it('is hash53 of the joined pieces with each seed, decimals as String(n) (property)', () => {
    const pair = new Hash53Pair(0, 0x9e3779b9);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.maxSafeNat(), fc.integer({ min: 0, max: 0xffff })), {
          maxLength: 6,
        }),
        fc.nat(),
        fc.nat(),
        (pieces, seed1, seed2) => {
          const hashed = new Hash53Pair(seed1, seed2).start();
          let text = '';
          for (const piece of pieces) {
            if (typeof piece === 'string') {
              hashed.add(piece);
              text += piece;
            } else if (piece <= 0xffff && text.length % 2 === 0) {
              hashed.addCode(piece);
              text += String.fromCharCode(piece);
            } else {
              hashed.addDecimal(piece);
              text += String(piece);
            }
          }
          expect(hashed.first()).toBe(hash53(text, seed1));
          expect(hashed.second()).toBe(hash53(text, seed2));
        },
      ),
      { numRuns: 2000 },
    );
    // start() forgets what came before.
    pair.start().add('x');
    expect(pair.start().add('ab').first()).toBe(hash53('ab'));
    expect(pair.start().addDecimal(0).addDecimal(10).addDecimal(9007199254740991).second()).toBe(
      hash53('0109007199254740991', 0x9e3779b9),
    );
  });
});
