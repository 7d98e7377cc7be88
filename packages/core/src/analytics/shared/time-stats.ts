import { BUCKET_COUNT, bucketLowerMs, bucketOfMs, locateRank } from './duration-buckets.ts';
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

/** Durations in milliseconds, values[0, length), with how many fall in each bucket (see duration-buckets.ts). */
export interface DurationSlice {
  readonly values: Float64Array;
  readonly length: number;
  readonly counts: Int32Array;
}

/** Bins a person reads at a glance, from seconds to months (upper edges in seconds). */
const BIN_EDGES: ReadonlyArray<readonly [string, number]> = [
  ['< 1 min', 60],
  ['1–10 min', 600],
  ['10–60 min', 3600],
  ['1–6 h', 6 * 3600],
  ['6–24 h', 86_400],
  ['1–7 d', 7 * 86_400],
  ['7–30 d', 30 * 86_400],
  ['≥ 30 d', Number.POSITIVE_INFINITY],
];

const UPPER_EDGES_MS = Float64Array.from(BIN_EDGES.map(([, to]) => to * 1000));

function binOf(ms: number): number {
  let bin = 0;
  while (ms >= (UPPER_EDGES_MS[bin] as number)) bin++;
  return bin;
}

/** Per duration bucket: the histogram bin all its values fall in, or -1 when a bin edge cuts it. */
const BIN_OF_BUCKET = Int8Array.from({ length: BUCKET_COUNT }, (_, b) => {
  const bin = binOf(bucketLowerMs(b));
  return bucketLowerMs(b + 1) <= (UPPER_EDGES_MS[bin] as number) ? bin : -1;
});

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
  const ranks = [(n - 1) >> 1, n >> 1, Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1))];
  const located = ranks.map((rank) => locateRank(counts, rank));
  // Per bucket: 1 + the slot keeping its values (0: none), or -1 when only its bin is counted.
  const want = new Int8Array(BUCKET_COUNT);
  const kept: Float64Array[] = [];
  const fill: number[] = [];
  for (const { bucket } of located) {
    if (want[bucket] !== 0) continue;
    kept.push(new Float64Array(counts[bucket] as number));
    fill.push(0);
    want[bucket] = kept.length;
  }
  for (let b = 0; b < BUCKET_COUNT; b++) {
    const bin = BIN_OF_BUCKET[b] as number;
    if (bin >= 0) bins[bin] += counts[b] as number;
    else if ((counts[b] as number) > 0 && want[b] === 0) want[b] = -1;
  }

  for (const { values, length } of columns) {
    for (let i = 0; i < length; i++) {
      const v = values[i] as number;
      const b = bucketOfMs(v);
      const w = want[b] as number;
      if (w === 0) continue;
      if (w > 0) (kept[w - 1] as Float64Array)[(fill[w - 1] as number)++] = v;
      if (BIN_OF_BUCKET[b] === -1) bins[binOf(v)]++;
    }
  }
  const [lower, upper, p90] = located.map(({ bucket, within }) => {
    const values = kept[(want[bucket] as number) - 1] as Float64Array;
    return kthOfSlice(values, 0, values.length, within);
  }) as [number, number, number];
  return summary(n, (lower + upper) / 2 / 1000, p90 / 1000, bins);
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
