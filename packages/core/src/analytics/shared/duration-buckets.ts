/**
 * Durations bucketed by the top bits of their IEEE-754 form: sign, exponent and four mantissa
 * bits, so each bucket spans a sixteenth of a doubling and bucket order is value order for
 * non-negative numbers. One counting pass finds which bucket holds a given rank; only that
 * bucket's values are then selected among. Quantiles stay exact, in two linear passes that
 * read four bytes per value, where quickselect over millions of values makes several.
 */

export const BUCKET_COUNT = 1024;
/** The high 16 bits of 2^-11 (≈ 0.5 ms): every duration below it, and every negative one, shares bucket 0. */
const FIRST_HIGH = 1012 << 4;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
/** Where a double's high 32 bits sit in a pair of Int32 words. */
export const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/** The bucket of a double given its high 32 bits as a signed integer. */
export function bucketOfHighWord(high: number): number {
  if (high < 0) return 0;
  const b = (high >>> 16) - FIRST_HIGH;
  return b < 0 ? 0 : b >= BUCKET_COUNT ? BUCKET_COUNT - 1 : b;
}

/** A Float64Array's values seen as Int32 word pairs (the high word at 2i + HIGH_WORD). */
export function wordsOf(values: Float64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2);
}

/** The smallest value of bucket b (bucket 0 takes everything below bucket 1, negatives included). */
export function bucketLowerBound(b: number): number {
  if (b <= 0) return Number.NEGATIVE_INFINITY;
  if (b >= BUCKET_COUNT) return Number.POSITIVE_INFINITY;
  const words = new Int32Array(2);
  words[HIGH_WORD] = (b + FIRST_HIGH) << 16;
  return new Float64Array(words.buffer)[0] as number;
}

/** The bucket holding rank `rank` (0-based) of the counted values, and the rank within it. */
export function locateRank(counts: Int32Array, rank: number): { bucket: number; within: number } {
  let before = 0;
  for (let b = 0; b < counts.length; b++) {
    const here = counts[b] as number;
    if (rank < before + here) return { bucket: b, within: rank - before };
    before += here;
  }
  throw new RangeError(`rank ${rank} is beyond the ${before} counted values`);
}
