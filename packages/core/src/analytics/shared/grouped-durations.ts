import { DurationColumn, type DurationSlice } from './duration-column.ts';
import { type TimeStats, timeStatsOf } from './time-stats.ts';

/**
 * Durations per (group, step) cell, `[g * stepCount + s]`: each cell the columns collected
 * for it (one per part of the customers a kernel was split into). Plain data, so a worker
 * thread can send its part back.
 */
export type DurationCells = DurationSlice[][];

/** Collects durations per (group, step) cell, one column per cell. */
export class GroupedDurations {
  private readonly columns: DurationColumn[];

  /**
   * `customers`: at most how many durations one step can get (each customer adds at most one
   * per step). Without groups the columns start that large, so they never grow; grouped, they
   * start small. Columns are scratch memory (see scratch-memory.ts): read them before the
   * runner's lease closes.
   */
  constructor(
    readonly groupCount: number,
    readonly stepCount: number,
    customers: number,
  ) {
    const capacity = groupCount === 1 ? customers : Math.min(customers, 1 << 12);
    this.columns = Array.from({ length: groupCount * stepCount }, () => new DurationColumn(capacity));
  }

  /** A duration in milliseconds (reported in seconds). */
  add(group: number, step: number, ms: number): void {
    (this.columns[group * this.stepCount + step] as DurationColumn).push(ms);
  }

  cells(): DurationCells {
    return this.columns.map((column) => [column.slice()]);
  }
}

/** The cells of several parts together (parts in customer order). */
export function mergeDurationCells(parts: readonly DurationCells[]): DurationCells {
  const first = parts[0] ?? [];
  return first.map((_, cell) => parts.flatMap((part) => part[cell] ?? []));
}

/** Stats per step over all groups, then (when asked) per group and step (`byGroup[g][s]`). */
export function summariseDurations(
  cells: DurationCells,
  groupCount: number,
  stepCount: number,
  perGroup: boolean,
): { total: TimeStats[]; byGroup: TimeStats[][] } {
  const cell = (g: number, s: number): DurationSlice[] => cells[g * stepCount + s] ?? [];
  const total = Array.from({ length: stepCount }, (_, s) =>
    timeStatsOf(Array.from({ length: groupCount }, (_, g) => cell(g, s)).flat()),
  );
  const byGroup = perGroup
    ? Array.from({ length: groupCount }, (_, g) => Array.from({ length: stepCount }, (_, s) => timeStatsOf(cell(g, s))))
    : [];
  return { total, byGroup };
}
