import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineBlocks } from './line-blocks.ts';

async function blocksOf(chunks: Buffer[], blockBytes: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const block of lineBlocks(Readable.from(chunks), blockBytes)) out.push(block);
  return out;
}

describe('lineBlocks', () => {
  it('cuts at newlines only, keeps every byte in order, and ends each block but the last with a newline (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 30 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (lines, trailingNewline, cuts, blockBytes) => {
          const bytes = Buffer.from(lines.join('\n') + (trailingNewline ? '\n' : ''));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let last = 0;
          for (const p of [...points, bytes.length]) {
            if (p > last) chunks.push(bytes.subarray(last, p));
            last = p;
          }
          const blocks = await blocksOf(chunks, blockBytes);
          expect(Buffer.concat(blocks).equals(bytes)).toBe(true);
          for (const block of blocks.slice(0, -1)) expect(block[block.length - 1]).toBe(10);
          for (const block of blocks) expect(block.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
