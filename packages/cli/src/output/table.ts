/** Renders rows as an aligned plain-text table; numeric columns are right-aligned. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  const widths = headers.map((header, c) => Math.max(header.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function formatNumber(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Seconds as a short human duration: 45 s, 12 min, 3.5 h, 2.1 d. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120) return `${formatNumber(Math.round(seconds * 10) / 10)} s`;
  if (seconds < 7200) return `${formatNumber(Math.round(seconds / 6) / 10)} min`;
  if (seconds < 172_800) return `${formatNumber(Math.round(seconds / 360) / 10)} h`;
  return `${formatNumber(Math.round(seconds / 8640) / 10)} d`;
}
