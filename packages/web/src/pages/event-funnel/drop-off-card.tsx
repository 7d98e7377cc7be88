import type { EventFunnelReport } from '@waymark/core';
import { csvFileName } from '../../components/data-table/csv.ts';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { Card } from '../../components/layout.tsx';
import { formatInteger } from '../../format/format.ts';
import { Link, setQueryParams, useLocation } from '../../router/router.tsx';
import { timelinePath } from '../timeline/timeline-path.ts';
import { DEFAULT_DROP_OFF_LIMIT, DROP_OFF_LIMITS } from './funnel-params.ts';

interface DropOffRow {
  rank: number;
  customer: string;
}

const COLUMNS: ReadonlyArray<Column<DropOffRow>> = [
  { key: 'rank', label: '#', numeric: true, screenOnly: true, className: 'rank-col muted', value: (r) => r.rank },
  {
    key: 'customer',
    label: 'Customer',
    value: (r) => r.customer,
    render: (r) => (
      <Link to={timelinePath(r.customer)} title="Open this customer's timeline">
        {r.customer}
      </Link>
    ),
    className: 'mono',
    testId: 'drop-off-customer',
  },
];

const FIRST_ROWS = 12;

/** Who reached a step but not the next: pick the step, see (and export) the customers. */
export function DropOffCard({ report, fileBase }: { report: EventFunnelReport; fileBase: readonly string[] }) {
  const steps = report.total.steps;
  const chosen = report.dropOff;
  const choose = (afterStep: number) =>
    setQueryParams({ dropOffAfter: chosen?.afterStep === afterStep ? null : String(afterStep) });
  const rows = (chosen?.customers ?? []).map((customer, i) => ({ rank: i + 1, customer }));
  return (
    <Card
      title="Who dropped off"
      subtitle="Customers who reached a step but not the next one. Choose a step to list them."
      testId="drop-off"
    >
      <ul className="drop-off-steps">
        {steps.slice(1).map((step, i) => {
          const afterStep = i + 1;
          const active = chosen?.afterStep === afterStep;
          return (
            <li key={`${afterStep}:${step.name}`}>
              <button
                type="button"
                className={active ? 'drop-off-step active' : 'drop-off-step'}
                aria-pressed={active}
                onClick={() => choose(afterStep)}
                data-testid={`drop-off-after-${afterStep}`}
              >
                <span className="drop-off-label">
                  After <strong>{steps[i]?.name}</strong>, not <strong>{step.name}</strong>
                </span>
                <span className="drop-off-count" data-value={step.droppedOff}>
                  {formatInteger(step.droppedOff)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {chosen !== null && (
        <div className="drop-off-list" data-testid="drop-off-list">
          <div className="drop-off-list-header">
            <span>
              {chosen.customers.length < chosen.count && `The first ${formatInteger(chosen.customers.length)} of `}
              <strong data-testid="drop-off-count" data-value={chosen.count}>
                {formatInteger(chosen.count)}
              </strong>{' '}
              {chosen.count === 1 ? 'customer' : 'customers'}
            </span>
            <LimitSelect count={chosen.count} />
          </div>
          {rows.length === 0 ? (
            <p className="muted">Nobody dropped off here.</p>
          ) : (
            <DataTable
              columns={COLUMNS}
              rows={rows}
              rowKey={(r) => r.customer}
              testId="drop-off-table"
              rowTestId="drop-off-row"
              compact
              firstRows={FIRST_ROWS}
              csvFileName={csvFileName(...fileBase, 'drop-off-after-step', String(chosen.afterStep))}
            />
          )}
        </div>
      )}
    </Card>
  );
}

/** How many customers the server lists (`limit`); only offered when there are more than the first choice. */
function LimitSelect({ count }: { count: number }) {
  const current = Number(useLocation().search.get('limit') ?? DEFAULT_DROP_OFF_LIMIT);
  if (count <= DEFAULT_DROP_OFF_LIMIT && current === DEFAULT_DROP_OFF_LIMIT) return null;
  return (
    <label className="select-label small">
      List up to
      <select
        className="select"
        value={current}
        onChange={(event) => {
          const limit = Number(event.target.value);
          setQueryParams({ limit: limit === DEFAULT_DROP_OFF_LIMIT ? null : String(limit) });
        }}
        data-testid="drop-off-limit"
      >
        {(DROP_OFF_LIMITS as readonly number[]).includes(current) ? null : <option value={current}>{current}</option>}
        {DROP_OFF_LIMITS.map((limit) => (
          <option key={limit} value={limit}>
            {formatInteger(limit)}
          </option>
        ))}
      </select>
    </label>
  );
}
