import type { TimelineEvent } from '@waymark/core';
import type { JourneySummary } from '../../api/journeys.ts';
import { ChannelIcon, channelStyle } from '../../components/channel-icon.tsx';
import { formatInteger } from '../../format/format.ts';
import { contactFacts, surveyScore } from './event-summary.ts';
import { stageColour } from './stage-colour.ts';
import { groupByDay, propertyText } from './timeline-days.ts';

const dayTitle = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

interface TimelineDaysProps {
  events: readonly TimelineEvent[];
  journey: JourneySummary | undefined;
  /** The events (by seq) whose details are open. */
  expanded: ReadonlySet<number>;
  onToggle: (seq: number) => void;
}

/** The events as a vertical timeline, a section per day. */
export function TimelineDays({ events, journey, expanded, onToggle }: TimelineDaysProps) {
  return (
    <ol className="timeline">
      {groupByDay(events).map(({ day, events: dayEvents }) => (
        <li key={day} className="timeline-day" data-testid="timeline-day" data-day={day}>
          <h3 className="timeline-day-title">
            {dayTitle.format(new Date(`${day}T00:00:00Z`))}
            <span className="muted">
              {formatInteger(dayEvents.length)} {dayEvents.length === 1 ? 'event' : 'events'}
            </span>
          </h3>
          <ol className="timeline-events">
            {dayEvents.map((event) => (
              <EventRow
                key={event.seq}
                event={event}
                journey={journey}
                open={expanded.has(event.seq)}
                onToggle={() => onToggle(event.seq)}
              />
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

interface EventRowProps {
  event: TimelineEvent;
  journey: JourneySummary | undefined;
  open: boolean;
  onToggle: () => void;
}

function EventRow({ event, journey, open, onToggle }: EventRowProps) {
  const detailsId = `event-${event.seq}-details`;
  const colour = event.stage === null ? null : stageColour(journey, event.stage);
  const score = event.survey === null ? null : surveyScore(event.survey);
  return (
    <li
      className={event.stageChanged ? 'timeline-event stage-changed' : 'timeline-event'}
      id={`event-${event.seq}`}
      data-testid="timeline-event"
      data-seq={event.seq}
      data-activity={event.activity}
      data-stage-changed={event.stageChanged}
    >
      <time className="timeline-time" dateTime={event.timestamp}>
        {clock.format(new Date(event.timestamp))}
      </time>
      <span className="timeline-rail">
        <ChannelIcon channel={event.channel} />
      </span>
      <div className="timeline-body">
        {event.stageChanged && event.stage !== null && (
          <div className="stage-change" style={{ color: colour ?? undefined }} data-testid="timeline-stage-change">
            <span className="stage-dot" style={{ background: colour ?? undefined }} aria-hidden="true" />
            Entered <strong>{event.stage}</strong>
          </div>
        )}
        <div className="timeline-headline">
          <strong className="timeline-activity">{event.activity}</strong>
          {event.touchpoint !== null && <span className="timeline-touchpoint">{event.touchpoint}</span>}
          <span className="timeline-channel-name">{channelStyle(event.channel).label}</span>
          {!event.stageChanged && event.stage !== null && (
            <span className="timeline-stage" title="The stage this event falls in">
              {event.stage}
            </span>
          )}
          <button
            type="button"
            className="link-button timeline-toggle"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
            data-testid="timeline-event-toggle"
          >
            Details
            <span className="timeline-toggle-mark" aria-hidden="true">
              ▾
            </span>
          </button>
        </div>
        {event.contact !== null && (
          <p className="timeline-facts-line" data-testid="timeline-contact">
            {contactFacts(event.contact).join(' · ')}
          </p>
        )}
        {event.survey !== null && (
          <p className="timeline-facts-line" data-testid="timeline-survey">
            {score !== null && <span className={`score-badge ${score.tone}`}>{score.text}</span>}
            {event.survey.comment !== null && <q className="timeline-comment">{event.survey.comment}</q>}
          </p>
        )}
        {open && <EventDetails id={detailsId} event={event} />}
      </div>
    </li>
  );
}

/** Everything the event carried: its properties as sent, and the ids it arrived with. */
function EventDetails({ id, event }: { id: string; event: TimelineEvent }) {
  const properties = Object.entries(event.properties ?? {});
  const arrived: Array<[string, string]> = [
    ['time (UTC)', event.timestamp],
    ['userId', event.userId ?? '–'],
    ['anonymousId', event.anonymousId ?? '–'],
    ['event number', String(event.seq)],
  ];
  return (
    <div className="timeline-details" id={id} data-testid="timeline-event-details">
      {properties.length === 0 ? (
        <p className="muted">No properties.</p>
      ) : (
        <table className="timeline-properties">
          <tbody>
            {properties.map(([key, value]) => (
              <tr key={key} data-testid="timeline-property" data-key={key}>
                <th scope="row">{key}</th>
                <td>{propertyText(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="timeline-properties arrived">
        <tbody>
          {arrived.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
