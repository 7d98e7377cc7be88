import type { CSSProperties } from 'react';
import { Card } from '../components/layout.tsx';
import { formatDuration, formatInteger } from '../format/format.ts';
import { CHARTED_GROUPS, type FunnelGroupView, hasTimes, TOTAL_LABEL, transitionLabel } from './funnel-view.ts';
import { TimeHistogram } from './time-histogram.tsx';
import './funnels.css';

interface StepTimesCardProps {
  title: string;
  subtitle: string;
  total: FunnelGroupView;
  /** Breakdown groups: their histograms are stacked in each chart. */
  groups: readonly FunnelGroupView[];
  testId: string;
}

/** For each step after the first: median, p90 and a histogram of the time from the step before. */
export function StepTimesCard({ title, subtitle, total, groups, testId }: StepTimesCardProps) {
  const transitions = total.steps.map((_, s) => s).slice(1);
  const charted = groups.slice(0, CHARTED_GROUPS);
  return (
    <Card title={title} subtitle={subtitle} testId={testId}>
      {transitions.length === 0 ? (
        <p className="muted">A single step has no time between steps.</p>
      ) : (
        <div
          className="transition-grid"
          style={{ '--transition-columns': columnsFor(transitions.length) } as CSSProperties}
        >
          {transitions.map((s) => {
            const stats = total.steps[s]?.timeFromPrevious ?? null;
            const name = transitionLabel(total.steps, s);
            return (
              <div className="transition" key={name} data-testid="transition">
                <div className="transition-name" title={name}>
                  {name}
                </div>
                {hasTimes(stats) ? (
                  <>
                    <dl className="transition-stats">
                      <div>
                        <dt>Median</dt>
                        <dd data-testid="transition-median" data-value={stats.medianSeconds ?? ''}>
                          {formatDuration(stats.medianSeconds ?? Number.NaN)}
                        </dd>
                      </div>
                      <div>
                        <dt>p90</dt>
                        <dd data-testid="transition-p90" data-value={stats.p90Seconds ?? ''}>
                          {formatDuration(stats.p90Seconds ?? Number.NaN)}
                        </dd>
                      </div>
                      <div>
                        <dt>Customers</dt>
                        <dd data-testid="transition-count" data-value={stats.count}>
                          {formatInteger(stats.count)}
                        </dd>
                      </div>
                    </dl>
                    <TimeHistogram
                      label={`Time from ${name}`}
                      series={
                        charted.length > 0
                          ? charted.flatMap((group) => {
                              const groupStats = group.steps[s]?.timeFromPrevious ?? null;
                              return groupStats === null ? [] : [{ name: group.name, stats: groupStats }];
                            })
                          : [{ name: TOTAL_LABEL, stats }]
                      }
                      testId="transition-chart"
                    />
                  </>
                ) : (
                  <p className="muted transition-empty">Nobody reached this step yet.</p>
                )}
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

/** Tiles per row: up to three, and four as two by two. */
function columnsFor(count: number): number {
  return count === 4 ? 2 : Math.min(3, Math.max(1, count));
}
