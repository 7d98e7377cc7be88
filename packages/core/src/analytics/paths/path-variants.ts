/**
 * Distinct label sequences (paths of at most `width` labels) with counts, in an
 * open-addressing table of ids on typed arrays: a 53-bit hash of the sequence picks the slot,
 * and a candidate is confirmed by comparing the labels with the first path seen, so a hash
 * collision can never merge two paths (colliding paths take the next free slot).
 */
export class PathVariants {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Float64Array(1 << 10);
  private counts = new Int32Array(1 << 10);
  private runs = new Int32Array(1 << 10);
  /** Labels of each variant's first path: variant v's are labels[offsets[v], offsets[v + 1]). */
  private labels = new Int32Array(1 << 12);
  private offsets = new Int32Array((1 << 10) + 1);
  private size = 0;

  constructor(private readonly width: number) {}

  /** The id of the path in `paths[base, base + length)`, counting one more customer on it. */
  idOf(paths: Int32Array, base: number, length: number): number {
    let h1 = 0x811c9dc5;
    let h2 = length;
    for (let k = 0; k < length; k++) {
      const label = paths[base + k] as number;
      h1 = Math.imul(h1 ^ label, 0x01000193);
      h2 = Math.imul(h2 + label + 0x9e3779b9, 0x85ebca6b) ^ (h2 >>> 13);
    }
    const hash = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
    const mask = this.slots.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id < 0) {
        const added = this.add(hash, paths, base, length);
        this.slots[slot] = added;
        if (this.size * 2 > this.slots.length) this.rehash();
        return added;
      }
      if (this.hashes[id] === hash && this.same(id, paths, base, length)) {
        this.counts[id]++;
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

  /** Every distinct path: its id, a customer (run) who followed it, and its length. */
  entries(): Array<{ id: number; run: number; length: number }> {
    return Array.from({ length: this.size }, (_, id) => ({
      id,
      run: this.runs[id] as number,
      length: (this.offsets[id + 1] as number) - (this.offsets[id] as number),
    }));
  }

  private add(hash: number, paths: Int32Array, base: number, length: number): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, id * 2);
      this.counts = grown(this.counts, id * 2);
      this.runs = grown(this.runs, id * 2);
      this.offsets = grown(this.offsets, id * 2 + 1);
    }
    const at = this.offsets[id] as number;
    if (at + length > this.labels.length)
      this.labels = grown(this.labels, Math.max(this.labels.length * 2, at + length));
    this.labels.set(paths.subarray(base, base + length), at);
    this.offsets[id + 1] = at + length;
    this.hashes[id] = hash;
    this.counts[id] = 1;
    this.runs[id] = Math.floor(base / this.width);
    return id;
  }

  private same(id: number, paths: Int32Array, base: number, length: number): boolean {
    const at = this.offsets[id] as number;
    if ((this.offsets[id + 1] as number) - at !== length) return false;
    for (let k = 0; k < length; k++) if (this.labels[at + k] !== paths[base + k]) return false;
    return true;
  }

  /** Twice the slots; each id goes back in at its hash's slot (the low bits of h1 are the hash's high word's). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.slotHint(id) & mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }

  private slotHint(id: number): number {
    return Math.floor((this.hashes[id] as number) / 0x200000);
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}
