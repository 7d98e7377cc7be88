import type { SortedRows } from '../../journey-index/sort.ts';
import { compareText } from '../shared/order.ts';
import { edgeStatistics } from './edge-quantiles.ts';
import type { EdgeStatistics } from './edge-statistics.ts';

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  medianSeconds: number;
  /** Nearest rank: the smallest duration with at least 90% of the edge's durations at or below it. */
  p90Seconds: number;
}

/** The directly-follows graph: how often activity B comes straight after A in a journey. */
export interface DfgReport {
  cases: number;
  events: number;
  activities: string[];
  edges: DfgEdge[];
  startActivities: Record<string, number>;
  endActivities: Record<string, number>;
}

/**
 * Directly-follows graph over the index: edge counts and exact median and p90 durations in
 * two passes (see {@link edgeStatistics}), start and end activities from the run table.
 *
 * @example directlyFollows(index.rows(), index.activities.values).edges[0] // { from, to, count, medianSeconds, p90Seconds }
 */
export function directlyFollows(rows: SortedRows, activityNames: readonly string[]): DfgReport {
  return dfgReport(rows, activityNames, edgeStatistics(rows, activityNames.length));
}

/** The report from edge statistics however they were computed (one thread or several). */
export function dfgReport(rows: SortedRows, activityNames: readonly string[], stats: EdgeStatistics): DfgReport {
  const a = activityNames.length;
  const { activity, runStart, runCount } = rows;
  const starts = new Int32Array(a);
  const ends = new Int32Array(a);
  for (let r = 0; r < runCount; r++) {
    starts[activity[runStart[r]]]++;
    ends[activity[runStart[r + 1] - 1]]++;
  }

  const edges: DfgEdge[] = [];
  const occurs = new Uint8Array(a); // an activity occurs iff it starts a journey or an edge leads to it
  for (let code = 0; code < a; code++) if (starts[code] > 0) occurs[code] = 1;
  for (let k = 0; k < stats.length; k++) {
    occurs[stats.to[k]] = 1;
    edges.push({
      from: activityNames[stats.from[k]] as string,
      to: activityNames[stats.to[k]] as string,
      count: stats.count[k],
      medianSeconds: stats.medianMs[k] / 1000,
      p90Seconds: stats.p90Ms[k] / 1000,
    });
  }
  edges.sort((x, y) => compareText(x.from, y.from) || compareText(x.to, y.to));
  const activities = activityNames.filter((_, code) => occurs[code] === 1).sort(compareText);
  return {
    cases: runCount,
    events: rows.length,
    activities,
    edges,
    startActivities: countsByName(starts, activityNames),
    endActivities: countsByName(ends, activityNames),
  };
}

function countsByName(counts: Int32Array, names: readonly string[]): Record<string, number> {
  const codes = [...counts.keys()].filter((code) => counts[code] > 0);
  codes.sort((x, y) => compareText(names[x] as string, names[y] as string));
  const out: Record<string, number> = {};
  for (const code of codes) out[names[code] as string] = counts[code];
  return out;
}
