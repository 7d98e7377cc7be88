import { type TimeStats, timeStats } from './time-stats.ts';

/** A growable column of durations (seconds). */
class DurationColumn {
  values = new Float64Array(1 << 12);
  length = 0;

  push(seconds: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = seconds;
  }
}

/**
 * Durations collected per (group, step) cell — one column per cell, so summarising needs no
 * sort — and summarised per cell at the end (totals per step merge the groups' columns).
 */
export class GroupedDurations {
  private readonly columns: DurationColumn[];

  constructor(
    readonly groupCount: number,
    readonly stepCount: number,
  ) {
    this.columns = Array.from({ length: groupCount * stepCount }, () => new DurationColumn());
  }

  add(group: number, step: number, seconds: number): void {
    (this.columns[group * this.stepCount + step] as DurationColumn).push(seconds);
  }

  /** Stats per step over all groups, then (when asked) per group and step (`byGroup[g][s]`). */
  summarise(perGroup: boolean): { total: TimeStats[]; byGroup: TimeStats[][] } {
    const { groupCount, stepCount } = this;
    const cell = (g: number, s: number): DurationColumn => this.columns[g * stepCount + s] as DurationColumn;
    // Group stats first: timeStats reorders a column, which the totals' merge does not mind.
    const byGroup = perGroup
      ? Array.from({ length: groupCount }, (_, g) =>
          Array.from({ length: stepCount }, (_, s) => timeStats(cell(g, s).values, 0, cell(g, s).length)),
        )
      : [];
    const total = Array.from({ length: stepCount }, (_, s) => {
      if (groupCount === 1) return byGroup[0]?.[s] ?? timeStats(cell(0, s).values, 0, cell(0, s).length);
      let n = 0;
      for (let g = 0; g < groupCount; g++) n += cell(g, s).length;
      const merged = new Float64Array(n);
      let at = 0;
      for (let g = 0; g < groupCount; g++) {
        const column = cell(g, s);
        merged.set(column.values.subarray(0, column.length), at);
        at += column.length;
      }
      return timeStats(merged, 0, n);
    });
    return { total, byGroup };
  }
}
