import type { TimelineReport } from '@waymark/core';
import { ApiError } from '../../api/client.ts';
import { chosenJourney, useJourneys } from '../../api/journeys.ts';
import { useApi } from '../../api/use-api.ts';
import { CommitInput } from '../../components/commit-input.tsx';
import { PageHeader } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { Field } from '../../report-filter/filter-bar.tsx';
import { reportQuery } from '../../report-filter/report-filter.ts';
import { Link, setQueryParams, useLocation } from '../../router/router.tsx';
import { TimelineView } from './timeline-view.tsx';
import './timeline.css';

export function TimelinePage() {
  const journeys = useJourneys();
  const { search } = useLocation();
  const customer = (search.get('customer') ?? '').trim();
  const journeyParam = (search.get('journey') ?? '').trim();
  const list = journeys.data?.journeys ?? null;
  const journey = list === null ? undefined : chosenJourney(list, journeyParam);
  const journeyId = journeyParam !== '' ? journeyParam : (journey?.id ?? '');
  // Wait for the journeys (to ask under the right one); without any, the timeline has no stages.
  // With no id given the server opens on a real customer: the one whose journey crossed the most channels.
  const ready = list !== null || journeys.error !== null;
  const query = reportQuery({ customer, journey: journeyId });
  const report = useApi<TimelineReport>(ready ? `/api/reports/timeline${query === '' ? '' : `?${query}`}` : null);
  const unknown = report.error instanceof ApiError && report.error.status === 404;
  const suggested = customer === '' ? (report.data?.customer ?? null) : null;

  return (
    <>
      <PageHeader
        title="Customer timeline"
        subtitle="One customer's whole journey across channels, with stage changes."
      />
      <section className="filter-bar timeline-search" aria-label="Find a customer" data-testid="timeline-search">
        <div className="filter-fields">
          <Field label="Customer" htmlFor="timeline-customer" wide>
            <CommitInput
              id="timeline-customer"
              className="select text"
              value={customer}
              placeholder={`A userId or anonymousId${suggested === null ? '' : `, e.g. ${suggested}`}`}
              spellCheck={false}
              autoComplete="off"
              onCommit={(next) => setQueryParams({ customer: next })}
              data-testid="timeline-customer-input"
            />
          </Field>
          {list !== null && list.length > 1 && (
            <Field label="Journey" htmlFor="timeline-journey">
              <select
                id="timeline-journey"
                className="select"
                value={journeyId}
                onChange={(event) => setQueryParams({ journey: event.target.value })}
                data-testid="timeline-journey"
              >
                {list.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <button type="button" className="button primary timeline-go" data-testid="timeline-show">
            Show timeline
          </button>
        </div>
      </section>
      {customer === '' && unknown && <NoCustomer />}
      {customer !== '' && unknown && <UnknownCustomer id={customer} message={report.error?.message ?? ''} />}
      {report.error !== null && !unknown && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.data === null && report.error === null && <Loading />}
      {suggested !== null && report.error === null && (
        <p className="muted timeline-suggested" data-testid="timeline-suggested">
          Opened on <strong>{suggested}</strong>, the customer whose journey crossed the most channels. Type another id
          above, or open one from the <Link to="/funnel">event funnel</Link>'s list of who dropped off.
        </p>
      )}
      {report.data !== null && report.error === null && (
        <div className={report.loading ? 'stale' : undefined} data-testid="timeline">
          <TimelineView report={report.data} journey={journey} />
        </div>
      )}
    </>
  );
}

function NoCustomer() {
  return (
    <div className="empty-state" data-testid="timeline-empty">
      <h2>No customers yet</h2>
      <p>
        Once events arrive, the page opens on a customer; or type one's id above: their <code>userId</code>, or any{' '}
        <code>anonymousId</code> stitched to them. The timeline shows every event they had, on every channel, day by
        day, with the contacts and survey answers in full.
      </p>
      <p className="muted">
        Customers are linked here from the <Link to="/funnel">event funnel</Link>'s list of who dropped off, and from
        the live stream on the <Link to="/">overview</Link>.
      </p>
    </div>
  );
}

function UnknownCustomer({ id, message }: { id: string; message: string }) {
  return (
    <div className="error-box timeline-unknown" role="alert" data-testid="timeline-unknown">
      <strong>No customer with the id “{id}”</strong>
      <p>
        Nobody in this workspace has that <code>userId</code> or <code>anonymousId</code>: it may be misspelt (ids are
        case-sensitive), or the customer was erased.
      </p>
      <p className="muted">The server said: {message}</p>
    </div>
  );
}
