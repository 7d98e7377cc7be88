import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl-reader.ts';
import type { SourceRecord } from './source-record.ts';

async function read(chunks: Array<string | Buffer>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const run of readJsonl(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))))) {
    out.push(...run);
  }
  return out;
}

describe('readJsonl', () => {
  it('numbers lines, skips blank ones, handles CRLF and a last line without newline', async () => {
    expect(await read(['{"a":1}\r\n\n  \n{"b":2}\n{"c"', ':3}'])).toEqual([
      { line: 1, message: { a: 1 } },
      { line: 4, message: { b: 2 } },
      { line: 5, message: { c: 3 } },
    ]);
  });

  it('names a line that is not JSON and goes on', async () => {
    const records = await read(['{"a":1}\n{"a":\n{"a":3}\n']);
    expect(records[1]).toMatchObject({ line: 2, errors: [{ field: '(line)' }] });
    expect(records[2]).toEqual({ line: 3, message: { a: 3 } });
  });

  it('reads the same records however the bytes are chunked, even inside a multi-byte character (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' })), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (objects, cuts) => {
          const bytes = Buffer.from(objects.map((o) => JSON.stringify(o)).join('\n'));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
          const chunks: Buffer[] = [];
          let last = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(last, p));
            last = p;
          }
          const records = await read(chunks);
          expect(records.map((r) => ('message' in r ? r.message : r))).toEqual(objects);
        },
      ),
    );
  });
});
