import { type ReactNode, useState } from 'react';
import { formatInteger } from '../../format/format.ts';
import { type CsvValue, downloadCsv } from './csv.ts';
import { tableCsv } from './table-csv.ts';
import './data-table.css';

/** One column: how a row's value is read (for CSV, sorting and `data-value`) and how it is shown. */
export interface Column<Row> {
  key: string;
  /** The header; also the CSV header unless `csvLabel` says otherwise. */
  label: string;
  /** The CSV header, e.g. with a unit the display leaves to formatting ("median seconds"). */
  csvLabel?: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The exact value behind the cell: what the CSV holds and the cell's `data-value`. */
  value?: (row: Row) => CsvValue;
  /** What the cell shows; defaults to the value (integers grouped). */
  render?: (row: Row) => ReactNode;
  /** A column only for the eye (bars, ranks): not in the CSV. */
  screenOnly?: boolean;
  /** A column only for the CSV (e.g. the counts behind rates shown on screen): not in the table. */
  csvOnly?: boolean;
  /** Hide the header text (still given to screen readers). */
  hideLabel?: boolean;
  /** Extra class for the column's cells, e.g. `bar-col`, `name`, `muted`. */
  className?: string;
  /** `data-testid` of the column's cells. */
  testId?: string;
  /** Clicking the header asks `onSort` for this column. */
  sortable?: boolean;
}

export interface TableSort {
  key: string;
  descending: boolean;
}

interface DataTableProps<Row> {
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  testId?: string;
  rowTestId?: string;
  rowClassName?: (row: Row, index: number) => string | undefined;
  compact?: boolean;
  className?: string;
  /** Show this many rows and a "Show all" switch when there are more. */
  firstRows?: number;
  /** The download's file name; without it there is no CSV button. */
  csvFileName?: string;
  sort?: TableSort;
  onSort?: (key: string) => void;
}

function defaultCell(value: CsvValue): ReactNode {
  if (typeof value === 'number') return formatInteger(value);
  return value ?? '–';
}

/**
 * The app's table: columns declared once give the cells, the header (sortable when asked) and the
 * CSV export, so what is downloaded is exactly what the table holds.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, firstRows, csvFileName: fileName, sort, onSort } = props;
  const [all, setAll] = useState(false);
  const shown = firstRows === undefined || all ? rows : rows.slice(0, firstRows);
  const onScreen = columns.filter((column) => !column.csvOnly);
  const classes = ['table', props.compact ? 'compact' : '', props.className ?? ''].filter(Boolean).join(' ');
  const exportCsv = () => {
    if (fileName !== undefined) downloadCsv(fileName, tableCsv(columns, rows));
  };
  return (
    <>
      <div className="table-scroll">
        <table className={classes} data-testid={props.testId}>
          <thead>
            <tr>
              {onScreen.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={rowKey(row, index)} data-testid={props.rowTestId} className={props.rowClassName?.(row, index)}>
                {onScreen.map((column) => {
                  const value = column.value?.(row) ?? null;
                  const classNames = [column.numeric ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ');
                  return (
                    <td
                      key={column.key}
                      className={classNames === '' ? undefined : classNames}
                      data-testid={column.testId}
                      data-value={value ?? undefined}
                    >
                      {column.render ? column.render(row) : defaultCell(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {((firstRows !== undefined && rows.length > firstRows) || fileName !== undefined) && (
        <div className="table-footer">
          {firstRows !== undefined && rows.length > firstRows ? (
            <button type="button" className="link-button" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${formatInteger(rows.length)}`}
            </button>
          ) : (
            <span />
          )}
          {fileName !== undefined && (
            <button
              type="button"
              className="button small"
              onClick={exportCsv}
              disabled={rows.length === 0}
              title={`Download all ${formatInteger(rows.length)} rows as ${fileName}`}
              data-testid={props.testId === undefined ? 'export-csv' : `${props.testId}-csv`}
            >
              <DownloadIcon />
              Export CSV
            </button>
          )}
        </div>
      )}
    </>
  );
}

function HeaderCell<Row>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row>;
  sort: TableSort | undefined;
  onSort: ((key: string) => void) | undefined;
}) {
  const className = [column.numeric ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;
  if (column.hideLabel) return <th className={className} aria-label={column.label} />;
  if (!column.sortable || onSort === undefined) return <th className={className}>{column.label}</th>;
  const active = sort?.key === column.key;
  const descending = active && sort?.descending === true;
  return (
    <th className={className} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className={active ? 'sort active' : 'sort'}
        onClick={() => onSort(column.key)}
        data-testid={`sort-${column.key}`}
      >
        {column.label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (descending ? '↓' : '↑') : '↕'}
        </span>
      </button>
    </th>
  );
}

function DownloadIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="15"
      height="15"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </svg>
  );
}
