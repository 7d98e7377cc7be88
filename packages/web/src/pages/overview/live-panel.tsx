import { Card } from '../../components/layout.tsx';
import { formatClock, formatInteger } from '../../format/format.ts';
import { Link } from '../../router/router.tsx';
import { timelinePath } from '../timeline/timeline-path.ts';
import { type LiveStatus, useLiveEvents } from './use-live-events.ts';

const KEEP = 50;

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

/** The newest arriving events, newest on top, and how many arrived since the page opened. */
export function LivePanel({ onArrive }: { onArrive?: (count: number) => void }) {
  const { events, received, status, reconnect } = useLiveEvents(KEEP, onArrive);
  return (
    <Card
      title="Live"
      className="live-card"
      testId="live-panel"
      subtitle={
        <>
          <span className="live-count" data-testid="live-count" data-value={received}>
            {formatInteger(received)}
          </span>{' '}
          {received === 1 ? 'event' : 'events'} since this page opened
        </>
      }
      actions={
        <span className={`live-status ${status}`} data-testid="live-status" data-state={status}>
          <span className="live-dot" aria-hidden="true" />
          {STATUS_TEXT[status]}
          {status === 'closed' && (
            <button type="button" className="link-button" onClick={reconnect}>
              Reconnect
            </button>
          )}
        </span>
      }
    >
      {events.length === 0 ? (
        <div className="live-empty">
          <p>Waiting for events…</p>
          <p className="muted">
            Events sent to <code>POST /v1/batch</code> appear here the moment they are stored.
          </p>
        </div>
      ) : (
        <ol className="live-list" data-testid="live-events" aria-live="polite">
          {events.map((event) => (
            <li key={event.messageId} className="live-event" data-testid="live-event">
              <div className="live-event-main">
                <span className="live-activity" data-testid="live-activity">
                  {event.activity ?? event.type}
                </span>
                {event.channel !== null && <span className="badge">{event.channel}</span>}
              </div>
              <div className="live-event-meta">
                <LiveWho id={event.userId ?? event.anonymousId} />
                <time dateTime={event.timestamp} title={event.timestamp}>
                  {formatClock(event.timestamp)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** Who sent an event, linked to their timeline. */
function LiveWho({ id }: { id: string | null }) {
  if (id === null) return <span className="live-who">unknown</span>;
  return (
    <Link to={timelinePath(id)} className="live-who" title={`${id}: open the timeline`}>
      {id}
    </Link>
  );
}
