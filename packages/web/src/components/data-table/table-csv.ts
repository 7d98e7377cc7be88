import { type CsvValue, toCsv } from './csv.ts';

/** What the CSV needs of a table column (the table's own columns have this shape). */
export interface CsvColumn<Row> {
  label: string;
  csvLabel?: string;
  screenOnly?: boolean;
  value?: (row: Row) => CsvValue;
}

/**
 * The CSV of a table: every row (not only the rows shown), every column that is not screen-only,
 * headed by its CSV label, each cell the exact value behind it.
 */
export function tableCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  const exported = columns.filter((column) => !column.screenOnly);
  return toCsv(
    exported.map((column) => column.csvLabel ?? column.label),
    rows.map((row) => exported.map((column) => column.value?.(row) ?? null)),
  );
}
