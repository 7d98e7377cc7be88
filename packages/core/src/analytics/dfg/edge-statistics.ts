/** The share of durations at or below an edge's `p90Ms` (nearest rank). */
export const P90 = 0.9;

/**
 * The directly-follows edges that occur: activity codes, how often, and the exact median and
 * p90 durations (ms).
 */
export interface EdgeStatistics {
  length: number;
  from: Int32Array;
  to: Int32Array;
  count: Int32Array;
  medianMs: Float64Array;
  p90Ms: Float64Array;
}

/** Per-edge durations (index `from * a + to`; NaN where an edge never occurs). */
export interface EdgeQuantiles {
  medianMs: Float64Array;
  p90Ms: Float64Array;
}

let scratch = new Float64Array(0);
let cellScratch = new Int32Array(0);

/** A reused buffer for the histogram cell of each step. */
export function scratchCells(length: number): Int32Array {
  if (cellScratch.length < length) cellScratch = new Int32Array(Math.ceil(length * 1.25));
  return cellScratch;
}

/** A reused buffer: a report on 10M events would otherwise allocate up to 80 MB each time. */
export function scratchDurations(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.ceil(length * 1.25));
  return scratch;
}
