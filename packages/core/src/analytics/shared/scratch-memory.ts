import { sharedArray } from '../../journey-index/shared-memory.ts';

/**
 * Scratch memory a report collects into and reads back before it ends (duration columns),
 * kept by this thread from one report to the next. A report on 10M events collects tens of
 * MB of durations; allocating them afresh each time made V8 run a full mark-compact of the
 * whole heap (the index's, 150–250 ms) on about every report, for "external memory
 * pressure", and paid page faults to touch the new pages.
 *
 * Reuse is safe only while nothing still reads what an earlier report left there, so it is
 * leased: a runner opens a lease before its kernel collects and closes it after the report
 * is finished. Within leases, memory is handed out from one buffer without overlap; it is
 * handed out again only once every lease is closed. Without an open lease (a kernel called
 * directly) every request is a fresh allocation. On shared memory, so a worker's part is
 * read by the main thread without a copy (the worker's next lease waits until then: its
 * runner sends one request at a time and finishes each report before the next).
 */
let buffer = new Float64Array(0);
let used = 0;
/** Doubles asked for under the current leases: the buffer's size for the next ones. */
let asked = 0;
let leases = 0;

/** Opens a lease; call the returned function once the report using the memory is finished. */
export function openScratch(): () => void {
  leases++;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    leases--;
    if (leases > 0) return;
    used = 0;
    if (asked > buffer.length) buffer = sharedArray(Float64Array, Math.ceil(asked * 1.25));
    asked = 0;
  };
}

/** Runs `work` under a lease closed when it returns (or throws). */
export function withScratch<T>(work: () => T): T {
  const close = openScratch();
  try {
    return work();
  } finally {
    close();
  }
}

/** `length` doubles of scratch (contents undefined): reused memory under a lease, else fresh. */
export function scratchFloat64(length: number): Float64Array {
  if (leases === 0) return new Float64Array(length);
  asked += length;
  if (used + length > buffer.length) return sharedArray(Float64Array, length);
  const slice = buffer.subarray(used, used + length);
  used += length;
  return slice;
}
