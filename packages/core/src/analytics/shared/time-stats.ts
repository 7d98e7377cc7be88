import { BIN_EDGES, BIN_OF_BUCKET, BUCKET_COUNT, locateRank, quantileRanks } from './duration-buckets.ts';
import type { DurationSlice } from './duration-column.ts';
import { kthOfSlice } from './order.ts';

/** Durations summarised: how many, median, p90 (nearest rank) and a histogram. */
export interface TimeStats {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  histogram: HistogramBin[];
}

export interface HistogramBin {
  label: string;
  /** Seconds: fromSeconds ≤ duration < toSeconds (toSeconds null = no upper bound). */
  fromSeconds: number;
  toSeconds: number | null;
  count: number;
}

/**
 * Summarises the durations (milliseconds) of several columns taken together, in seconds,
 * without changing them. Exact: the median is the mean of the middle two for an even count,
 * p90 the nearest rank (the smallest value with at least 90% at or below it).
 */
export function timeStatsOf(columns: readonly DurationSlice[]): TimeStats {
  const counts = new Int32Array(BUCKET_COUNT);
  let n = 0;
  for (const column of columns) {
    for (let b = 0; b < BUCKET_COUNT; b++) counts[b] += column.counts[b] as number;
    n += column.length;
  }
  const bins = new Float64Array(BIN_EDGES.length);
  if (n === 0) return summary(0, null, null, bins);

  // The buckets of the three ranks (the middle two and p90) keep their values for selection.
  const located = quantileRanks(n).map((rank) => locateRank(counts, rank));
  // Per bucket: 1 + the slot keeping its values (0: none).
  const want = new Int8Array(BUCKET_COUNT);
  const kept: Float64Array[] = [];
  const fill: number[] = [];
  const wanted: number[] = [];
  for (const { bucket } of located) {
    if (want[bucket] !== 0) continue;
    kept.push(new Float64Array(counts[bucket] as number));
    fill.push(0);
    wanted.push(bucket);
    want[bucket] = kept.length;
  }
  for (let b = 0; b < BUCKET_COUNT; b++) {
    const bin = BIN_OF_BUCKET[b] as number;
    if (bin >= 0) bins[bin] += counts[b] as number;
  }

  for (const column of columns) {
    for (let bin = 0; bin < bins.length; bin++) bins[bin] += column.cutBins[bin] as number;
    if (!keepNear(column, wanted, kept, fill)) keepWanted(column, want, kept, fill);
  }
  const [lower, upper, p90] = located.map(({ bucket, within }) => {
    const values = kept[(want[bucket] as number) - 1] as Float64Array;
    return kthOfSlice(values, 0, values.length, within);
  }) as [number, number, number];
  return summary(n, (lower + upper) / 2 / 1000, p90 / 1000, bins);
}

/**
 * Copies the column's values of the wanted buckets (`wanted[k]` into slot k) from those it set
 * aside, when it set aside every wanted bucket it has values in; false (nothing copied) if not.
 */
function keepNear(column: DurationSlice, wanted: readonly number[], kept: Float64Array[], fill: number[]): boolean {
  const near = column.near;
  if (near === null) return column.length === 0;
  const at = wanted.map((bucket) => near.buckets.indexOf(bucket));
  if (wanted.some((bucket, k) => at[k] === -1 && (column.counts[bucket] as number) > 0)) return false;
  at.forEach((index, k) => {
    if (index === -1) return;
    const from = near.start[index] as number;
    const to = near.start[index + 1] as number;
    (kept[k] as Float64Array).set(near.values.subarray(from, to), fill[k]);
    fill[k] = (fill[k] as number) + to - from;
  });
  return true;
}

/**
 * Copies the column's values of the wanted buckets into their slots, scanning its bucket ids.
 * A function of its own, so its loop stays optimised whatever shape the column objects have
 * (a worker's part arrives as cloned objects).
 */
function keepWanted(column: DurationSlice, want: Int8Array, kept: Float64Array[], fill: number[]): void {
  const { values, buckets, length } = column;
  for (let i = 0; i < length; i++) {
    const w = want[buckets[i] as number] as number;
    if (w === 0) continue;
    (kept[w - 1] as Float64Array)[(fill[w - 1] as number)++] = values[i] as number;
  }
}

function summary(count: number, median: number | null, p90: number | null, bins: Float64Array): TimeStats {
  return {
    count,
    medianSeconds: median,
    p90Seconds: p90,
    histogram: BIN_EDGES.map(([label, to], bin) => ({
      label,
      fromSeconds: bin === 0 ? 0 : (BIN_EDGES[bin - 1] as readonly [string, number])[1],
      toSeconds: Number.isFinite(to) ? to : null,
      count: bins[bin] as number,
    })),
  };
}

/** A rate with the counts it comes from (KPIS.md: store counts, compute rates on read). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, null when the denominator is 0. */
  rate: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
