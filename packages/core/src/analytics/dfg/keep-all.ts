import type { SortedRows } from '../../journey-index/sort.ts';
import { medianOfSlice, nearestRank, selectAbove } from '../shared/order.ts';
import { type EdgeStatistics, P90, scratchDurations } from './edge-statistics.ts';

/**
 * For very many activities: edges numbered as they first occur (so memory follows the edges
 * that exist, not activities²), every duration kept in its edge's slice, then selected.
 */
export function statisticsKeepingAll(rows: SortedRows, a: number): EdgeStatistics {
  const { activity, timestampMs, runStart, runCount, length } = rows;
  const edgeOf = new Map<number, number>();
  const stepEdge = new Int32Array(length); // by the index of each step's second event
  let counts = new Int32Array(1024);
  for (let r = 0; r < runCount; r++) {
    for (let i = runStart[r] + 1; i < runStart[r + 1]; i++) {
      const key = activity[i - 1] * a + activity[i];
      let edge = edgeOf.get(key);
      if (edge === undefined) {
        edge = edgeOf.size;
        edgeOf.set(key, edge);
        if (edge === counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      stepEdge[i] = edge;
      counts[edge]++;
    }
  }
  const edges = edgeOf.size;
  const offset = new Int32Array(edges + 1);
  for (let e = 0; e < edges; e++) offset[e + 1] = offset[e] + counts[e];
  const durations = scratchDurations(offset[edges]);
  const fill = offset.slice(0, edges);
  for (let r = 0; r < runCount; r++) {
    for (let i = runStart[r] + 1; i < runStart[r + 1]; i++) {
      durations[fill[stepEdge[i]]++] = timestampMs[i] - timestampMs[i - 1];
    }
  }
  const out: EdgeStatistics = {
    length: edges,
    from: new Int32Array(edges),
    to: new Int32Array(edges),
    count: counts.slice(0, edges),
    medianMs: new Float64Array(edges),
    p90Ms: new Float64Array(edges),
  };
  for (const [key, edge] of edgeOf) {
    const n = counts[edge];
    out.from[edge] = Math.floor(key / a);
    out.to[edge] = key % a;
    out.medianMs[edge] = medianOfSlice(durations, offset[edge], offset[edge + 1]);
    out.p90Ms[edge] = selectAbove(durations, offset[edge], offset[edge + 1], n >> 1, nearestRank(n, P90));
  }
  return out;
}
