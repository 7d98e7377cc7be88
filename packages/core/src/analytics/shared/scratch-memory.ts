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
/** One kind of typed array handed out from one growing buffer. */
class Pool<T extends Float64Array | Int32Array | Uint16Array> {
  private buffer: T;
  private used = 0;
  /** Elements asked for under the current leases: the buffer's size for the next ones. */
  private asked = 0;

  constructor(private readonly make: (length: number, shared: boolean) => T) {
    this.buffer = make(0, true);
  }

  take(length: number): T {
    if (leases === 0) return this.make(length, false);
    this.asked += length;
    if (this.used + length > this.buffer.length) return this.make(length, true);
    const slice = this.buffer.subarray(this.used, this.used + length) as T;
    this.used += length;
    return slice;
  }

  /** Every lease is closed: hand the memory out again, grown to what the last leases asked for. */
  reset(): void {
    this.used = 0;
    if (this.asked > this.buffer.length) this.buffer = this.make(Math.ceil(this.asked * 1.25), true);
    this.asked = 0;
  }
}

let leases = 0;
const float64 = new Pool((length, shared) => (shared ? sharedArray(Float64Array, length) : new Float64Array(length)));
const int32 = new Pool((length, shared) => (shared ? sharedArray(Int32Array, length) : new Int32Array(length)));
const uint16 = new Pool((length, shared) => (shared ? sharedArray(Uint16Array, length) : new Uint16Array(length)));

/** Opens a lease; call the returned function once the report using the memory is finished. */
export function openScratch(): () => void {
  leases++;
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    leases--;
    if (leases > 0) return;
    float64.reset();
    int32.reset();
    uint16.reset();
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
  return float64.take(length);
}

/** `length` 32-bit integers of scratch (contents undefined): reused memory under a lease, else fresh. */
export function scratchInt32(length: number): Int32Array {
  return int32.take(length);
}

/** `length` 16-bit unsigned integers of scratch (contents undefined): reused memory under a lease, else fresh. */
export function scratchUint16(length: number): Uint16Array {
  return uint16.take(length);
}
