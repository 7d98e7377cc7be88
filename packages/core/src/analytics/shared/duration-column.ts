import {
  BIN_EDGES,
  BIN_OF_BUCKET,
  BUCKET_COUNT,
  binOfMs,
  bucketOfMs,
  locateRank,
  quantileRanks,
} from './duration-buckets.ts';
import { scratchFloat64, scratchUint16 } from './scratch-memory.ts';

/**
 * Durations in milliseconds, values[0, length), summarised as they arrive: each value's
 * bucket (see duration-buckets.ts), how many fall in each bucket, and, for the few buckets a
 * histogram bin edge cuts, how many fall in each bin. A quantile then reads only the bucket
 * ids to find the values of the one bucket it needs, and the histogram reads no values.
 *
 * When collection ends, the collecting thread also sets aside the values of the buckets
 * around the column's own median and p90 (see {@link NearValues}): the report's quantiles,
 * over every part, usually fall in those same buckets, so the thread that finishes the
 * report copies them instead of scanning every part's column (both cores share that scan).
 */
export interface DurationSlice {
  readonly values: Float64Array;
  readonly buckets: Uint16Array;
  readonly length: number;
  /** Per bucket, how many values. */
  readonly counts: Int32Array;
  /** Per histogram bin, how many values of the buckets a bin edge cuts (BIN_OF_BUCKET -1). */
  readonly cutBins: Int32Array;
  /** The values of the buckets near the column's own quantiles (null when empty). */
  readonly near: NearValues | null;
}

/** Values of a few buckets, set aside by bucket: bucket `buckets[k]`'s at values[start[k], start[k + 1]). */
export interface NearValues {
  /** Ascending, each with values in the column. */
  buckets: number[];
  start: number[];
  values: Float64Array;
}

/** How many buckets either side of a column's own quantile buckets it sets aside. */
const NEAR_BUCKETS = 1;

/** A growable column of durations, in scratch memory (read it before the runner's lease closes). */
export class DurationColumn {
  length = 0;
  readonly counts = new Int32Array(BUCKET_COUNT);
  readonly cutBins = new Int32Array(BIN_EDGES.length);
  values: Float64Array;
  buckets: Uint16Array;

  constructor(capacity: number) {
    this.values = scratchFloat64(Math.max(1, capacity));
    this.buckets = scratchUint16(Math.max(1, capacity));
  }

  push(ms: number): void {
    if (this.length === this.values.length) this.grow();
    const b = bucketOfMs(ms);
    this.values[this.length] = ms;
    this.buckets[this.length++] = b;
    this.counts[b]++;
    if ((BIN_OF_BUCKET[b] as number) < 0) this.cutBins[binOfMs(ms)]++;
  }

  /** The column as plain data (what a worker thread sends back), with its near values set aside. */
  slice(): DurationSlice {
    const { values, buckets, length, counts, cutBins } = this;
    return { values, buckets, length, counts, cutBins, near: nearValues(this) };
  }

  private grow(): void {
    const values = scratchFloat64(this.length * 2);
    const buckets = scratchUint16(this.length * 2);
    values.set(this.values);
    buckets.set(this.buckets);
    this.values = values;
    this.buckets = buckets;
  }
}

/** Sets aside the values of the buckets within NEAR_BUCKETS of the column's own quantile buckets. */
function nearValues(column: DurationColumn): NearValues | null {
  const { counts, length } = column;
  if (length === 0) return null;
  const chosen = new Set<number>();
  for (const rank of quantileRanks(length)) {
    const { bucket } = locateRank(counts, rank);
    for (let b = Math.max(0, bucket - NEAR_BUCKETS); b <= Math.min(BUCKET_COUNT - 1, bucket + NEAR_BUCKETS); b++) {
      if ((counts[b] as number) > 0) chosen.add(b);
    }
  }
  const buckets = [...chosen].sort((a, b) => a - b);
  const slotOf = new Int8Array(BUCKET_COUNT);
  const start = [0];
  buckets.forEach((b, k) => {
    slotOf[b] = k + 1;
    start.push((start[k] as number) + (counts[b] as number));
  });
  const values = scratchFloat64(start[buckets.length] as number);
  copyBySlot(column.values, column.buckets, length, slotOf, Int32Array.from(start), values);
  return { buckets, start, values };
}

/** Copies each value whose bucket has a slot (1 + k) to the next place of slot k. */
function copyBySlot(
  values: Float64Array,
  buckets: Uint16Array,
  length: number,
  slotOf: Int8Array,
  next: Int32Array,
  out: Float64Array,
): void {
  for (let i = 0; i < length; i++) {
    const k = slotOf[buckets[i] as number] as number;
    if (k === 0) continue;
    out[(next[k - 1] as number)++] = values[i] as number;
  }
}
