import type { SortedRows } from '../../journey-index/sort.ts';
import { medianOfSlice, middleOfSlice } from '../shared/order.ts';

/**
 * Buckets of a duration: the top bits of its IEEE 754 pattern (exponent and two mantissa
 * bits, i.e. four buckets an octave). For non-negative numbers this order-preserving key is
 * read straight off the bits — no logarithm per event.
 */
const BUCKETS = 256;
const BUCKET_BASE = (1023 << 2) - 8; // the bucket of 1 ms sits 8 buckets above the first
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second

function bucketOf(duration: number): number {
  bits[0] = duration;
  const b = (words[HIGH] >>> 18) - BUCKET_BASE;
  return b < 0 ? 0 : b >= BUCKETS ? BUCKETS - 1 : b;
}

/** Histograms above this many cells would not stay in cache: then every duration is kept. */
const MAX_HISTOGRAM_CELLS = 1 << 22;

/** The directly-follows edges that occur: activity codes, how often, and the exact median duration (ms). */
export interface EdgeStatistics {
  length: number;
  from: Int32Array;
  to: Int32Array;
  count: Int32Array;
  medianMs: Float64Array;
}

/** Dense per-edge arrays (index `from * a + to`) → the list of edges that occur. */
function presentEdges(a: number, edgeCount: Int32Array, medianMs: Float64Array): EdgeStatistics {
  let length = 0;
  for (let e = 0; e < edgeCount.length; e++) if (edgeCount[e] > 0) length++;
  const out: EdgeStatistics = {
    length,
    from: new Int32Array(length),
    to: new Int32Array(length),
    count: new Int32Array(length),
    medianMs: new Float64Array(length),
  };
  let k = 0;
  for (let e = 0; e < edgeCount.length; e++) {
    if (edgeCount[e] === 0) continue;
    out.from[k] = Math.floor(e / a);
    out.to[k] = e % a;
    out.count[k] = edgeCount[e];
    out.medianMs[k++] = medianMs[e];
  }
  return out;
}

/**
 * Counts and exact median durations of every edge. A first pass histograms each edge's
 * durations by bucket; the middle ranks then lie in one or two known buckets, so the second
 * pass keeps only the durations in those buckets (a few percent) and selects among them,
 * instead of writing out and selecting among all of them.
 */
export function edgeStatistics(rows: SortedRows, activityCount: number): EdgeStatistics {
  const a = activityCount;
  const edges = a * a;
  if (edges * BUCKETS > MAX_HISTOGRAM_CELLS) return statisticsKeepingAll(rows, a);
  const { activity, timestampMs, runStart, runCount } = rows;
  const histogram = new Int32Array(edges * BUCKETS);
  const edgeCount = new Int32Array(edges);
  // Each step's bucket, by the index of the step's second event: the second pass reads these
  // bytes instead of the timestamps.
  const stepBucket = scratchBuckets(rows.length);
  for (let r = 0; r < runCount; r++) {
    const end = runStart[r + 1];
    let previous = activity[runStart[r]] * a;
    let previousTime = timestampMs[runStart[r]];
    for (let i = runStart[r] + 1; i < end; i++) {
      const current = activity[i];
      const time = timestampMs[i];
      const edge = previous + current;
      const bucket = bucketOf(time - previousTime);
      stepBucket[i] = bucket;
      edgeCount[edge]++;
      histogram[edge * BUCKETS + bucket]++;
      previous = current * a;
      previousTime = time;
    }
  }

  // For each edge: the buckets holding its middle ranks, and where its kept durations go.
  const firstBucket = new Int32Array(edges);
  const lastBucket = new Int32Array(edges).fill(-1);
  const rankBase = new Int32Array(edges);
  const offset = new Int32Array(edges + 1);
  for (let e = 0; e < edges; e++) {
    const n = edgeCount[e];
    let kept = 0;
    if (n > 0) {
      const lowerRank = (n - 1) >> 1;
      const upperRank = n >> 1;
      let below = 0;
      let b = 0;
      while (below + histogram[e * BUCKETS + b] <= lowerRank) below += histogram[e * BUCKETS + b++];
      firstBucket[e] = b;
      rankBase[e] = below;
      let through = below + histogram[e * BUCKETS + b];
      while (through <= upperRank) through += histogram[e * BUCKETS + ++b];
      lastBucket[e] = b;
      kept = through - below;
    }
    offset[e + 1] = offset[e] + kept;
  }
  const keptDurations = scratchDurations(offset[edges]);
  const fill = offset.slice(0, edges);
  for (let r = 0; r < runCount; r++) {
    const end = runStart[r + 1];
    let previous = activity[runStart[r]] * a;
    for (let i = runStart[r] + 1; i < end; i++) {
      const current = activity[i];
      const edge = previous + current;
      const b = stepBucket[i];
      if (b >= firstBucket[edge] && b <= lastBucket[edge])
        keptDurations[fill[edge]++] = timestampMs[i] - timestampMs[i - 1];
      previous = current * a;
    }
  }
  const medians = new Float64Array(edges).fill(Number.NaN);
  for (let e = 0; e < edges; e++) {
    const n = edgeCount[e];
    if (n === 0) continue;
    const base = rankBase[e];
    medians[e] = middleOfSlice(keptDurations, offset[e], offset[e + 1], ((n - 1) >> 1) - base, (n >> 1) - base);
  }
  return presentEdges(a, edgeCount, medians);
}

/**
 * For very many activities: edges numbered as they first occur (so memory follows the edges
 * that exist, not activities²), every duration kept in its edge's slice, then selected.
 */
function statisticsKeepingAll(rows: SortedRows, a: number): EdgeStatistics {
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
  };
  for (const [key, edge] of edgeOf) {
    out.from[edge] = Math.floor(key / a);
    out.to[edge] = key % a;
    out.medianMs[edge] = medianOfSlice(durations, offset[edge], offset[edge + 1]);
  }
  return out;
}

let scratch = new Float64Array(0);
let bucketScratch = new Uint8Array(0);

function scratchBuckets(length: number): Uint8Array {
  if (bucketScratch.length < length) bucketScratch = new Uint8Array(Math.ceil(length * 1.25));
  return bucketScratch;
}

/** A reused buffer: a report on 10M events would otherwise allocate up to 80 MB each time. */
function scratchDurations(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.ceil(length * 1.25));
  return scratch;
}
