import type { KpisReport } from '@waymark/core';
import { formatInteger } from '../../format/format.ts';
import { CesTopBox, KpiCard, NpsSplit, ScoreColumns } from './kpi-cards.tsx';
import { CONTACT_CENTRE, formatKpi, type KpiKey, type KpiSpec, VOICE_OF_CUSTOMER } from './kpi-catalog.ts';
import { surveyAnswers } from './kpi-rows.ts';

const spec = (key: KpiKey) => VOICE_OF_CUSTOMER.find((s) => s.key === key) as (typeof VOICE_OF_CUSTOMER)[number];

/** The KPIs of every customer in view: voice of the customer, then the contact centre. */
export function KpiHeadline({ report }: { report: KpisReport }) {
  const kpis = report.total.kpis;
  const { definitions } = report;
  const centre = kpis.contactCentre;
  const volume: Array<{ key: string; label: string; value: number; definition: string | undefined }> = [
    {
      key: 'contacts',
      label: centre.contacts === 1 ? 'contact' : 'contacts',
      value: centre.contacts,
      definition: definitions.kpis.contacts,
    },
    { key: 'offered', label: 'offered', value: centre.offered, definition: definitions.kpis.offered },
    { key: 'answered', label: 'answered', value: centre.answered, definition: definitions.kpis.answered },
    {
      key: 'abandoned',
      label: 'abandoned in queue',
      value: centre.abandoned,
      definition: 'outcome abandoned with queueSeconds > 0, short abandons included',
    },
    {
      key: 'shortAbandons',
      label: centre.shortAbandons === 1 ? 'short abandon' : 'short abandons',
      value: centre.shortAbandons,
      definition: `abandoned with queueSeconds < ${definitions.settings.shortAbandonSeconds}`,
    },
  ];
  return (
    <>
      <section className="kpi-section" data-testid="kpi-voice-of-customer">
        <header className="kpi-section-header">
          <h2>Voice of the customer</h2>
          <p className="muted">
            <span data-testid="kpi-survey-answers" data-value={surveyAnswers(kpis)}>
              {formatInteger(surveyAnswers(kpis))}
            </span>{' '}
            survey answers in view
          </p>
        </header>
        <div className="kpi-cards three">
          <KpiCard spec={spec('nps')} kpis={kpis} definitions={definitions}>
            <NpsSplit kpis={kpis} />
          </KpiCard>
          <KpiCard spec={spec('csat')} kpis={kpis} definitions={definitions}>
            <ScoreColumns id="kpi-csat" counts={kpis.voiceOfCustomer.csat.counts} strongFrom={4} />
          </KpiCard>
          <KpiCard spec={spec('ces')} kpis={kpis} definitions={definitions}>
            <ScoreColumns id="kpi-ces" counts={kpis.voiceOfCustomer.ces.counts} strongFrom={5} />
            <CesTopBox kpis={kpis} />
          </KpiCard>
        </div>
      </section>
      <section className="kpi-section" data-testid="kpi-contact-centre">
        <header className="kpi-section-header">
          <h2>Contact centre</h2>
          <ul className="kpi-volume">
            {volume.map((v) => (
              <li key={v.key} title={v.definition}>
                <strong data-testid={`kpi-${v.key}`} data-value={v.value}>
                  {formatInteger(v.value)}
                </strong>{' '}
                {v.label}
              </li>
            ))}
          </ul>
        </header>
        <div className="kpi-cards four">
          {CONTACT_CENTRE.map((s) => (
            <KpiCard key={s.key} spec={s} kpis={kpis} definitions={definitions}>
              <GroupReadings spec={s} report={report} />
            </KpiCard>
          ))}
        </div>
      </section>
    </>
  );
}

/**
 * The KPI in each `by` group, under the total: a total over every channel mixes e-mails answered
 * in hours with calls answered in seconds, so the groups say what the total alone cannot.
 */
function GroupReadings({ spec, report }: { spec: KpiSpec; report: KpisReport }) {
  const readings = report.total.by
    .map((group) => ({ name: group.name, reading: spec.read(group.kpis) }))
    .filter(({ reading }) => reading.denominator > 0 && reading.value !== null);
  if (readings.length < 2) return null;
  return (
    <ul className="kpi-group-readings" data-testid={`kpi-${spec.key}-groups`}>
      {readings.map(({ name, reading }) => (
        <li key={name} data-group={name} data-value={reading.value ?? ''}>
          <span className="muted">{name}</span> <strong>{formatKpi(spec.unit, reading.value)}</strong>
        </li>
      ))}
    </ul>
  );
}
