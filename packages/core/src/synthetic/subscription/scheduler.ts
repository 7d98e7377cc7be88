/**
 * The simulation's agenda: a binary min-heap of (time, kind, id) in typed arrays. Ties in
 * time come out in the order they entered the heap, so a run is the same every time.
 *
 * Entries beyond the open horizon wait in day buckets and enter the heap when their day is
 * opened: a million customers each have a step pending, and a heap of only today's entries
 * stays small enough to live in the CPU cache.
 */
export class Scheduler {
  private readonly buckets: Array<number[] | undefined> = [];
  /** Entries at or after this time wait in buckets. */
  private horizonMs: number;
  private times = new Float64Array(1024);
  private order = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private ids = new Float64Array(1024);
  private count = 0;
  private scheduled = 0;
  /** Time of the entry last taken (the simulation clock). */
  nowMs = 0;
  /** Kind and id of the entry last taken. */
  kind = 0;
  id = 0;

  /** Without a bucket width every entry goes straight into the heap. */
  constructor(
    private readonly bucketStartMs = 0,
    private readonly bucketMs = Number.POSITIVE_INFINITY,
  ) {
    this.horizonMs = Number.isFinite(bucketMs) ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }

  /** Entries in the heap (not counting those waiting in buckets). */
  get size(): number {
    return this.count;
  }

  /** Moves every entry before `untilMs` into the heap; later entries keep waiting in their buckets. */
  openUntil(untilMs: number): void {
    this.horizonMs = untilMs;
    const lastBucket = Number.isFinite(untilMs)
      ? Math.ceil((untilMs - this.bucketStartMs) / this.bucketMs) - 1
      : this.buckets.length - 1;
    for (let b = 0; b <= lastBucket && b < this.buckets.length; b++) {
      const bucket = this.buckets[b];
      if (bucket === undefined) continue;
      // A bucket may straddle the horizon: keep what is still beyond it.
      const later: number[] = [];
      for (let i = 0; i < bucket.length; i += 3) {
        const timeMs = bucket[i] as number;
        if (timeMs < untilMs) this.push(timeMs, bucket[i + 1] as number, bucket[i + 2] as number);
        else later.push(timeMs, bucket[i + 1] as number, bucket[i + 2] as number);
      }
      this.buckets[b] = later.length > 0 ? later : undefined;
    }
  }

  schedule(timeMs: number, kind: number, id: number): void {
    if (timeMs >= this.horizonMs) {
      const index = Math.max(0, Math.floor((timeMs - this.bucketStartMs) / this.bucketMs));
      let bucket = this.buckets[index];
      if (bucket === undefined) {
        bucket = [];
        this.buckets[index] = bucket;
      }
      bucket.push(timeMs, kind, id);
      return;
    }
    this.push(timeMs, kind, id);
  }

  private push(timeMs: number, kind: number, id: number): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const order = this.scheduled++;
    const { times, order: orders, kinds, ids } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < timeMs || (pt === timeMs && (orders[parent] as number) < order)) break;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      kinds[i] = kinds[parent] as number;
      ids[i] = ids[parent] as number;
      i = parent;
    }
    times[i] = timeMs;
    orders[i] = order;
    kinds[i] = kind;
    ids[i] = id;
  }

  /** Time of the next entry, or Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  /** Takes the next entry into nowMs, kind and id; false when empty. */
  take(): boolean {
    if (this.count === 0) return false;
    const { times, order: orders, kinds, ids } = this;
    this.nowMs = times[0] as number;
    this.kind = kinds[0] as number;
    this.id = ids[0] as number;
    const last = --this.count;
    const t = times[last] as number;
    const o = orders[last] as number;
    const k = kinds[last] as number;
    const d = ids[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        ((times[right] as number) < (times[child] as number) ||
          (times[right] === times[child] && (orders[right] as number) < (orders[child] as number)))
      ) {
        child = right;
      }
      const ct = times[child] as number;
      if (t < ct || (t === ct && o < (orders[child] as number))) break;
      times[i] = ct;
      orders[i] = orders[child] as number;
      kinds[i] = kinds[child] as number;
      ids[i] = ids[child] as number;
      i = child;
    }
    times[i] = t;
    orders[i] = o;
    kinds[i] = k;
    ids[i] = d;
    return true;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.order = grown(this.order, (n) => new Float64Array(n));
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n));
    this.ids = grown(this.ids, (n) => new Float64Array(n));
  }
}
