/**
 * An open-addressing set of 53-bit hashes in one Float64Array (about 16 bytes per member at
 * the maximum load). Membership is a prefilter for message-id deduplication: a hit means
 * "maybe seen", and the caller confirms against the store.
 */
export class HashSet53 {
  private table: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.table = new Float64Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of memory held. */
  get byteLength(): number {
    return this.table.byteLength;
  }

  /** Makes room for `count` members in all, so that adding them does not resize step by step. */
  reserve(count: number): void {
    let capacity = this.table.length;
    while (count * 2 > capacity) capacity *= 2;
    if (capacity > this.table.length) this.resize(capacity);
  }

  has(hash: number): boolean {
    let slot = hash & this.mask;
    for (;;) {
      const value = this.table[slot];
      if (value === -1) return false;
      if (value === hash) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the hash; returns false if it was already there. */
  add(hash: number): boolean {
    if ((this.count + 1) * 2 > this.table.length) this.resize();
    let slot = hash & this.mask;
    for (;;) {
      const value = this.table[slot];
      if (value === hash) return false;
      if (value === -1) {
        this.table[slot] = hash;
        this.count++;
        return true;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private resize(capacity = this.table.length * 2): void {
    const old = this.table;
    this.table = new Float64Array(capacity).fill(-1);
    this.mask = this.table.length - 1;
    this.count = 0;
    for (const value of old) if (value !== -1) this.add(value);
  }
}
