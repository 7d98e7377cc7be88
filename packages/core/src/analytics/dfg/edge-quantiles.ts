import type { SortedRows } from '../../journey-index/sort.ts';
import { middleOfSlice, nearestRank, selectAbove } from '../shared/order.ts';
import { type EdgeQuantiles, type EdgeStatistics, P90, scratchCells, scratchDurations } from './edge-statistics.ts';
import { statisticsKeepingAll } from './keep-all.ts';
import { middleOfNarrowSlice } from './sub-bucket-select.ts';

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

/**
 * Sub-buckets of bucket b (not the first or last, which take everything below and above):
 * b holds [2^e · (1 + q/4), 2^e · (1 + (q+1)/4)) for its exponent e and quarter q, and
 * (d − start) · scale splits it into 256 in order (the next 8 mantissa bits). Exact: the
 * difference lies within one octave and the scale is a power of two.
 */
function bucketStart(bucket: number): number {
  return 2 ** (((bucket + BUCKET_BASE) >> 2) - 1023) * (1 + ((bucket + BUCKET_BASE) & 3) / 4);
}
function subBucketScale(bucket: number): number {
  return 2 ** (8 + 2 - (((bucket + BUCKET_BASE) >> 2) - 1023));
}

/** The mean of two adjacent ranks among values[start, end), all in one bucket; overwrites the slice. */
function middleInBucket(
  values: Float64Array,
  start: number,
  end: number,
  bucket: number,
  lowerRank: number,
  upperRank: number,
): number {
  if (bucket === 0 || bucket === BUCKETS - 1) return middleOfSlice(values, start, end, lowerRank, upperRank);
  return middleOfNarrowSlice(values, start, end, bucketStart(bucket), subBucketScale(bucket), lowerRank, upperRank);
}

/** Histograms above this many cells would not stay in cache: then every duration is kept. */
const MAX_HISTOGRAM_CELLS = 1 << 22;

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
  const slots = 2 * a * a;
  const kept = scratchDurations(layout.slotStart[slots]);
  keepQuantileSteps(rows, 0, rows.runCount, layout, stepCell, layout.slotStart.slice(0, slots), kept);
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
 * Where each edge's median and p90 ranks lie, and where its kept durations go. Each edge has
 * two slots of kept durations: slot 2e the durations of its median buckets [firstBucket,
 * lastBucket], slot 2e + 1 those of its p90 bucket when that lies after lastBucket (else the
 * slot is empty and the p90 is among the median's). Buckets are ordered by duration, so a
 * rank within a slot is the edge's rank less the durations below the slot's first bucket.
 */
export interface QuantileLayout {
  edgeCount: Int32Array;
  firstBucket: Int32Array;
  lastBucket: Int32Array;
  p90Bucket: Int32Array;
  /** How many of the edge's durations fall below its first median bucket. */
  rankBase: Int32Array;
  /** The p90's rank within its slot. */
  p90SlotRank: Int32Array;
  /** Slot s's kept durations go to [slotStart[s], slotStart[s + 1]). */
  slotStart: Int32Array;
  /** For each histogram cell: the slot its durations go to in pass 2, or -1 to skip them. */
  slotOfCell: Int32Array;
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
    p90SlotRank: new Int32Array(edges),
    slotStart: new Int32Array(2 * edges + 1),
    slotOfCell: new Int32Array(edges * BUCKETS).fill(-1),
  };
  const { slotStart, slotOfCell } = layout;
  for (let e = 0; e < edges; e++) {
    const cells = e * BUCKETS;
    let n = 0;
    for (let b = 0; b < BUCKETS; b++) n += histogram[cells + b];
    layout.edgeCount[e] = n;
    let medianKept = 0;
    let p90Kept = 0;
    if (n > 0) {
      let below = 0;
      let b = 0;
      while (below + histogram[cells + b] <= (n - 1) >> 1) below += histogram[cells + b++];
      layout.firstBucket[e] = b;
      layout.rankBase[e] = below;
      let through = below + histogram[cells + b];
      while (through <= n >> 1) through += histogram[cells + ++b];
      layout.lastBucket[e] = b;
      medianKept = through - below;
      for (let k = layout.firstBucket[e]; k <= b; k++) slotOfCell[cells + k] = 2 * e;
      const p90Rank = nearestRank(n, P90); // ≥ n >> 1: at or after the last median bucket
      while (through <= p90Rank) through += histogram[cells + ++b];
      layout.p90Bucket[e] = b;
      if (b === layout.lastBucket[e]) {
        layout.p90SlotRank[e] = p90Rank - below;
      } else {
        p90Kept = histogram[cells + b];
        layout.p90SlotRank[e] = p90Rank - (through - p90Kept);
        slotOfCell[cells + b] = 2 * e + 1;
      }
    }
    slotStart[2 * e + 1] = slotStart[2 * e] + medianKept;
    slotStart[2 * e + 2] = slotStart[2 * e + 1] + p90Kept;
  }
  return layout;
}

/** How many durations a part (with its own histogram) keeps per slot: to place parts side by side. */
export function keptPerSlot(histogram: Int32Array, layout: QuantileLayout): Int32Array {
  const { slotOfCell } = layout;
  const kept = new Int32Array(2 * layout.edgeCount.length);
  for (let cell = 0; cell < slotOfCell.length; cell++)
    if (slotOfCell[cell] >= 0) kept[slotOfCell[cell]] += histogram[cell];
  return kept;
}

/** Pass 2 over customers [runFrom, runTo): durations in kept cells go to kept[fill[slot]++]. */
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
  const { slotOfCell } = layout;
  const end = runStart[runTo];
  for (let i = runStart[runFrom]; i < end; i++) {
    const cell = stepCell[i];
    if (cell >= 0) {
      const slot = slotOfCell[cell];
      if (slot >= 0) kept[fill[slot]++] = timestampMs[i] - timestampMs[i - 1];
    }
  }
}

/**
 * The median and p90 of each edge from its kept durations: each in its own slot, narrowed to
 * sub-buckets first where a slot is one bucket; or, when the p90 shares the median's buckets,
 * right of the median after its selection.
 */
export function selectQuantiles(layout: QuantileLayout, kept: Float64Array): EdgeQuantiles {
  const { edgeCount, slotStart, rankBase, p90SlotRank, firstBucket, lastBucket, p90Bucket } = layout;
  const medianMs = new Float64Array(edgeCount.length).fill(Number.NaN);
  const p90Ms = new Float64Array(edgeCount.length).fill(Number.NaN);
  for (let e = 0; e < edgeCount.length; e++) {
    const n = edgeCount[e];
    if (n === 0) continue;
    const start = slotStart[2 * e];
    const p90Start = slotStart[2 * e + 1];
    const end = slotStart[2 * e + 2];
    const lower = ((n - 1) >> 1) - rankBase[e];
    const upper = (n >> 1) - rankBase[e];
    if (p90Start === end) {
      medianMs[e] = middleOfSlice(kept, start, p90Start, lower, upper);
      p90Ms[e] = selectAbove(kept, start, p90Start, upper, p90SlotRank[e]);
      continue;
    }
    medianMs[e] =
      firstBucket[e] === lastBucket[e]
        ? middleInBucket(kept, start, p90Start, firstBucket[e], lower, upper)
        : middleOfSlice(kept, start, p90Start, lower, upper);
    p90Ms[e] = middleInBucket(kept, p90Start, end, p90Bucket[e], p90SlotRank[e], p90SlotRank[e]);
  }
  return { medianMs, p90Ms };
}
