import type { Variant, VariantsReport } from '@waymark/core';
import { useApi } from '../../api/use-api.ts';
import { ActivityChain } from '../../components/activity-chip.tsx';
import { csvFileName } from '../../components/data-table/csv.ts';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { Card, Metric, Metrics, PageHeader, ShareBar } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { useQueryParam } from '../../router/router.tsx';

const TOP_CHOICES = [5, 10, 20, 50, 100] as const;
const DEFAULT_TOP = 10;

const parseTop = (text: string | null): number | null => {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 1 && value <= 10_000 ? value : null;
};

export function VariantsPage() {
  const [top, setTop] = useQueryParam<number>('top', DEFAULT_TOP, parseTop);
  const { data, error, loading, reload } = useApi<VariantsReport>(`/api/reports/variants?top=${top}`);
  const choices = TOP_CHOICES.includes(top as (typeof TOP_CHOICES)[number])
    ? TOP_CHOICES
    : [...TOP_CHOICES, top].sort((a, b) => a - b);
  return (
    <>
      <PageHeader
        title="Variants"
        subtitle="Customers grouped by their exact journey: the same activities in the same order."
        actions={
          <label className="select-label">
            Show top
            <select
              className="select"
              value={top}
              onChange={(event) => setTop(Number(event.target.value))}
              data-testid="top-select"
            >
              {choices.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        }
      />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {data === null && error === null && <Loading />}
      {data !== null && (
        <div className={loading ? 'stale' : undefined}>
          <Variants report={data} />
        </div>
      )}
    </>
  );
}

function Variants({ report }: { report: VariantsReport }) {
  const covered = report.variants.reduce((sum, v) => sum + v.count, 0);
  const largest = report.variants[0]?.count ?? 0;
  const share = (count: number) => (report.cases === 0 ? 0 : count / report.cases);
  const shown = report.variants.length;
  return (
    <>
      <Metrics>
        <Metric label="Cases" display={formatInteger(report.cases)} value={report.cases} testId="variants-cases" />
        <Metric
          label="Distinct variants"
          display={formatInteger(report.variantCount)}
          value={report.variantCount}
          testId="variants-count"
        />
        <Metric
          label={shown === 0 ? 'Covered' : `Top ${formatInteger(shown)} cover`}
          display={shown === 0 ? '–' : formatPercent(share(covered))}
          detail={shown === 0 ? undefined : `${formatInteger(covered)} of ${formatInteger(report.cases)} customers`}
          testId="variants-covered"
        />
      </Metrics>
      <Card
        title={shown === 0 ? 'Variants' : `Top ${formatInteger(shown)} variants`}
        subtitle="Repeated steps are shown once with a count; hover a journey to see it in full."
        testId="variants"
      >
        {report.variants.length === 0 ? (
          <p className="muted">No journeys yet.</p>
        ) : (
          <DataTable
            columns={variantColumns(report, largest)}
            rows={report.variants.map((variant, i) => ({ ...variant, rank: i + 1 }))}
            rowKey={(variant) => variant.activities.join('\u0000')}
            testId="variants-table"
            rowTestId="variant-row"
            className="variants-table"
            csvFileName={csvFileName('variants', `top-${shown}`)}
          />
        )}
      </Card>
    </>
  );
}

type RankedVariant = Variant & { rank: number };

function variantColumns(report: VariantsReport, largest: number): Array<Column<RankedVariant>> {
  const share = (count: number) => (report.cases === 0 ? 0 : count / report.cases);
  return [
    { key: 'rank', label: '#', numeric: true, className: 'rank-col muted', value: (v) => v.rank },
    {
      key: 'journey',
      label: 'Journey',
      value: (v) => v.activities.join(' → '),
      render: (v) => <ActivityChain activities={v.activities} />,
    },
    { key: 'steps', label: 'Steps', numeric: true, className: 'muted', value: (v) => v.activities.length },
    { key: 'customers', label: 'Customers', numeric: true, value: (v) => v.count, testId: 'variant-count' },
    {
      key: 'bar',
      label: 'Relative count',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (v) => <ShareBar share={largest === 0 ? 0 : v.count / largest} />,
    },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      className: 'muted',
      value: (v) => share(v.count),
      render: (v) => formatPercent(share(v.count)),
    },
  ];
}
