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
  /** Event attribute codes (see the index's attribute columns), one column per tracked attribute; -1 = absent. */
  attributes: Int32Array[] = [];

  constructor(capacity = 1024) {
    this.customer = new Int32Array(capacity);
    this.timestampMs = new Float64Array(capacity);
    this.activity = new Int32Array(capacity);
    this.channel = new Uint8Array(capacity);
    this.seq = new Float64Array(capacity);
  }

  /** Appends a row; `attributeCodes[k]` goes to attribute column k (-1 where not given). */
  push(
    customer: number,
    timestampMs: number,
    activity: number,
    channel: number,
    seq: number,
    attributeCodes?: ArrayLike<number>,
  ): void {
    if (this.length === this.customer.length) this.reserve(this.length * 2 + 1024);
    const i = this.length++;
    this.customer[i] = customer;
    this.timestampMs[i] = timestampMs;
    this.activity[i] = activity;
    this.channel[i] = channel;
    this.seq[i] = seq;
    const attributes = this.attributes;
    for (let k = 0; k < attributes.length; k++) {
      (attributes[k] as Int32Array)[i] =
        attributeCodes === undefined || k >= attributeCodes.length ? -1 : attributeCodes[k];
    }
  }

  /** Adds an attribute column (all rows so far absent); returns its slot. */
  addAttribute(): number {
    this.attributes.push(new Int32Array(this.customer.length).fill(-1));
    return this.attributes.length - 1;
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
    for (const column of this.attributes) column.fill(-1, this.length, this.length + count);
    this.length += count;
  }

  reserve(capacity: number): void {
    if (capacity <= this.customer.length) return;
    this.customer = grown(this.customer, new Int32Array(capacity));
    this.timestampMs = grown(this.timestampMs, new Float64Array(capacity));
    this.activity = grown(this.activity, new Int32Array(capacity));
    this.channel = grown(this.channel, new Uint8Array(capacity));
    this.seq = grown(this.seq, new Float64Array(capacity));
    this.attributes = this.attributes.map((column) => grown(column, new Int32Array(capacity)));
  }

  clear(): void {
    this.length = 0;
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
