/**
 * 53-bit string hash (two 32-bit multiply-xorshift lanes folded into one safe integer).
 * Used as a prefilter for message-id deduplication and to derive message ids; never as
 * the only proof that two messages are the same.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return fold53(h1, h2);
}

/**
 * {@link hash53} of the text whose UTF-8 bytes are `bytes[start, end)` (well-formed UTF-8), read
 * without making a string: the same UTF-16 code units, decoded on the way.
 *
 * @example hash53Utf8(Buffer.from('é'), 0, 2) === hash53('é') // true
 */
export function hash53Utf8(bytes: Uint8Array, start: number, end: number, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = start; i < end; ) {
    let unit = bytes[i] as number;
    if (unit < 0x80) i++;
    else if (unit < 0xe0) {
      unit = ((unit & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
      i += 2;
    } else if (unit < 0xf0) {
      unit = ((unit & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      i += 3;
    } else {
      const point =
        ((unit & 0x07) << 18) |
        (((bytes[i + 1] as number) & 0x3f) << 12) |
        (((bytes[i + 2] as number) & 0x3f) << 6) |
        ((bytes[i + 3] as number) & 0x3f);
      i += 4;
      // Outside the BMP: two UTF-16 units, as String#charCodeAt sees them.
      const high = 0xd800 + ((point - 0x10000) >> 10);
      h1 = Math.imul(h1 ^ high, 2654435761);
      h2 = Math.imul(h2 ^ high, 1597334677);
      unit = 0xdc00 + ((point - 0x10000) & 0x3ff);
    }
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  return fold53(h1, h2);
}

/**
 * {@link hash53} of a text given in pieces, with two seeds at once, without joining the pieces
 * into a string: `first()` is `hash53(pieces.join(''), seed1)`, `second()` the same with `seed2`.
 * For ids derived from several fields (one pass over the characters, no key string to build).
 *
 * @example new Hash53Pair(0, 7).start().add('a').addCode(0).add('b').first() === hash53('a\u0000b') // true
 */
export class Hash53Pair {
  private a1 = 0;
  private a2 = 0;
  private b1 = 0;
  private b2 = 0;

  constructor(
    private readonly seed1: number,
    private readonly seed2: number,
  ) {}

  /** Forgets the pieces so far. */
  start(): this {
    this.a1 = 0xdeadbeef ^ this.seed1;
    this.a2 = 0x41c6ce57 ^ this.seed1;
    this.b1 = 0xdeadbeef ^ this.seed2;
    this.b2 = 0x41c6ce57 ^ this.seed2;
    return this;
  }

  add(text: string): this {
    let a1 = this.a1;
    let a2 = this.a2;
    let b1 = this.b1;
    let b2 = this.b2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a1 = Math.imul(a1 ^ ch, 2654435761);
      a2 = Math.imul(a2 ^ ch, 1597334677);
      b1 = Math.imul(b1 ^ ch, 2654435761);
      b2 = Math.imul(b2 ^ ch, 1597334677);
    }
    this.a1 = a1;
    this.a2 = a2;
    this.b1 = b1;
    this.b2 = b2;
    return this;
  }

  /** One UTF-16 code unit, as `add(String.fromCharCode(code))`. */
  addCode(code: number): this {
    this.a1 = Math.imul(this.a1 ^ code, 2654435761);
    this.a2 = Math.imul(this.a2 ^ code, 1597334677);
    this.b1 = Math.imul(this.b1 ^ code, 2654435761);
    this.b2 = Math.imul(this.b2 ^ code, 1597334677);
    return this;
  }

  /** The decimal digits of a non-negative integer below 2^53, as `add(String(value))`. */
  addDecimal(value: number): this {
    if (value >= 10) this.addDecimal(Math.floor(value / 10));
    return this.addCode(48 + (value % 10));
  }

  first(): number {
    return fold53(this.a1, this.a2);
  }

  second(): number {
    return fold53(this.b1, this.b2);
  }
}

/** Folds the two 32-bit lanes of {@link hash53} into one 53-bit integer. */
function fold53(lane1: number, lane2: number): number {
  const h1 = Math.imul(lane1 ^ (lane1 >>> 16), 2246822507) ^ Math.imul(lane2 ^ (lane2 >>> 13), 3266489909);
  let h2 = Math.imul(lane2 ^ (lane2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A stable text key for any JSON value: object keys sorted, so key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
