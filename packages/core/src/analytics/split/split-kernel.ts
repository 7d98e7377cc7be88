import type { SortedRows } from '../../journey-index/sort.ts';

/**
 * A report kernel that can run over part of the customers, so both cores can share one report.
 * `collect` walks customers [runFrom, runTo) into a part; `merge` adds parts up (given in
 * customer order); `finish` turns the sum into the report. Inputs and parts are plain data —
 * numbers, strings, arrays and typed arrays, the big ones on shared memory — which is what a
 * worker thread can receive and send back. A part's big per-customer columns live in the
 * collecting thread's scratch memory (shared; see scratch-memory.ts), read by `finish` before
 * the runner's lease closes. Split or whole, the report is the same.
 */
export interface SplitKernel<Input, Part, Report> {
  collect(rows: SortedRows, input: Input, runFrom: number, runTo: number): Part;
  merge(parts: readonly Part[]): Part;
  finish(rows: SortedRows, input: Input, part: Part): Report;
}

/** The kernel over every customer, on this thread. */
export function runWhole<Input, Part, Report>(
  kernel: SplitKernel<Input, Part, Report>,
  rows: SortedRows,
  input: Input,
): Report {
  return kernel.finish(rows, input, kernel.collect(rows, input, 0, rows.runCount));
}

/** Element-wise sum of count arrays of equal length. */
export function sumCounts(parts: readonly Int32Array[]): Int32Array {
  const sum = new Int32Array(parts[0]?.length ?? 0);
  for (const part of parts) for (let i = 0; i < sum.length; i++) sum[i] += part[i] as number;
  return sum;
}
