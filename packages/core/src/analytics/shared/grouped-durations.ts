import { type TimeStats, timeStats } from './time-stats.ts';

/** Durations collected per (group, step) cell, summarised per cell at the end. */
export class GroupedDurations {
  private seconds = new Float64Array(1024);
  private cell = new Int32Array(1024);
  private length = 0;

  constructor(
    readonly groupCount: number,
    readonly stepCount: number,
  ) {}

  add(group: number, step: number, seconds: number): void {
    if (this.length === this.seconds.length) {
      const seconds = new Float64Array(this.length * 2);
      seconds.set(this.seconds);
      this.seconds = seconds;
      const cell = new Int32Array(this.length * 2);
      cell.set(this.cell);
      this.cell = cell;
    }
    this.seconds[this.length] = seconds;
    this.cell[this.length++] = group * this.stepCount + step;
  }

  /** Stats per step over all groups, then (when asked) per group and step (`byGroup[g][s]`). */
  summarise(perGroup: boolean): { total: TimeStats[]; byGroup: TimeStats[][] } {
    const { groupCount, stepCount } = this;
    const cells = groupCount * stepCount;
    // Counting sort by step for the totals, then by cell for the groups.
    const byStep = this.bucketed(stepCount, (i) => (this.cell[i] as number) % stepCount);
    const total = Array.from({ length: stepCount }, (_, s) =>
      timeStats(byStep.values, byStep.offsets[s] as number, byStep.offsets[s + 1] as number),
    );
    if (!perGroup) return { total, byGroup: [] };
    const byCell = this.bucketed(cells, (i) => this.cell[i] as number);
    const byGroup = Array.from({ length: groupCount }, (_, g) =>
      Array.from({ length: stepCount }, (_, s) => {
        const c = g * stepCount + s;
        return timeStats(byCell.values, byCell.offsets[c] as number, byCell.offsets[c + 1] as number);
      }),
    );
    return { total, byGroup };
  }

  private bucketed(buckets: number, bucketOf: (i: number) => number): { values: Float64Array; offsets: Int32Array } {
    const offsets = new Int32Array(buckets + 1);
    for (let i = 0; i < this.length; i++) offsets[bucketOf(i) + 1]++;
    for (let b = 0; b < buckets; b++) offsets[b + 1] += offsets[b] as number;
    const next = offsets.slice(0, buckets);
    const values = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) values[next[bucketOf(i)]++] = this.seconds[i] as number;
    return { values, offsets };
  }
}
