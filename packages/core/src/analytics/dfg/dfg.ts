import type { SortedRows } from '../../journey-index/sort.ts';
import { compareText } from '../shared/order.ts';
import { edgeStatistics } from './edge-medians.ts';

export interface DfgEdge {
  from: string;
  to: string;
  count: number;
  medianSeconds: number;
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
 * Directly-follows graph over the index: edge counts and exact median durations in two
 * passes (see {@link edgeStatistics}), start and end activities from the run table.
 *
 * @example directlyFollows(index.rows(), index.activities.values).edges[0] // { from, to, count, medianSeconds }
 */
export function directlyFollows(rows: SortedRows, activityNames: readonly string[]): DfgReport {
  const a = activityNames.length;
  const { activity, runStart, runCount } = rows;
  const starts = new Int32Array(a);
  const ends = new Int32Array(a);
  for (let r = 0; r < runCount; r++) {
    starts[activity[runStart[r]]]++;
    ends[activity[runStart[r + 1] - 1]]++;
  }
  const { count: edgeCount, medianMs } = edgeStatistics(rows, a);

  const edges: DfgEdge[] = [];
  for (let e = 0; e < a * a; e++) {
    if (edgeCount[e] === 0) continue;
    edges.push({
      from: activityNames[Math.floor(e / a)] as string,
      to: activityNames[e % a] as string,
      count: edgeCount[e],
      medianSeconds: medianMs[e] / 1000,
    });
  }
  edges.sort((x, y) => compareText(x.from, y.from) || compareText(x.to, y.to));

  // An activity occurs iff it starts a journey or some edge leads to it.
  const occurs = new Uint8Array(a);
  for (let code = 0; code < a; code++) if (starts[code] > 0) occurs[code] = 1;
  for (let e = 0; e < a * a; e++) if (edgeCount[e] > 0) occurs[e % a] = 1;
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
