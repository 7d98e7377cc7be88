/** CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, quotes only where needed. */

export type CsvValue = string | number | null;

/** Characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Numbers are written exactly (the shortest text that reads back as the same number);
 * text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`) gets a leading `'`,
 * since event names and traits come from outside; null is an empty cell.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The whole file: a header line, then one line per row.
 *
 * @example toCsv(['stage', 'customers'], [['Awareness', 5000]]) // "stage,customers\r\nAwareness,5000\r\n"
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A safe file name from a title: "Stage funnel · Subscribe" → "stage-funnel-subscribe". */
export function csvFileName(...parts: readonly string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'export' : slug}.csv`;
}

/**
 * Saves `text` as a file in the browser's downloads. A UTF-8 byte-order mark goes first so that
 * spreadsheet programs read names like "Service & Support → Loyalty" correctly.
 */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the click; give the browser a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
