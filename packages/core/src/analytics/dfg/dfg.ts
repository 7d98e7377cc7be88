import type { SortedRows } from '../../journey-index/sort.ts';
import { compareText, medianOfSlice } from '../shared/order.ts';

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
 * Directly-follows graph over the index: one pass counts edges, a second gathers each
 * edge's durations contiguously so its median is one sort of a slice.
 *
 * @example directlyFollows(index.rows(), index.activities.values).edges[0] // { from, to, count, medianSeconds }
 */
export function directlyFollows(rows: SortedRows, activityNames: readonly string[]): DfgReport {
  const a = activityNames.length;
  const { activity, timestampMs, runStart, runCount } = rows;
  const edgeCount = new Int32Array(a * a);
  const starts = new Int32Array(a);
  const ends = new Int32Array(a);
  const seen = new Uint8Array(a);
  for (let r = 0; r < runCount; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    starts[activity[start]]++;
    ends[activity[end - 1]]++;
    seen[activity[start]] = 1;
    for (let i = start + 1; i < end; i++) {
      seen[activity[i]] = 1;
      edgeCount[activity[i - 1] * a + activity[i]]++;
    }
  }
  // Offsets of each edge's durations in one flat array.
  const offset = new Int32Array(a * a + 1);
  for (let e = 0; e < a * a; e++) offset[e + 1] = offset[e] + edgeCount[e];
  const durations = new Float64Array(offset[a * a]);
  const fill = offset.slice(0, a * a);
  for (let r = 0; r < runCount; r++) {
    const end = runStart[r + 1];
    for (let i = runStart[r] + 1; i < end; i++) {
      durations[fill[activity[i - 1] * a + activity[i]]++] = timestampMs[i] - timestampMs[i - 1];
    }
  }

  const edges: DfgEdge[] = [];
  for (let e = 0; e < a * a; e++) {
    if (edgeCount[e] === 0) continue;
    edges.push({
      from: activityNames[Math.floor(e / a)] as string,
      to: activityNames[e % a] as string,
      count: edgeCount[e],
      medianSeconds: medianOfSlice(durations, offset[e], offset[e + 1]) / 1000,
    });
  }
  edges.sort((x, y) => compareText(x.from, y.from) || compareText(x.to, y.to));

  const activities = activityNames.filter((_, code) => seen[code] === 1).sort(compareText);
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
