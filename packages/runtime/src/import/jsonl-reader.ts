import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { RecordReader, SourceRecord } from './source-record.ts';

/**
 * Reads JSON Lines: one message per line (LF or CRLF); blank lines are skipped but counted.
 * Splits decoded chunks with indexOf rather than readline, which costs a regular expression
 * and an event per line.
 */
export async function* readJsonl(stream: Readable): RecordReader {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  for await (const chunk of stream) {
    const text = carry + decoder.write(chunk as Buffer);
    const records: SourceRecord[] = [];
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      line++;
      const record = recordOf(text, start, newline, line);
      if (record !== null) records.push(record);
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    carry = text.slice(start);
    if (records.length > 0) yield records;
  }
  carry += decoder.end();
  if (carry.length > 0) {
    const record = recordOf(carry, 0, carry.length, line + 1);
    if (record !== null) yield [record];
  }
}

/**
 * One line of JSON Lines (without its newline; a trailing CR is dropped) as {@link readJsonl}
 * reads it: a record, or null for a blank line.
 */
export function readJsonlLine(text: string, line: number): SourceRecord | null {
  return recordOf(text, 0, text.length, line);
}

function recordOf(text: string, start: number, end: number, line: number): SourceRecord | null {
  const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  const content = text.slice(start, stop);
  if (content.trim() === '') return null;
  try {
    return { line, message: JSON.parse(content) as unknown };
  } catch (error) {
    return { line, errors: [{ field: '(line)', message: `invalid JSON: ${(error as Error).message}` }] };
  }
}
