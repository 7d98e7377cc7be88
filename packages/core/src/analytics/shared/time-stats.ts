import { medianOfSlice, quantileOfSlice } from './order.ts';

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

/** Bins a person reads at a glance, from seconds to months. */
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

const UPPER_EDGES = Float64Array.from(BIN_EDGES.map(([, to]) => to));

/**
 * Summarises the durations (in seconds) in values[start, end); reorders that slice. Linear
 * time: quickselect for the quantiles, fixed bins for the histogram.
 */
export function timeStats(values: Float64Array, start: number, end: number): TimeStats {
  const counts = new Int32Array(BIN_EDGES.length);
  const upper = UPPER_EDGES;
  for (let i = start; i < end; i++) {
    const seconds = values[i] as number;
    let bin = 0;
    while (seconds >= (upper[bin] as number)) bin++;
    counts[bin]++;
  }
  const n = end - start;
  const p90 = n === 0 ? null : quantileOfSlice(values, start, end, 0.9);
  const median = n === 0 ? null : medianOfSlice(values, start, end);
  return {
    count: n,
    medianSeconds: median,
    p90Seconds: p90,
    histogram: BIN_EDGES.map(([label, to], bin) => ({
      label,
      fromSeconds: bin === 0 ? 0 : (BIN_EDGES[bin - 1] as readonly [string, number])[1],
      toSeconds: Number.isFinite(to) ? to : null,
      count: counts[bin] as number,
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
