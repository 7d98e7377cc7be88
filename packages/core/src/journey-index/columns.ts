/** A block of index rows whose identities and activities are already dictionary codes (bulk load). */
export interface CodedRows {
  length: number;
  /** Identity code (the userId's when known, else the anonymousId's). */
  identity: Int32Array;
  timestampMs: Float64Array;
  activity: Int32Array;
  channel: Uint8Array;
  seq: Float64Array;
}

/** Growable typed-array columns of index rows, in arrival order (before sorting). */
export class RowColumns {
  length = 0;
  customer: Int32Array;
  timestampMs: Float64Array;
  activity: Int32Array;
  channel: Uint8Array;
  seq: Float64Array;

  constructor(capacity = 1024) {
    this.customer = new Int32Array(capacity);
    this.timestampMs = new Float64Array(capacity);
    this.activity = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.seq = new Float64Array(capacity);
  }

  push(customer: number, timestampMs: number, activity: number, channel: number, seq: number): void {
    if (this.length === this.customer.length) this.reserve(this.length * 2 + 1024);
    const i = this.length++;
    this.customer[i] = customer;
    this.timestampMs[i] = timestampMs;
    this.activity[i] = activity;
    this.channel[i] = channel;
    this.seq[i] = seq;
  }

  /** Appends whole columns at once (bulk load). */
  appendColumns(
    count: number,
    customer: Int32Array,
    timestampMs: Float64Array,
    activity: Int32Array,
    channel: Uint8Array,
    seq: Float64Array,
  ): void {
    if (this.length + count > this.customer.length) this.reserve(Math.max(this.length * 2, this.length + count));
    this.customer.set(customer.subarray(0, count), this.length);
    this.timestampMs.set(timestampMs.subarray(0, count), this.length);
    this.activity.set(activity.subarray(0, count), this.length);
    this.channel.set(channel.subarray(0, count), this.length);
    this.seq.set(seq.subarray(0, count), this.length);
    this.length += count;
  }

  reserve(capacity: number): void {
    if (capacity <= this.customer.length) return;
    this.customer = grown(this.customer, new Int32Array(capacity));
    this.timestampMs = grown(this.timestampMs, new Float64Array(capacity));
    this.activity = grown(this.activity, new Int32Array(capacity));
    this.channel = grown(this.channel, new Uint8Array(capacity));
    this.seq = grown(this.seq, new Float64Array(capacity));
  }

  clear(): void {
    this.length = 0;
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
