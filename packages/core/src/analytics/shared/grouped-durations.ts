import { type TimeStats, timeStats } from './time-stats.ts';

/** Durations collected per (group, step) cell, summarised per cell at the end. */
export class GroupedDurations {
  private seconds = new Float64Array(1 << 16);
  private cell = new Int32Array(1 << 16);
  private length = 0;

  constructor(
    readonly groupCount: number,
    readonly stepCount: number,
  ) {}

  add(group: number, step: number, seconds: number): void {
    const i = this.length;
    if (i === this.seconds.length) this.grow();
    this.seconds[i] = seconds;
    this.cell[i] = group * this.stepCount + step;
    this.length = i + 1;
  }

  /** Stats per step over all groups, then (when asked) per group and step (`byGroup[g][s]`). */
  summarise(perGroup: boolean): { total: TimeStats[]; byGroup: TimeStats[][] } {
    const { groupCount, stepCount } = this;
    const byCell = this.bucketed(groupCount * stepCount, this.cell);
    const stats = (sorted: { values: Float64Array; offsets: Int32Array }, bucket: number): TimeStats =>
      timeStats(sorted.values, sorted.offsets[bucket] as number, sorted.offsets[bucket + 1] as number);
    if (!perGroup || groupCount === 1) {
      // One group: cells are steps. Several groups without a breakdown do not occur.
      const total = Array.from({ length: stepCount }, (_, s) =>
        groupCount === 1 ? stats(byCell, s) : this.stepStats(s),
      );
      return { total, byGroup: perGroup ? [total] : [] };
    }
    const total = Array.from({ length: stepCount }, (_, s) => this.stepStats(s));
    const byGroup = Array.from({ length: groupCount }, (_, g) =>
      Array.from({ length: stepCount }, (_, s) => stats(byCell, g * stepCount + s)),
    );
    return { total, byGroup };
  }

  private stepStats(step: number): TimeStats {
    let n = 0;
    for (let i = 0; i < this.length; i++) if ((this.cell[i] as number) % this.stepCount === step) n++;
    const values = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < this.length; i++) {
      if ((this.cell[i] as number) % this.stepCount === step) values[k++] = this.seconds[i] as number;
    }
    return timeStats(values, 0, n);
  }

  /** Counting sort of the durations by bucket. */
  private bucketed(buckets: number, bucketOf: Int32Array): { values: Float64Array; offsets: Int32Array } {
    const n = this.length;
    const offsets = new Int32Array(buckets + 1);
    for (let i = 0; i < n; i++) offsets[(bucketOf[i] as number) + 1]++;
    for (let b = 0; b < buckets; b++) offsets[b + 1] += offsets[b] as number;
    const next = offsets.slice(0, buckets);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[next[bucketOf[i] as number]++] = this.seconds[i] as number;
    return { values, offsets };
  }

  private grow(): void {
    const seconds = new Float64Array(this.seconds.length * 2);
    seconds.set(this.seconds);
    this.seconds = seconds;
    const cell = new Int32Array(this.cell.length * 2);
    cell.set(this.cell);
    this.cell = cell;
  }
}
