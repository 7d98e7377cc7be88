import type { TimelineReport } from '@waymark/core';
import { useMemo, useState } from 'react';
import type { JourneySummary } from '../../api/journeys.ts';
import { ChannelIcon, channelStyle } from '../../components/channel-icon.tsx';
import { Card } from '../../components/layout.tsx';
import { daysSpanned, formatDay, formatDayAndTime, formatInteger } from '../../format/format.ts';
import { stageColour } from './stage-colour.ts';
import { propertyText, type TimelineSummary, timelineSummary } from './timeline-days.ts';
import { TimelineDays } from './timeline-events.tsx';

/** A customer: who they are, what they did where, how they moved through the stages, and every event by day. */
export function TimelineView({ report, journey }: { report: TimelineReport; journey: JourneySummary | undefined }) {
  const summary = useMemo(() => timelineSummary(report), [report]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (seq: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });
  const allOpen = report.events.length > 0 && expanded.size === report.events.length;
  return (
    <>
      <CustomerCard report={report} summary={summary} />
      <StageChanges report={report} summary={summary} journey={journey} />
      <Card
        title="Journey"
        subtitle={`${formatInteger(summary.events)} ${summary.events === 1 ? 'event' : 'events'}, oldest first; times in UTC. Open an event for everything it carried.`}
        actions={
          report.events.length > 0 && (
            <button
              type="button"
              className="link-button"
              onClick={() => setExpanded(allOpen ? new Set() : new Set(report.events.map((e) => e.seq)))}
              data-testid="timeline-expand-all"
            >
              {allOpen ? 'Close all' : 'Open all'}
            </button>
          )
        }
        testId="timeline-journey"
      >
        {report.events.length === 0 ? (
          <p className="muted">This customer has no journey events (only identify calls).</p>
        ) : (
          <TimelineDays events={report.events} journey={journey} expanded={expanded} onToggle={toggle} />
        )}
      </Card>
    </>
  );
}

function CustomerCard({ report, summary }: { report: TimelineReport; summary: TimelineSummary }) {
  const others = report.identities.filter((id) => id !== report.customer);
  const traits = Object.entries(report.traits);
  const span =
    summary.firstTimestamp === null || summary.lastTimestamp === null
      ? null
      : daysSpanned(summary.firstTimestamp, summary.lastTimestamp);
  return (
    <section className="card timeline-customer" data-testid="timeline-customer">
      <div className="timeline-who">
        <span className="timeline-avatar" aria-hidden="true">
          {initials(report)}
        </span>
        <div className="timeline-who-text">
          <h2 data-testid="timeline-customer-id">{report.customer}</h2>
          {others.length > 0 && (
            <p className="muted" data-testid="timeline-identities">
              Also seen as{' '}
              {others.map((id) => (
                <code key={id}>{id}</code>
              ))}
            </p>
          )}
        </div>
      </div>
      {traits.length > 0 && (
        <dl className="timeline-traits" data-testid="timeline-traits">
          {traits.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{propertyText(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="timeline-facts">
        <Fact label="Events" value={summary.events} testId="timeline-event-count" />
        <Fact label="Contacts" value={summary.contacts} testId="timeline-contact-count" />
        <Fact label="Survey answers" value={summary.surveys} testId="timeline-survey-count" />
        <Fact label="Stage changes" value={summary.stageChanges.length} testId="timeline-stage-change-count" />
        {summary.firstTimestamp !== null && summary.lastTimestamp !== null && (
          <div className="timeline-fact">
            <span className="timeline-fact-label">Seen</span>
            <span
              className="timeline-fact-value text"
              title={`${formatDayAndTime(summary.firstTimestamp)} – ${formatDayAndTime(summary.lastTimestamp)} UTC`}
            >
              {formatDay(summary.firstTimestamp)} – {formatDay(summary.lastTimestamp)}
              <span className="muted"> · {span === 1 ? '1 day' : `${formatInteger(span ?? 0)} days`}</span>
            </span>
          </div>
        )}
      </div>
      <ul className="timeline-channels" aria-label="Events by channel">
        {summary.channels.map(({ channel, events }) => (
          <li key={channel ?? ''} data-testid="timeline-channel" data-channel={channel ?? ''} data-value={events}>
            <ChannelIcon channel={channel} size={22} />
            {channelStyle(channel).label}
            <strong>{formatInteger(events)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="timeline-fact">
      <span className="timeline-fact-label">{label}</span>
      <span className="timeline-fact-value" data-testid={testId} data-value={value}>
        {formatInteger(value)}
      </span>
    </div>
  );
}

function initials(report: TimelineReport): string {
  const name = report.traits.name;
  const source = typeof name === 'string' && name.trim() !== '' ? name : report.customer;
  const words = source.split(/[\s._-]+/).filter((w) => /[a-z]/i.test(w));
  const letters = words.length >= 2 ? `${words[0]?.[0]}${words[1]?.[0]}` : (words[0] ?? source).slice(0, 2);
  return letters.toUpperCase();
}

/** The stages the customer entered, in order, with when. */
function StageChanges({
  report,
  summary,
  journey,
}: {
  report: TimelineReport;
  summary: TimelineSummary;
  journey: JourneySummary | undefined;
}) {
  if (report.journey === null) {
    return (
      <p className="muted timeline-no-journey">
        No journey definition in this workspace, so the timeline shows events without touchpoints or stages.
      </p>
    );
  }
  return (
    <Card
      title="Stage changes"
      subtitle={`Each time the customer entered another stage of “${journey?.name ?? report.journey}”.`}
      testId="timeline-stages"
    >
      {summary.stageChanges.length === 0 ? (
        <p className="muted">None of this customer's events falls in a stage of the journey.</p>
      ) : (
        <ol className="stage-path">
          {summary.stageChanges.map((change, i) => (
            <li key={change.seq} data-testid="stage-path-step" data-stage={change.stage}>
              {i > 0 && (
                <span className="stage-path-arrow" aria-hidden="true">
                  →
                </span>
              )}
              <a
                className="stage-pill"
                href={`#event-${change.seq}`}
                style={{ borderColor: stageColour(journey, change.stage) }}
              >
                <span
                  className="stage-dot"
                  style={{ background: stageColour(journey, change.stage) }}
                  aria-hidden="true"
                />
                {change.stage}
                <span className="stage-pill-date">{formatDay(change.timestamp)}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
