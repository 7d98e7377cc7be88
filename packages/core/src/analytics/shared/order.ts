/** Code-unit string order: the same on every machine and locale (reports sort with it). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index in [from, to) of an ascending array whose value is at least `value` (`to` if none). */
export function lowerBound(sorted: ArrayLike<number>, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Median of values[start, end), the mean of the middle two when the count is even. Reorders
 * that slice in place (quickselect: linear on average, where a sort would be n log n).
 */
export function medianOfSlice(values: Float64Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0) return Number.NaN;
  return middleOfSlice(values, start, end, (n - 1) >> 1, n >> 1);
}

/**
 * The mean of the values of rank `lowerRank` and `upperRank` (0-based, upperRank = lowerRank
 * or lowerRank + 1) in values[start, end); reorders the slice.
 */
export function middleOfSlice(
  values: Float64Array,
  start: number,
  end: number,
  lowerRank: number,
  upperRank: number,
): number {
  const at = start + upperRank;
  const upper = selectInPlace(values, start, end - 1, at);
  if (lowerRank === upperRank) return upper;
  // After selection everything left of `at` is ≤ values[at]: the lower one is their maximum.
  let lower = values[start];
  for (let i = start + 1; i < at; i++) if (values[i] > lower) lower = values[i];
  return (lower + upper) / 2;
}

/**
 * The nearest-rank quantile q (0 < q ≤ 1) of values[start, end): the smallest value with at
 * least q of the values at or below it. Reorders that slice.
 */
export function quantileOfSlice(values: Float64Array, start: number, end: number, q: number): number {
  const n = end - start;
  if (n === 0) return Number.NaN;
  return selectInPlace(values, start, end - 1, start + nearestRank(n, q));
}

/** The 0-based rank of the nearest-rank quantile q of n values: ⌈q·n⌉ − 1, within [0, n − 1]. */
export function nearestRank(n: number, q: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
}

/**
 * The value of rank `rank` in values[start, end) once a selection (such as
 * {@link middleOfSlice}) has put the value of rank `placed` ≤ `rank` in place: only the part
 * right of it is searched, so a median and a higher quantile share one selection.
 */
export function selectAbove(values: Float64Array, start: number, end: number, placed: number, rank: number): number {
  if (rank === placed) return values[start + placed];
  return selectInPlace(values, start + placed + 1, end - 1, start + rank);
}

/** The value of rank k (0-based) in values[start, end). Reorders that slice. */
export function kthOfSlice(values: Float64Array, start: number, end: number, k: number): number {
  return selectInPlace(values, start, end - 1, start + k);
}

/** Hoare-style quickselect with median-of-three pivots: puts the k-th smallest at k and returns it. */
function selectInPlace(a: Float64Array, left: number, right: number, k: number): number {
  while (right > left) {
    if (right - left < 16) {
      for (let i = left + 1; i <= right; i++) {
        const v = a[i];
        let j = i - 1;
        while (j >= left && a[j] > v) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return a[k];
    }
    const m = (left + right) >> 1;
    if (a[m] < a[left]) swap(a, m, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[m]) swap(a, right, m);
    const pivot = a[m];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
