import type { KpiSet, KpiSettings } from '@waymark/core';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { CONTACT_CENTRE, formatCount, formatKpi, type KpiSpec, VOICE_OF_CUSTOMER } from './kpi-catalog.ts';
import { type KpiRow, surveyAnswers } from './kpi-rows.ts';

/** The columns that name a row: the breakdown group (with a breakdown) and the `by` group. */
function nameColumns(byLabel: string, withGroups: boolean): Array<Column<KpiRow>> {
  const group: Column<KpiRow> = {
    key: 'group',
    label: 'Group',
    value: (r) => r.group,
    className: 'group-cell',
    testId: 'kpi-row-group',
  };
  const name: Column<KpiRow> = {
    key: 'name',
    label: byLabel,
    value: (r) => r.name,
    render: (r) => (r.kind === 'total' ? <strong>{r.name}</strong> : r.name),
    className: 'name',
    testId: 'kpi-row-name',
  };
  return withGroups ? [group, name] : [name];
}

const count = (key: string, label: string, read: (k: KpiSet) => number): Column<KpiRow> => ({
  key,
  label,
  numeric: true,
  value: (r) => read(r.kpis),
  testId: `kpi-cell-${key}`,
});

const csvCount = (key: string, label: string, read: (k: KpiSet) => number): Column<KpiRow> => ({
  key,
  label,
  numeric: true,
  csvOnly: true,
  value: (r) => read(r.kpis),
});

/**
 * A KPI as three columns: its value on screen (with the counts under it), and for the CSV its
 * numerator and denominator beside the value.
 */
function kpiColumns(spec: KpiSpec, settings: KpiSettings): Array<Column<KpiRow>> {
  const unitLabel = spec.unit === 'seconds' ? ' seconds' : spec.unit === 'rate' ? ' rate' : '';
  return [
    {
      key: spec.key,
      label: spec.short,
      csvLabel: `${spec.short}${unitLabel}`,
      numeric: true,
      value: (r) => spec.read(r.kpis).value,
      render: (r) => <KpiCell spec={spec} kpis={r.kpis} numeratorLabel={spec.numeratorLabel(settings)} />,
      testId: `kpi-cell-${spec.key}`,
    },
    {
      key: `${spec.key}-numerator`,
      label: `${spec.short} numerator`,
      csvOnly: true,
      value: (r) => spec.read(r.kpis).numerator,
    },
    {
      key: `${spec.key}-denominator`,
      label: `${spec.short} denominator`,
      csvOnly: true,
      value: (r) => spec.read(r.kpis).denominator,
    },
  ];
}

function KpiCell({ spec, kpis, numeratorLabel }: { spec: KpiSpec; kpis: KpiSet; numeratorLabel: string }) {
  const reading = spec.read(kpis);
  if (reading.denominator === 0) return <span className="muted">–</span>;
  const numerator = formatCount(spec.unit, 'numerator', reading.numerator);
  const denominator = formatCount(spec.unit, 'denominator', reading.denominator);
  // A sum of seconds is long to write; under a mean the count says enough, the title says all.
  const counts = spec.unit === 'seconds' ? `of ${denominator}` : `${numerator} / ${denominator}`;
  return (
    <span className="kpi-cell" title={`${numerator} ${numeratorLabel} ÷ ${denominator} ${spec.denominatorLabel}`}>
      {formatKpi(spec.unit, reading.value)}
      <span className="kpi-cell-counts">{counts}</span>
    </span>
  );
}

interface KpiTableProps {
  rows: readonly KpiRow[];
  settings: KpiSettings;
  byLabel: string;
  withGroups: boolean;
  csvFileName: string;
}

/** Contacts and the contact-centre KPIs per group. */
export function ContactCentreTable({ rows, settings, byLabel, withGroups, csvFileName }: KpiTableProps) {
  const columns: Array<Column<KpiRow>> = [
    ...nameColumns(byLabel, withGroups),
    count('contacts', 'Contacts', (k) => k.contactCentre.contacts),
    csvCount('offered', 'Offered', (k) => k.contactCentre.offered),
    count('answered', 'Answered', (k) => k.contactCentre.answered),
    csvCount('abandoned', 'Abandoned in queue', (k) => k.contactCentre.abandoned),
    csvCount('shortAbandons', 'Short abandons', (k) => k.contactCentre.shortAbandons),
    // Repeat contacts are 1 − FCR: in the CSV, not a column of their own on screen.
    ...CONTACT_CENTRE.flatMap((spec) =>
      kpiColumns(spec, settings).map((column) =>
        spec.key === 'repeatContactRate' ? { ...column, csvOnly: true } : column,
      ),
    ),
  ];
  return <KpiTable columns={columns} rows={rows} testId="kpi-contact-table" csvFileName={csvFileName} />;
}

/** Survey answers and the voice-of-the-customer KPIs per group, with the counts behind each score. */
export function VoiceOfCustomerTable({ rows, settings, byLabel, withGroups, csvFileName }: KpiTableProps) {
  const scoreCounts = (survey: 'csat' | 'ces', scale: number) =>
    Array.from({ length: scale }, (_, i) =>
      csvCount(
        `${survey}-${i + 1}`,
        `${survey.toUpperCase()} ${i + 1}`,
        (k) => k.voiceOfCustomer[survey].counts[String(i + 1)] ?? 0,
      ),
    );
  const [nps, csat, ces] = VOICE_OF_CUSTOMER.map((spec) => kpiColumns(spec, settings)) as [
    Array<Column<KpiRow>>,
    Array<Column<KpiRow>>,
    Array<Column<KpiRow>>,
  ];
  const columns: Array<Column<KpiRow>> = [
    ...nameColumns(byLabel, withGroups),
    count('answers', 'Answers', surveyAnswers),
    ...nps,
    count('promoters', 'Promoters', (k) => k.voiceOfCustomer.nps.promoters),
    count('passives', 'Passives', (k) => k.voiceOfCustomer.nps.passives),
    count('detractors', 'Detractors', (k) => k.voiceOfCustomer.nps.detractors),
    ...csat,
    ...scoreCounts('csat', 5),
    ...ces,
    {
      key: 'ces-top',
      label: 'CES 5–7',
      csvLabel: 'CES 5–7 rate',
      numeric: true,
      value: (r) => r.kpis.voiceOfCustomer.ces.scoring5to7.rate,
      render: (r) => formatKpi('rate', r.kpis.voiceOfCustomer.ces.scoring5to7.rate),
      testId: 'kpi-cell-ces-top',
    },
    csvCount('ces-top-numerator', 'CES 5–7 numerator', (k) => k.voiceOfCustomer.ces.scoring5to7.numerator),
    ...scoreCounts('ces', 7),
  ];
  return <KpiTable columns={columns} rows={rows} testId="kpi-survey-table" csvFileName={csvFileName} />;
}

function KpiTable({
  columns,
  rows,
  testId,
  csvFileName,
}: {
  columns: Array<Column<KpiRow>>;
  rows: readonly KpiRow[];
  testId: string;
  csvFileName: string;
}) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.group}\u0000${r.kind}\u0000${r.name}`}
      rowClassName={(r, i) => (r.kind === 'total' ? (i === 0 ? 'kpi-total' : 'kpi-total group-start') : undefined)}
      testId={testId}
      rowTestId={`${testId}-row`}
      className="kpi-table"
      compact
      firstRows={24}
      csvFileName={csvFileName}
    />
  );
}
