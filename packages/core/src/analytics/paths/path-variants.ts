/** A {@link PathVariants} table as plain data (what a worker thread sends back). */
export interface PathVariantsData {
  size: number;
  /** Variant v's labels are labels[offsets[v], offsets[v + 1]). */
  labels: Int32Array;
  offsets: Int32Array;
  counts: Int32Array;
}

/**
 * Distinct label sequences with counts, in an open-addressing table of ids on typed arrays: a
 * 53-bit hash of the sequence picks the slot, and a candidate is confirmed by comparing the
 * labels, so a hash collision can never merge two sequences (colliding ones take the next
 * free slot).
 */
export class PathVariants {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Float64Array(1 << 10);
  private counts = new Int32Array(1 << 10);
  private labels = new Int32Array(1 << 12);
  private offsets = new Int32Array((1 << 10) + 1);
  private size = 0;

  /** The id of the sequence `seq[base, base + length)`, counting `count` more on it. */
  idOf(seq: Int32Array, base: number, length: number, count = 1): number {
    let h1 = 0x811c9dc5;
    let h2 = length;
    for (let k = 0; k < length; k++) {
      const label = seq[base + k] as number;
      h1 = Math.imul(h1 ^ label, 0x01000193);
      h2 = Math.imul(h2 + label + 0x9e3779b9, 0x85ebca6b) ^ (h2 >>> 13);
    }
    const hash = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
    const mask = this.slots.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id < 0) {
        const added = this.add(hash, seq, base, length, count);
        this.slots[slot] = added;
        if (this.size * 2 > this.slots.length) this.rehash();
        return added;
      }
      if (this.hashes[id] === hash && this.same(id, seq, base, length)) {
        this.counts[id] += count;
        return id;
      }
    }
  }

  get variantCount(): number {
    return this.size;
  }

  count(id: number): number {
    return this.counts[id] as number;
  }

  /** Variant `id`'s labels (a view: copy it to keep it past the next addition). */
  labelsOf(id: number): Int32Array {
    return this.labels.subarray(this.offsets[id] as number, this.offsets[id + 1] as number);
  }

  /** The table as plain data (copies, trimmed to size). */
  data(): PathVariantsData {
    const size = this.size;
    return {
      size,
      labels: this.labels.slice(0, this.offsets[size] as number),
      offsets: this.offsets.slice(0, size + 1),
      counts: this.counts.slice(0, size),
    };
  }

  private add(hash: number, seq: Int32Array, base: number, length: number, count: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, id * 2);
      this.counts = grown(this.counts, id * 2);
      this.offsets = grown(this.offsets, id * 2 + 1);
    }
    const at = this.offsets[id] as number;
    if (at + length > this.labels.length)
      this.labels = grown(this.labels, Math.max(this.labels.length * 2, at + length));
    this.labels.set(seq.subarray(base, base + length), at);
    this.offsets[id + 1] = at + length;
    this.hashes[id] = hash;
    this.counts[id] = count;
    return id;
  }

  private same(id: number, seq: Int32Array, base: number, length: number): boolean {
    const at = this.offsets[id] as number;
    if ((this.offsets[id + 1] as number) - at !== length) return false;
    for (let k = 0; k < length; k++) if (this.labels[at + k] !== seq[base + k]) return false;
    return true;
  }

  /** Twice the slots; each id goes back in at its hash's slot (the low bits of h1 are the hash's high word's). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = Math.floor((this.hashes[id] as number) / 0x200000) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** Adds tables up: the sum, and per table the sum's id of each of its ids. */
export function mergeVariants(tables: readonly PathVariantsData[]): { sum: PathVariants; ids: Int32Array[] } {
  const sum = new PathVariants();
  const ids = tables.map((table) =>
    Int32Array.from({ length: table.size }, (_, v) =>
      sum.idOf(
        table.labels,
        table.offsets[v] as number,
        (table.offsets[v + 1] as number) - (table.offsets[v] as number),
        table.counts[v] as number,
      ),
    ),
  );
  return { sum, ids };
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}
