import type { KpisReport } from '@waymark/core';
import { csvFileName } from '../../components/data-table/csv.ts';
import { Card } from '../../components/layout.tsx';
import { breakdownLabel } from '../../report-filter/report-filter.ts';
import { useQueryParam } from '../../router/router.tsx';
import { ALL_KPIS, type KpiKey, kpiSpec } from './kpi-catalog.ts';
import { KpiChart } from './kpi-chart.tsx';
import { KpiDefinitionsCard } from './kpi-definitions.tsx';
import { KpiHeadline } from './kpi-headline.tsx';
import { contactRows, kpiRows, surveyAnswers, surveyRows } from './kpi-rows.ts';
import { ContactCentreTable, VoiceOfCustomerTable } from './kpi-tables.tsx';
import { GROUP_BY_CHOICES, type KpiGroupBy } from './kpis-params.ts';

/** What the chart shows unless the address says otherwise. */
export const DEFAULT_CHART_KPI: KpiKey = 'firstContactResolution';

const parseKpi = (text: string | null): KpiKey | null => (text === null ? null : (kpiSpec(text)?.key ?? null));

interface KpisViewProps {
  report: KpisReport;
  by: KpiGroupBy;
  /** The filter's breakdown as written ('' for none). */
  breakdown: string;
}

/** The KPI page's report: headline cards, a KPI across the groups, and the tables with CSV. */
export function KpisView({ report, by, breakdown }: KpisViewProps) {
  const [chartKpi, setChartKpi] = useQueryParam<KpiKey>('kpi', DEFAULT_CHART_KPI, parseKpi);
  const spec = kpiSpec(chartKpi) ?? (kpiSpec(DEFAULT_CHART_KPI) as NonNullable<ReturnType<typeof kpiSpec>>);
  const total = report.total.kpis;
  if (total.contactCentre.contacts === 0 && surveyAnswers(total) === 0) return <NoContacts />;

  const choice = GROUP_BY_CHOICES.find((c) => c.value === by);
  const byLabel = by === 'none' ? 'Contacts' : (choice?.label ?? by);
  const withGroups = report.groups.length > 0;
  const across = by === 'none' ? `by ${breakdownLabel(breakdown)}` : `by ${byLabel.toLowerCase()}`;
  const rows = kpiRows(report);
  const fileBase = ['kpis', by === 'none' ? 'total' : `by-${by}`, breakdown === '' ? '' : `per-${breakdown}`];
  const charted = by !== 'none' || withGroups;

  return (
    <>
      <KpiHeadline report={report} />
      {charted && (
        <Card
          title={`${spec.label} ${across}`}
          subtitle={
            withGroups && by !== 'none'
              ? `Each bar a group of the breakdown (${breakdownLabel(breakdown)}); hover for the counts.`
              : 'Hover a bar for the numerator and denominator behind it.'
          }
          actions={
            <label className="select-label">
              KPI
              <select
                className="select"
                value={spec.key}
                onChange={(event) => setChartKpi(event.target.value as KpiKey)}
                data-testid="kpi-chart-kpi"
              >
                {ALL_KPIS.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          }
          testId="kpi-chart-card"
        >
          <KpiChart report={report} spec={spec} testId="kpi-chart" />
        </Card>
      )}
      <Card
        title={by === 'none' ? 'Contact centre' : `Contact centre by ${byLabel.toLowerCase()}`}
        subtitle="Each rate with its numerator / denominator; the CSV adds offered, abandoned, short abandons and repeat contacts."
        testId="kpi-contact-card"
      >
        <ContactCentreTable
          rows={contactRows(rows)}
          settings={report.definitions.settings}
          byLabel={byLabel}
          withGroups={withGroups}
          csvFileName={csvFileName(...fileBase.filter(Boolean), 'contact-centre')}
        />
      </Card>
      <Card
        title={by === 'none' ? 'Voice of the customer' : `Voice of the customer by ${byLabel.toLowerCase()}`}
        subtitle={
          by === 'queue' || by === 'reason' || by === 'medium' || by === 'channel'
            ? 'A survey that rates a contact (its contactId) counts with that contact. The CSV adds the answers per score.'
            : 'The CSV adds the answers per score.'
        }
        testId="kpi-survey-card"
      >
        <VoiceOfCustomerTable
          rows={surveyRows(rows)}
          settings={report.definitions.settings}
          byLabel={byLabel}
          withGroups={withGroups}
          csvFileName={csvFileName(...fileBase.filter(Boolean), 'voice-of-customer')}
        />
      </Card>
      <KpiDefinitionsCard definitions={report.definitions} />
    </>
  );
}

function NoContacts() {
  return (
    <div className="empty-state" data-testid="kpis-empty">
      <h2>No contacts or survey answers in this view</h2>
      <p className="muted">
        The KPIs are computed from <code>Contact Completed</code> and <code>Survey Answered</code> events (see
        docs/events.md). Widen the dates or the segment, or send those events.
      </p>
    </div>
  );
}
