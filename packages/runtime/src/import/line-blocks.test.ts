import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lineBlocks, openLineBlocks } from './line-blocks.ts';

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

describe('openLineBlocks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-blocks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a plain file and its gzip into the same bytes, in blocks of whole lines (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        async (lines, blockBytes) => {
          const bytes = Buffer.from(lines.join('\n'));
          const plain = join(dir, `${n}.jsonl`);
          const gzip = join(dir, `${n++}.jsonl.gz`);
          writeFileSync(plain, bytes);
          writeFileSync(gzip, gzipSync(bytes));
          for (const path of [plain, gzip]) {
            const opened = await openLineBlocks(path, blockBytes);
            const blocks: Buffer[] = [];
            for (let next = await opened.blocks.next(); next.done !== true; next = await opened.blocks.next()) {
              blocks.push(next.value);
            }
            expect(Buffer.concat(blocks).equals(bytes)).toBe(true);
            for (const block of blocks.slice(0, -1)) expect(block[block.length - 1]).toBe(10);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
