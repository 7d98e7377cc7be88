import { BIN_EDGES, BIN_OF_BUCKET, BUCKET_COUNT, binOfMs, bucketOfMs } from './duration-buckets.ts';
import { scratchFloat64, scratchUint16 } from './scratch-memory.ts';

/**
 * Durations in milliseconds, values[0, length), summarised as they arrive: each value's
 * bucket (see duration-buckets.ts), how many fall in each bucket, and, for the few buckets a
 * histogram bin edge cuts, how many fall in each bin. A quantile then reads only the bucket
 * ids to find the values of the one bucket it needs, and the histogram reads no values.
 */
export interface DurationSlice {
  readonly values: Float64Array;
  readonly buckets: Uint16Array;
  readonly length: number;
  /** Per bucket, how many values. */
  readonly counts: Int32Array;
  /** Per histogram bin, how many values of the buckets a bin edge cuts (BIN_OF_BUCKET -1). */
  readonly cutBins: Int32Array;
}

/** A growable column of durations, in scratch memory (read it before the runner's lease closes). */
export class DurationColumn implements DurationSlice {
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

  /** The column as plain data (what a worker thread sends back). */
  slice(): DurationSlice {
    const { values, buckets, length, counts, cutBins } = this;
    return { values, buckets, length, counts, cutBins };
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
