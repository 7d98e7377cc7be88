/**
 * Durations in milliseconds bucketed by magnitude: the bucket of a duration is its whole
 * milliseconds' binary exponent and the next four bits (a sixteenth of a doubling), so bucket
 * order is value order. Columns count their buckets as values arrive; a quantile's rank then
 * points at one bucket, and only that bucket's values are selected among. Quantiles stay
 * exact, and the values are read once after collection, where sorting or quickselect over
 * millions of them reads them many times.
 */

/** Bucket 0: below 1 ms (and anything not a positive number); the last: 2^32 ms (49.7 days) and more. */
export const BUCKET_COUNT = 514;
const OVERFLOW_MS = 2 ** 32;

/** The bucket of a duration in milliseconds. */
export function bucketOfMs(ms: number): number {
  if (!(ms >= 1)) return 0;
  if (ms >= OVERFLOW_MS) return BUCKET_COUNT - 1;
  const whole = ms >>> 0;
  const lead = Math.clz32(whole);
  return 1 + ((31 - lead) << 4) + ((whole << (lead + 1)) >>> 28);
}

/** The smallest duration (ms) of bucket b, for b ≥ 17 (below it buckets are finer than whole milliseconds). */
export function bucketLowerMs(b: number): number {
  if (b <= 0) return Number.NEGATIVE_INFINITY;
  if (b >= BUCKET_COUNT - 1) return b === BUCKET_COUNT - 1 ? OVERFLOW_MS : Number.POSITIVE_INFINITY;
  const exponent = (b - 1) >> 4;
  return 2 ** exponent * (1 + ((b - 1) & 15) / 16);
}

/** The ranks (0-based) a summary of n ≥ 1 values reads: the middle two (the median) and p90 by nearest rank. */
export function quantileRanks(n: number): [number, number, number] {
  return [(n - 1) >> 1, n >> 1, Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1))];
}

/** The bucket holding rank `rank` (0-based) of the counted values, and the rank within it. */
export function locateRank(counts: Int32Array, rank: number): { bucket: number; within: number } {
  let before = 0;
  for (let b = 0; b < counts.length; b++) {
    const here = counts[b] as number;
    if (rank < before + here) return { bucket: b, within: rank - before };
    before += here;
  }
  throw new RangeError(`rank ${rank} is beyond the ${before} counted values`);
}

/** Histogram bins a person reads at a glance, from seconds to months (label, upper edge in seconds). */
export const BIN_EDGES: ReadonlyArray<readonly [string, number]> = [
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

/** The histogram bin of a duration in milliseconds. */
export function binOfMs(ms: number): number {
  let bin = 0;
  while (ms >= (UPPER_EDGES_MS[bin] as number)) bin++;
  return bin;
}

/** Per bucket: the histogram bin all its values fall in, or -1 when a bin edge cuts it (then each value's bin is its own). */
export const BIN_OF_BUCKET = Int8Array.from({ length: BUCKET_COUNT }, (_, b) => {
  const bin = binOfMs(bucketLowerMs(b));
  return bucketLowerMs(b + 1) <= (UPPER_EDGES_MS[bin] as number) ? bin : -1;
});
