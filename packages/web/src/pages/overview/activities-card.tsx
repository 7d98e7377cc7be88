import type { OverviewReport } from '@waymark/core';
import { useState } from 'react';
import { Card, ShareBar } from '../../components/layout.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';

const FIRST_ROWS = 12;

/** The most frequent activities with their share of all events. */
export function ActivitiesCard({ report }: { report: OverviewReport }) {
  const [all, setAll] = useState(false);
  const activities = report.activities;
  const shown = all ? activities : activities.slice(0, FIRST_ROWS);
  const largest = activities[0]?.events ?? 0;
  return (
    <Card
      title="Top activities"
      subtitle={`${formatInteger(activities.length)} distinct activities`}
      testId="activities"
    >
      {activities.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <>
          <table className="table compact" data-testid="activities-table">
            <thead>
              <tr>
                <th>Activity</th>
                <th className="num">Events</th>
                <th className="bar-col" aria-label="Relative volume" />
                <th className="num">Share</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.activity}>
                  <td>{a.activity}</td>
                  <td className="num">{formatInteger(a.events)}</td>
                  <td className="bar-col">
                    <ShareBar share={largest === 0 ? 0 : a.events / largest} />
                  </td>
                  <td className="num muted">{formatPercent(report.events === 0 ? 0 : a.events / report.events)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {activities.length > FIRST_ROWS && (
            <button type="button" className="link-button" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${formatInteger(activities.length)}`}
            </button>
          )}
        </>
      )}
    </Card>
  );
}
