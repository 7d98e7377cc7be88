import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RecordReader, SourceRecord } from './source-record.ts';

/** Reads JSON Lines: one message per line; blank lines are skipped. */
export async function* readJsonl(stream: Readable): RecordReader {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield parseLine(text, line);
  }
}

function parseLine(text: string, line: number): SourceRecord {
  try {
    return { line, message: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, errors: [{ field: '(line)', message: `invalid JSON: ${(error as Error).message}` }] };
  }
}
