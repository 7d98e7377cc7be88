/** Code-unit string order: the same on every machine and locale (reports sort with it). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Median of values[start, end) (sorts that slice in place); mean of the middle two when even. */
export function medianOfSlice(values: Float64Array, start: number, end: number): number {
  const slice = values.subarray(start, end);
  slice.sort();
  const mid = slice.length >> 1;
  return slice.length % 2 === 1 ? slice[mid] : (slice[mid - 1] + slice[mid]) / 2;
}
