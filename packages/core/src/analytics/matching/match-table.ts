import type { SortedRows } from '../../journey-index/sort.ts';
import { CHANNEL_SLOTS, matchesRow, type RowMatcher } from './event-matcher.ts';

/**
 * Which of up to 31 matchers a row satisfies, as a bitmask, from one table read per row:
 * activity and channel decide matchers without predicates; only matchers with predicates on
 * the row's activity are evaluated.
 */
export interface MatchTable {
  /**
   * Bits of the predicate-free matchers that hold for (activity, channel):
   * `[activity * CHANNEL_SLOTS + channel]`, with the sign bit set where the activity has
   * matchers with predicates (negative entries: add {@link checkedBits} of `checked[activity]`).
   */
  plain: Int32Array;
  /** Bits of the matchers with predicates that could hold for an activity (evaluated per row). */
  checked: Int32Array;
  bits(rows: SortedRows, row: number): number;
  /** Of the matchers in `check` (bits of {@link checked}), those whose predicates hold for the row. */
  checkedBits(rows: SortedRows, row: number, check: number): number;
}

export const MAX_TABLE_MATCHERS = 31;
/** The matcher bits of a `plain` entry (without its sign bit). */
export const PLAIN_BITS = 0x7fffffff;

export function matchTable(matchers: readonly RowMatcher[], activityCount: number): MatchTable {
  if (matchers.length > MAX_TABLE_MATCHERS) throw new Error(`at most ${MAX_TABLE_MATCHERS} steps and exclusions`);
  const plain = new Int32Array(activityCount * CHANNEL_SLOTS);
  const checked = new Int32Array(activityCount);
  matchers.forEach((matcher, k) => {
    for (let a = 0; a < activityCount; a++) {
      if (matcher.activityOk[a] !== 1) continue;
      if (matcher.hasPredicates) {
        checked[a] |= 1 << k;
        continue;
      }
      for (let c = 0; c < CHANNEL_SLOTS; c++) if (matcher.channelOk[c] === 1) plain[a * CHANNEL_SLOTS + c] |= 1 << k;
    }
  });
  for (let a = 0; a < activityCount; a++) {
    if (checked[a] === 0) continue;
    for (let c = 0; c < CHANNEL_SLOTS; c++) plain[a * CHANNEL_SLOTS + c] |= 1 << 31;
  }
  const checkedBits = (rows: SortedRows, row: number, check: number): number => {
    let bits = 0;
    for (let left = check; left !== 0; ) {
      const k = 31 - Math.clz32(left);
      left &= ~(1 << k);
      if (matchesRow(matchers[k] as RowMatcher, rows, row)) bits |= 1 << k;
    }
    return bits;
  };
  return {
    plain,
    checked,
    checkedBits,
    bits(rows, row) {
      const activity = rows.activity[row] as number;
      const bits = plain[activity * CHANNEL_SLOTS + (rows.channel[row] as number)] as number;
      return bits >= 0 ? bits : (bits & PLAIN_BITS) | checkedBits(rows, row, checked[activity] as number);
    },
  };
}

/**
 * Whether matcher `k` holds for every row of an activity, whatever its channel: its bit is in
 * every plain entry of the activity (a matcher with predicates never is).
 */
export function matchesEveryRow(table: MatchTable, activity: number, k: number): boolean {
  for (let c = 0; c < CHANNEL_SLOTS; c++)
    if ((((table.plain[activity * CHANNEL_SLOTS + c] as number) >> k) & 1) === 0) return false;
  return true;
}
