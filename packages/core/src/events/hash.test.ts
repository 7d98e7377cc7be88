import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash53, hash53Utf8 } from './hash.ts';

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
