/**
 * One seeded random stream per customer, kept as four 32-bit words in one typed array (16
 * bytes a customer instead of a closure each). Every draw for a customer comes from their own
 * stream, so what one customer does never shifts another's dice: the queues are the only
 * thing customers share.
 */
export class CustomerRandom {
  private readonly state: Int32Array;

  constructor(
    customers: number,
    readonly seed: number,
  ) {
    this.state = new Int32Array(customers * 4);
    for (let c = 0; c < customers; c++) this.reseed(c, Math.imul(seed, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca6b));
  }

  /** sfc32, the same generator as random.ts, advanced in place. Uniform in [0, 1). */
  next(customer: number): number {
    const s = this.state;
    const i = customer * 4;
    const a = s[i] as number;
    const b = s[i + 1] as number;
    let c = s[i + 2] as number;
    const d = s[i + 3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[i + 3] = (d + 1) | 0;
    s[i] = b ^ (b >>> 9);
    s[i + 1] = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    s[i + 2] = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  chance(customer: number, probability: number): boolean {
    return this.next(customer) < probability;
  }

  /** An integer in [min, max]. */
  integer(customer: number, min: number, max: number): number {
    return min + Math.floor(this.next(customer) * (max - min + 1));
  }

  /** Exponentially distributed with the given mean. */
  exponential(customer: number, mean: number): number {
    return -Math.log(1 - this.next(customer)) * mean;
  }

  /** Log-normal with the given mean and a spread (sigma of the log), as handle times are. */
  logNormal(customer: number, mean: number, sigma: number): number {
    const u = 1 - this.next(customer);
    const v = this.next(customer);
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return mean * Math.exp(sigma * normal - (sigma * sigma) / 2);
  }

  /** A normal deviate (mean 0, sd 1). */
  normal(customer: number): number {
    const u = 1 - this.next(customer);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next(customer));
  }

  /** An index drawn with the given weights (they need not sum to 1). */
  weighted(customer: number, weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let roll = this.next(customer) * total;
    for (let i = 0; i < weights.length; i++) {
      roll -= weights[i] as number;
      if (roll < 0) return i;
    }
    return weights.length - 1;
  }

  /** One element of a list, uniformly. */
  pick<T>(customer: number, items: readonly T[]): T {
    return items[Math.floor(this.next(customer) * items.length)] as T;
  }

  private streamCustomer = 0;
  private readonly stream = (): number => this.next(this.streamCustomer);

  /**
   * A function drawing from one customer's stream, for helpers that take `() => number`. It
   * is one shared function (no closure per call): use it before asking for another customer's.
   */
  streamOf(customer: number): () => number {
    this.streamCustomer = customer;
    return this.stream;
  }

  private reseed(customer: number, seed: number): void {
    const i = customer * 4;
    this.state[i] = 0x9e3779b9 ^ seed;
    this.state[i + 1] = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
    this.state[i + 2] = 0xb7e15162 | 0;
    this.state[i + 3] = 1;
    for (let k = 0; k < 12; k++) this.next(customer);
  }
}
