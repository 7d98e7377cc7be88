import type { SortedRows } from '../../journey-index/sort.ts';
import { medianOfSlice, middleOfSlice, nearestRank, selectAbove } from '../shared/order.ts';

/**
 * Buckets of a duration: the top bits of its IEEE 754 pattern (exponent and two mantissa
 * bits, i.e. four buckets an octave). For non-negative numbers this order-preserving key is
 * read straight off the bits — no logarithm per event.
 */
const BUCKET_BITS = 8;
const BUCKETS = 1 << BUCKET_BITS;
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

/** The share of durations at or below an edge's `p90Ms` (nearest rank). */
const P90 = 0.9;

/**
 * The directly-follows edges that occur: activity codes, how often, and the exact median and
 * p90 durations (ms).
 */
export interface EdgeStatistics {
  length: number;
  from: Int32Array;
  to: Int32Array;
  count: Int32Array;
  medianMs: Float64Array;
  p90Ms: Float64Array;
}

/** Per-edge durations (index `from * a + to`; NaN where an edge never occurs). */
export interface EdgeQuantiles {
  medianMs: Float64Array;
  p90Ms: Float64Array;
}

/** Dense per-edge arrays (index `from * a + to`) → the list of edges that occur. */
export function presentEdges(a: number, edgeCount: Int32Array, quantiles: EdgeQuantiles): EdgeStatistics {
  let length = 0;
  for (let e = 0; e < edgeCount.length; e++) if (edgeCount[e] > 0) length++;
  const out: EdgeStatistics = {
    length,
    from: new Int32Array(length),
    to: new Int32Array(length),
    count: new Int32Array(length),
    medianMs: new Float64Array(length),
    p90Ms: new Float64Array(length),
  };
  let k = 0;
  for (let e = 0; e < edgeCount.length; e++) {
    if (edgeCount[e] === 0) continue;
    out.from[k] = Math.floor(e / a);
    out.to[k] = e % a;
    out.count[k] = edgeCount[e];
    out.medianMs[k] = quantiles.medianMs[e];
    out.p90Ms[k++] = quantiles.p90Ms[e];
  }
  return out;
}

/**
 * Counts and exact median and p90 durations of every edge. A first pass histograms each
 * edge's durations by bucket; the ranks wanted then lie in a few known buckets (one or two
 * for the median, one for the p90), so the second pass keeps only the durations in those
 * buckets (a few percent) and selects among them, instead of writing out and selecting among
 * all of them. The passes work on a range of customers, so callers may split them across
 * threads ({@link histogramSteps}, {@link keepQuantileSteps}); this is the single-threaded whole.
 */
export function edgeStatistics(rows: SortedRows, activityCount: number): EdgeStatistics {
  const a = activityCount;
  if (!fitsHistogram(a)) return statisticsKeepingAll(rows, a);
  const histogram = new Int32Array(a * a * BUCKETS);
  const stepCell = scratchCells(rows.length);
  histogramSteps(rows, a, 0, rows.runCount, histogram, stepCell);
  const layout = quantileLayout(histogram, a);
  const kept = scratchDurations(layout.offset[a * a]);
  keepQuantileSteps(rows, 0, rows.runCount, layout, stepCell, layout.offset.slice(0, a * a), kept);
  return presentEdges(a, layout.edgeCount, selectQuantiles(layout, kept));
}

/** Whether the per-edge histograms for `a` activities are small enough to use. */
export function fitsHistogram(activityCount: number): boolean {
  return activityCount * activityCount * BUCKETS <= MAX_HISTOGRAM_CELLS;
}

/** Cells of the histogram for `a` activities (edges × buckets). */
export function histogramCells(activityCount: number): number {
  return activityCount * activityCount * BUCKETS;
}

/**
 * Pass 1 over customers [runFrom, runTo): adds each step to its histogram cell
 * (`edge * BUCKETS + bucket`) and notes that cell at the index of the step's second event
 * (`stepCell`; -1 where a customer's journey starts), so pass 2 is one flat loop over cells.
 */
export function histogramSteps(
  rows: SortedRows,
  a: number,
  runFrom: number,
  runTo: number,
  histogram: Int32Array,
  stepCell: Int32Array,
): void {
  const { activity, timestampMs, runStart } = rows;
  for (let r = runFrom; r < runTo; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    stepCell[start] = -1;
    let previous = activity[start] * a;
    let previousTime = timestampMs[start];
    for (let i = start + 1; i < end; i++) {
      const current = activity[i];
      const time = timestampMs[i];
      const cell = (previous + current) * BUCKETS + bucketOf(time - previousTime);
      stepCell[i] = cell;
      histogram[cell]++;
      previous = current * a;
      previousTime = time;
    }
  }
}

/**
 * Where each edge's median and p90 ranks lie, and where its kept durations go. An edge keeps
 * the durations in its median buckets [firstBucket, lastBucket] and in its p90 bucket (at or
 * after lastBucket). Buckets are ordered by duration, so a rank among the kept durations is
 * the edge's rank less the durations in the buckets skipped below it.
 */
export interface QuantileLayout {
  edgeCount: Int32Array;
  firstBucket: Int32Array;
  lastBucket: Int32Array;
  p90Bucket: Int32Array;
  /** How many of the edge's durations fall below its first median bucket. */
  rankBase: Int32Array;
  /** The p90's rank among the edge's kept durations. */
  p90KeptRank: Int32Array;
  /** Edge e's kept durations go to [offset[e], offset[e + 1]). */
  offset: Int32Array;
  /** 1 for the histogram cells whose durations pass 2 keeps. */
  keepCell: Uint8Array;
}

/** Reads the layout off the (summed) histogram. */
export function quantileLayout(histogram: Int32Array, a: number): QuantileLayout {
  const edges = a * a;
  const layout: QuantileLayout = {
    edgeCount: new Int32Array(edges),
    firstBucket: new Int32Array(edges),
    lastBucket: new Int32Array(edges).fill(-1),
    p90Bucket: new Int32Array(edges).fill(-1),
    rankBase: new Int32Array(edges),
    p90KeptRank: new Int32Array(edges),
    offset: new Int32Array(edges + 1),
    keepCell: new Uint8Array(edges * BUCKETS),
  };
  for (let e = 0; e < edges; e++) {
    const cells = e * BUCKETS;
    let n = 0;
    for (let b = 0; b < BUCKETS; b++) n += histogram[cells + b];
    layout.edgeCount[e] = n;
    let kept = 0;
    if (n > 0) {
      let below = 0;
      let b = 0;
      while (below + histogram[cells + b] <= (n - 1) >> 1) below += histogram[cells + b++];
      layout.firstBucket[e] = b;
      layout.rankBase[e] = below;
      let through = below + histogram[cells + b];
      while (through <= n >> 1) through += histogram[cells + ++b];
      layout.lastBucket[e] = b;
      kept = through - below;
      for (let k = layout.firstBucket[e]; k <= b; k++) layout.keepCell[cells + k] = 1;
      const p90Rank = nearestRank(n, P90); // ≥ n >> 1: at or after the last median bucket
      while (through <= p90Rank) through += histogram[cells + ++b];
      layout.p90Bucket[e] = b;
      if (b === layout.lastBucket[e]) {
        layout.p90KeptRank[e] = p90Rank - below;
      } else {
        // After the kept median buckets come the p90 bucket's durations, from rank through − its count.
        layout.p90KeptRank[e] = kept + p90Rank - (through - histogram[cells + b]);
        kept += histogram[cells + b];
        layout.keepCell[cells + b] = 1;
      }
    }
    layout.offset[e + 1] = layout.offset[e] + kept;
  }
  return layout;
}

/** How many durations a part (with its own histogram) keeps per edge: to place parts side by side. */
export function keptPerEdge(histogram: Int32Array, layout: QuantileLayout): Int32Array {
  const edges = layout.edgeCount.length;
  const kept = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    for (let b = layout.firstBucket[e]; b <= layout.lastBucket[e]; b++) kept[e] += histogram[e * BUCKETS + b];
    if (layout.p90Bucket[e] > layout.lastBucket[e]) kept[e] += histogram[e * BUCKETS + layout.p90Bucket[e]];
  }
  return kept;
}

/** Pass 2 over customers [runFrom, runTo): durations in their edge's kept buckets go to kept[fill[edge]++]. */
export function keepQuantileSteps(
  rows: SortedRows,
  runFrom: number,
  runTo: number,
  layout: QuantileLayout,
  stepCell: Int32Array,
  fill: Int32Array,
  kept: Float64Array,
): void {
  const { timestampMs, runStart } = rows;
  const { keepCell } = layout;
  const end = runStart[runTo];
  for (let i = runStart[runFrom]; i < end; i++) {
    const cell = stepCell[i];
    if (cell >= 0 && keepCell[cell] === 1) kept[fill[cell >>> BUCKET_BITS]++] = timestampMs[i] - timestampMs[i - 1];
  }
}

/**
 * The median and p90 of each edge from its kept durations, in one selection: the p90 is
 * sought only right of the median, where the median's selection left the larger values.
 */
export function selectQuantiles(layout: QuantileLayout, kept: Float64Array): EdgeQuantiles {
  const { edgeCount, offset, rankBase, p90KeptRank } = layout;
  const medianMs = new Float64Array(edgeCount.length).fill(Number.NaN);
  const p90Ms = new Float64Array(edgeCount.length).fill(Number.NaN);
  for (let e = 0; e < edgeCount.length; e++) {
    const n = edgeCount[e];
    if (n === 0) continue;
    const upper = (n >> 1) - rankBase[e];
    medianMs[e] = middleOfSlice(kept, offset[e], offset[e + 1], ((n - 1) >> 1) - rankBase[e], upper);
    p90Ms[e] = selectAbove(kept, offset[e], offset[e + 1], upper, p90KeptRank[e]);
  }
  return { medianMs, p90Ms };
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

let scratch = new Float64Array(0);
let cellScratch = new Int32Array(0);

function scratchCells(length: number): Int32Array {
  if (cellScratch.length < length) cellScratch = new Int32Array(Math.ceil(length * 1.25));
  return cellScratch;
}

/** A reused buffer: a report on 10M events would otherwise allocate up to 80 MB each time. */
function scratchDurations(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.ceil(length * 1.25));
  return scratch;
}
