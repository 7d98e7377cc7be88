import { sharedArray } from '../../journey-index/shared-memory.ts';
import type { SortedRows } from '../../journey-index/sort.ts';

/**
 * The rows of each activity, in row order (so by customer, then time): activity a's rows are
 * `rows[offsets[a], offsets[a + 1])`. A report keyed on one rare event walks its rows instead
 * of every row. On shared memory, for worker threads; 4 bytes per event.
 */
export interface ActivityPostings {
  offsets: Int32Array;
  rows: Int32Array;
}

/** Builds the postings with a counting sort by activity (two passes over the rows). */
export function activityPostings(rows: SortedRows, activityCount: number): ActivityPostings {
  const offsets = sharedArray(Int32Array, activityCount + 1);
  const { activity, length } = rows;
  for (let row = 0; row < length; row++) offsets[(activity[row] as number) + 1]++;
  for (let a = 0; a < activityCount; a++) offsets[a + 1] += offsets[a] as number;
  const next = offsets.slice(0, activityCount);
  const postings = sharedArray(Int32Array, length);
  for (let row = 0; row < length; row++) postings[next[activity[row] as number]++] = row;
  return { offsets, rows: postings };
}

/** The one activity a matcher can match, or -1 when it can match several (or none). */
export function singleActivity(activityOk: Uint8Array): number {
  let found = -1;
  for (let a = 0; a < activityOk.length; a++) {
    if (activityOk[a] !== 1) continue;
    if (found >= 0) return -1;
    found = a;
  }
  return found;
}
