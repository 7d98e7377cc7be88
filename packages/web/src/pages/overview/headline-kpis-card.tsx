import type { KpisReport } from '@waymark/core';
import { useApi } from '../../api/use-api.ts';
import { Card } from '../../components/layout.tsx';
import { ErrorBox } from '../../components/status.tsx';
import { formatInteger } from '../../format/format.ts';
import { Link } from '../../router/router.tsx';
import { formatKpi, type KpiKey, type KpiReading, type KpiSpec, kpiSpec } from '../kpis/kpi-catalog.ts';
import { useReloadOn } from './use-reload-on.ts';
import './headline-kpis-card.css';

/** The KPIs a CX lead looks at first: what customers say, then how the contact centre answers them. */
const HEADLINE: readonly KpiKey[] = [
  'nps',
  'csat',
  'ces',
  'abandonRate',
  'averageSpeedOfAnswer',
  'firstContactResolution',
];

/** Headline KPIs of all customers (KPIS.md definitions), each with what it is computed from; waits by channel too. */
export function HeadlineKpisCard({ refreshes }: { refreshes: number }) {
  const report = useApi<KpisReport>('/api/reports/kpis?by=channel');
  const { reload } = report;
  useReloadOn(refreshes, reload);

  return (
    <Card
      title="Headline KPIs"
      subtitle="What customers say in surveys, and how the contact centre answers them: every customer, all time."
      actions={
        <Link to="/kpis" className="card-link" data-testid="open-kpis">
          KPIs →
        </Link>
      }
      testId="headline-kpis"
    >
      {report.error !== null ? (
        <ErrorBox error={report.error} onRetry={reload} />
      ) : report.data === null ? (
        <div className="stage-strip kpi-strip placeholder" aria-hidden="true" />
      ) : (
        <ol className="stage-strip kpi-strip">
          {HEADLINE.map((key) => {
            const spec = kpiSpec(key);
            if (spec === undefined || report.data === null) return null;
            const reading = spec.read(report.data.total.kpis);
            const settings = report.data.definitions.settings;
            return (
              <li
                key={key}
                className="stage-tile"
                data-testid="headline-kpi"
                data-kpi={key}
                data-value={reading.value ?? ''}
                title={report.data.definitions.kpis[key]}
              >
                <div className="stage-tile-name" title={spec.label}>
                  {spec.short}
                </div>
                <div className="stage-tile-value">{formatKpi(spec.unit, reading.value)}</div>
                <div
                  className="stage-tile-detail"
                  title={`${spec.numeratorLabel(settings)} ÷ ${spec.denominatorLabel}`}
                >
                  {basis(spec, reading)}
                </div>
                {spec.unit === 'seconds' && (
                  <div className="stage-tile-detail" data-testid="headline-kpi-by-channel">
                    {byChannel(spec, report.data)}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** What a value rests on, briefly: "392 of 5,798 offered" for a share, "2,656 answers" for a score. */
function basis(spec: KpiSpec, reading: KpiReading): string {
  const denominator = `${formatInteger(reading.denominator)} ${spec.denominatorLabel}`;
  return spec.unit === 'rate' ? `${formatInteger(reading.numerator)} of ${denominator}` : denominator;
}

/**
 * A wait over every medium mixes seconds on the phone with hours for e-mail: the busiest
 * channels' own values, e.g. "phone 5 min 10 s · chat 56 s · email 19 h 36 min".
 */
function byChannel(spec: KpiSpec, report: KpisReport): string {
  return report.total.by
    .map((group) => ({ name: group.name, reading: spec.read(group.kpis) }))
    .filter(({ reading }) => reading.value !== null && reading.denominator > 0)
    .sort((a, b) => b.reading.denominator - a.reading.denominator)
    .slice(0, 3)
    .map(({ name, reading }) => `${name} ${formatKpi(spec.unit, reading.value)}`)
    .join(' · ');
}
