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
  for (let r = 0; r < runCount; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    starts[activity[start]]++;
    ends[activity[end - 1]]++;
    let previous = activity[start] * a;
    for (let i = start + 1; i < end; i++) {
      const current = activity[i];
      edgeCount[previous + current]++;
      previous = current * a;
    }
  }
  // Each edge's durations go to one contiguous slice of a reused scratch array.
  const offset = new Int32Array(a * a + 1);
  for (let e = 0; e < a * a; e++) offset[e + 1] = offset[e] + edgeCount[e];
  const durations = scratchDurations(offset[a * a]);
  const fill = offset.slice(0, a * a);
  for (let r = 0; r < runCount; r++) {
    const end = runStart[r + 1];
    let previous = activity[runStart[r]] * a;
    let previousTime = timestampMs[runStart[r]];
    for (let i = runStart[r] + 1; i < end; i++) {
      const current = activity[i];
      const time = timestampMs[i];
      durations[fill[previous + current]++] = time - previousTime;
      previous = current * a;
      previousTime = time;
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

let scratch = new Float64Array(0);

/** A reused buffer for durations: a report on 10M events would otherwise allocate 80 MB each time. */
function scratchDurations(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.ceil(length * 1.25));
  return scratch;
}
