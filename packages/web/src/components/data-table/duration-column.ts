import { formatDuration } from '../../format/format.ts';
import type { Column } from './data-table.tsx';

/**
 * A column of durations: read by people ("3 min 20 s"), exact seconds in the CSV and the
 * cell's `data-value`.
 *
 * @example durationColumn({ key: 'median', label: 'Median time', csvLabel: 'Median seconds', seconds: (e) => e.medianSeconds })
 */
export function durationColumn<Row>(
  column: Omit<Column<Row>, 'value' | 'render' | 'numeric'> & { seconds: (row: Row) => number | null },
): Column<Row> {
  const { seconds, ...rest } = column;
  return { ...rest, numeric: true, value: seconds, render: (row) => formatDuration(seconds(row) ?? Number.NaN) };
}
