import type { Readable } from 'node:stream';
import { type CsvError, type Options, parse } from 'csv-parse';
import { type CsvMapping, compileCsvMapping, type RowMapper } from './csv-mapping.ts';
import type { RecordReader, SourceRecord } from './source-record.ts';

interface ParsedRow {
  cells: string[];
  line: number;
}

/**
 * Streams a CSV file through a mapping: the header row names the columns, each later row
 * becomes one message (or an error record naming its line). A row with the wrong number of
 * fields, or broken quoting, becomes an error record and reading goes on with the next row.
 * Throws before the first row when the mapping names a column the header lacks.
 */
export async function* readCsv(stream: Readable, mapping: CsvMapping): RecordReader {
  const lines = new LineTracker();
  // csv-parse reports bad rows through on_skip, synchronously while parsing, so they can be
  // ahead of the rows still buffered in the stream: hold them and emit them in line order.
  const skipped: SourceRecord[] = [];
  const options: Options<ParsedRow, string[]> = {
    delimiter: mapping.csv.delimiter,
    quote: mapping.csv.quote === '' ? false : mapping.csv.quote,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    skip_records_with_error: true,
    // Called in file order as rows are parsed, like on_skip, so the line count stays right.
    on_record: (cells, context) => ({ cells, line: lines.start(cells, context.lines) }),
    on_skip: (error) => {
      if (error !== undefined) skipped.push(skipRecord(error as CsvError, lines));
      return undefined;
    },
  };
  // csv-parse's overloads type on_record's result only when `columns` is set: it is ParsedRow here.
  const parser = stream.pipe(parse(options as unknown as Options));
  stream.on('error', (error) => parser.destroy(error)); // pipe() does not forward a read error

  let mapRow: RowMapper | null = null;
  try {
    for await (const { cells, line } of parser as AsyncIterable<ParsedRow>) {
      // csv-parse hands over one row per step anyway: each becomes a run of its own.
      while (skipped.length > 0 && (skipped[0] as SourceRecord).line < line) yield [skipped.shift() as SourceRecord];
      if (mapRow === null) mapRow = compileCsvMapping(mapping, cells);
      else yield [mapRow(cells, line)];
    }
    if (skipped.length > 0) yield skipped;
  } finally {
    stream.destroy(); // also when the mapping does not fit the header, or the caller stops early
  }
}

/**
 * The line a record starts on, as an editor numbers it. csv-parse gives the line a record
 * ends on, and counts a CR LF inside a quoted cell as two lines; step back over the line
 * breaks inside the cells, and keep count of the CR LFs it counted twice so far.
 */
class LineTracker {
  private doubled = 0;

  start(cells: readonly string[], reportedEnd: number): number {
    let breaks = 0;
    for (const cell of cells) {
      if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue; // the common case: one line
      for (const match of cell.matchAll(/\r\n|\r|\n/g)) {
        breaks++;
        if (match[0].length === 2) this.doubled++;
      }
    }
    return reportedEnd - this.doubled - breaks;
  }

  /** For errors that come without their cells: the line csv-parse names, corrected. */
  end(reportedEnd: number): number {
    return reportedEnd - this.doubled;
  }
}

function skipRecord(error: CsvError, lines: LineTracker): SourceRecord {
  const reported = typeof error.lines === 'number' ? error.lines : 0;
  const cells = Array.isArray(error.record) ? (error.record as string[]) : null;
  const line = cells === null ? lines.end(reported) : lines.start(cells, reported);
  if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && cells !== null) {
    const expected = /expect (\d+)/.exec(error.message)?.[1] ?? '?';
    return {
      line,
      errors: [
        { field: '(row)', message: `line ${line} has ${cells.length} fields, expected ${expected} (as in the header)` },
      ],
    };
  }
  return { line, errors: [{ field: '(row)', message: `line ${line} is not valid CSV: ${error.message}` }] };
}
