/**
 * Distinct label sequences (paths of at most `width` labels) with counts: a 53-bit hash of
 * the sequence finds its id, and the sequence is compared with the first one seen under that
 * hash, so a hash collision can never merge two paths (colliding paths chain to the next slot).
 */
export class PathVariants {
  private readonly idsByHash = new Map<number, number[]>();
  private readonly firstPath: Int32Array[] = [];
  private readonly firstRun: number[] = [];
  private counts = new Int32Array(1024);

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
    let ids = this.idsByHash.get(hash);
    if (ids === undefined) {
      ids = [];
      this.idsByHash.set(hash, ids);
    }
    for (const id of ids) {
      if (this.same(this.firstPath[id] as Int32Array, paths, base, length)) return this.counted(id);
    }
    const id = this.firstPath.length;
    this.firstPath.push(paths.slice(base, base + length));
    this.firstRun.push(Math.floor(base / this.width));
    ids.push(id);
    if (id === this.counts.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    return this.counted(id);
  }

  count(id: number): number {
    return this.counts[id] as number;
  }

  /** Every distinct path: its id, a customer (run) who followed it, and its length. */
  entries(): Array<{ id: number; run: number; length: number }> {
    return this.firstPath.map((labels, id) => ({ id, run: this.firstRun[id] as number, length: labels.length }));
  }

  private counted(id: number): number {
    this.counts[id]++;
    return id;
  }

  private same(known: Int32Array, paths: Int32Array, base: number, length: number): boolean {
    if (known.length !== length) return false;
    for (let k = 0; k < length; k++) if (known[k] !== paths[base + k]) return false;
    return true;
  }
}
