import type { RowColumns } from './columns.ts';
import { sharedArray } from './shared-memory.ts';

/** The index's row layout: sorted by customer, then time, then arrival (`seq`). */
export interface SortedRows {
  length: number;
  customer: Int32Array;
  timestampMs: Float64Array;
  activity: Int32Array;
  channel: Uint8Array;
  seq: Float64Array;
  /** Event attribute codes by slot, in row order (-1 = absent). */
  attributes: Int32Array[];
  /** Run boundaries: customer k's rows are [runStart[k], runStart[k+1]). */
  runStart: Int32Array;
  runCount: number;
}

/**
 * Sorts rows by (customer, timestamp, seq) — into shared memory, for worker threads — in O(n) for typical journeys: a counting sort on
 * customer codes, then a per-customer sort on (timestamp, seq), which is insertion sort for
 * the short runs journeys have.
 */
export function sortRows(rows: RowColumns, customerCodeLimit: number): SortedRows {
  const n = rows.length;
  const counts = new Int32Array(customerCodeLimit + 1);
  for (let i = 0; i < n; i++) counts[rows.customer[i] + 1]++;
  let runCount = 0;
  for (let c = 1; c <= customerCodeLimit; c++) {
    if (counts[c] > 0) runCount++;
    counts[c] += counts[c - 1];
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[counts[rows.customer[i]]++] = i;

  const out: SortedRows = {
    length: n,
    customer: sharedArray(Int32Array, n),
    timestampMs: sharedArray(Float64Array, n),
    activity: sharedArray(Int32Array, n),
    channel: sharedArray(Uint8Array, n),
    seq: sharedArray(Float64Array, n),
    attributes: rows.attributes.map(() => sharedArray(Int32Array, n)),
    runStart: sharedArray(Int32Array, runCount + 1),
    runCount,
  };
  let run = 0;
  let start = 0;
  while (start < n) {
    const customer = rows.customer[order[start]];
    let end = start + 1;
    while (end < n && rows.customer[order[end]] === customer) end++;
    sortRun(order, start, end, rows.timestampMs, rows.seq);
    out.runStart[run++] = start;
    start = end;
  }
  out.runStart[run] = n;
  for (let i = 0; i < n; i++) {
    const from = order[i];
    out.customer[i] = rows.customer[from];
    out.timestampMs[i] = rows.timestampMs[from];
    out.activity[i] = rows.activity[from];
    out.channel[i] = rows.channel[from];
    out.seq[i] = rows.seq[from];
  }
  for (let k = 0; k < rows.attributes.length; k++) {
    const from = rows.attributes[k] as Int32Array;
    const to = out.attributes[k] as Int32Array;
    for (let i = 0; i < n; i++) to[i] = from[order[i]];
  }
  return out;
}

function sortRun(order: Int32Array, start: number, end: number, ts: Float64Array, seq: Float64Array): void {
  if (end - start > 48) {
    const slice = Array.from(order.subarray(start, end));
    slice.sort((a, b) => ts[a] - ts[b] || seq[a] - seq[b]);
    order.set(slice, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const row = order[i];
    const rowTs = ts[row];
    const rowSeq = seq[row];
    let j = i - 1;
    while (j >= start) {
      const other = order[j];
      if (ts[other] < rowTs || (ts[other] === rowTs && seq[other] < rowSeq)) break;
      order[j + 1] = other;
      j--;
    }
    order[j + 1] = row;
  }
}
