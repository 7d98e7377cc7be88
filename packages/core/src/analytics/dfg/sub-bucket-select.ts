import { middleOfSlice } from '../shared/order.ts';

/** How many sub-buckets a slice is counted into. */
const SUB_BUCKETS = 256;
/** Below this many values a plain selection is as quick as counting sub-buckets first. */
const SUB_SELECT_MIN = 4096;
const subCounts = new Int32Array(SUB_BUCKETS);

/**
 * The mean of the values of rank `lowerRank` and `upperRank` (equal or adjacent) in
 * values[start, end), all of them in [from, from + SUB_BUCKETS / scale): counts them into
 * sub-buckets of width 1 / scale first and selects only among the one or two sub-buckets that
 * hold those ranks — two cheap passes instead of a selection among all of them. Overwrites
 * the slice.
 */
export function middleOfNarrowSlice(
  values: Float64Array,
  start: number,
  end: number,
  from: number,
  scale: number,
  lowerRank: number,
  upperRank: number,
): number {
  if (end - start < SUB_SELECT_MIN) return middleOfSlice(values, start, end, lowerRank, upperRank);
  subCounts.fill(0);
  for (let i = start; i < end; i++) subCounts[((values[i] - from) * scale) | 0]++;
  let below = 0;
  let first = 0;
  while (below + subCounts[first] <= lowerRank) below += subCounts[first++];
  let last = first;
  let through = below + subCounts[first];
  while (through <= upperRank) through += subCounts[++last];
  let kept = start;
  for (let i = start; i < end; i++) {
    const sub = ((values[i] - from) * scale) | 0;
    if (sub >= first && sub <= last) values[kept++] = values[i];
  }
  return middleOfSlice(values, start, kept, lowerRank - below, upperRank - below);
}
