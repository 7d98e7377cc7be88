import type { SortedRows } from '../../journey-index/sort.ts';
import { compareText } from '../shared/order.ts';

export interface Variant {
  activities: string[];
  count: number;
}

/** Distinct journeys (the whole activity sequence of a customer) and how many follow each. */
export interface VariantsReport {
  cases: number;
  variantCount: number;
  variants: Variant[];
}

/**
 * Groups customers by their exact activity sequence: one pass hashes each customer's sequence
 * into an open-addressing table and compares it element by element with the variant found
 * there, so a hash collision can never merge two different variants.
 *
 * @example variants(index.rows(), index.activities.values, { top: 10 }).variants[0]
 */
export function variants(
  rows: SortedRows,
  activityNames: readonly string[],
  options: { top?: number } = {},
): VariantsReport {
  const { activity, runStart, runCount } = rows;
  // Open addressing on a 64-bit sequence hash; a slot matches only if the sequences are equal,
  // so a hash collision can never merge two different variants.
  let capacity = 1024;
  while (capacity < runCount * 2) capacity *= 2;
  const table = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  let slotRun = new Int32Array(1024); // a representative run per variant
  let slotCount = new Int32Array(1024);
  let slotHash = new Int32Array(1024);
  let slots = 0;

  for (let r = 0; r < runCount; r++) {
    const start = runStart[r];
    const end = runStart[r + 1];
    let h1 = 0x811c9dc5 ^ (end - start);
    let h2 = 0x1b873593;
    for (let i = start; i < end; i++) {
      h1 = Math.imul(h1 ^ activity[i], 16777619);
      h2 = Math.imul(h2 ^ activity[i], 2246822507) + 0x9e3779b9;
    }
    h1 ^= h1 >>> 15;
    let probe = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & mask;
    let slot = table[probe];
    while (slot >= 0 && !(slotHash[slot] === h1 && sameSequence(activity, runStart, slotRun[slot], r))) {
      probe = (probe + 1) & mask;
      slot = table[probe];
    }
    if (slot >= 0) {
      slotCount[slot]++;
      continue;
    }
    if (slots === slotRun.length) {
      slotRun = grow(slotRun);
      slotCount = grow(slotCount);
      slotHash = grow(slotHash);
    }
    slot = slots++;
    table[probe] = slot;
    slotRun[slot] = r;
    slotCount[slot] = 1;
    slotHash[slot] = h1;
  }

  // Order: count descending, ties by the activity names element by element — compared as
  // ranks of the sorted names, so ordering allocates nothing.
  const rank = new Int32Array(activityNames.length);
  [...activityNames.keys()]
    .sort((x, y) => compareText(activityNames[x] as string, activityNames[y] as string))
    .forEach((code, position) => {
      rank[code] = position;
    });
  const compareSlots = (x: number, y: number): number => {
    const byCount = slotCount[y] - slotCount[x];
    if (byCount !== 0) return byCount;
    const startX = runStart[slotRun[x]];
    const startY = runStart[slotRun[y]];
    const lengthX = runStart[slotRun[x] + 1] - startX;
    const lengthY = runStart[slotRun[y] + 1] - startY;
    const n = Math.min(lengthX, lengthY);
    for (let i = 0; i < n; i++) {
      const d = rank[activity[startX + i]] - rank[activity[startY + i]];
      if (d !== 0) return d;
    }
    return lengthX - lengthY;
  };
  const top = options.top === undefined ? slots : Math.min(options.top, slots);
  const order = candidatesForTop(slotCount, slots, top);
  order.sort(compareSlots);
  return {
    cases: runCount,
    variantCount: slots,
    variants: order.slice(0, top).map((slot) => {
      const run = slotRun[slot];
      const names: string[] = [];
      for (let i = runStart[run]; i < runStart[run + 1]; i++) names.push(activityNames[activity[i]] as string);
      return { activities: names, count: slotCount[slot] };
    }),
  };
}

/** The slots that can be among the `top` most common: every slot counted at least the top-th largest count. */
function candidatesForTop(counts: Int32Array, slots: number, top: number): number[] {
  if (top >= slots) return Array.from({ length: slots }, (_, slot) => slot);
  const sorted = counts.slice(0, slots).sort();
  const threshold = sorted[slots - top];
  const out: number[] = [];
  for (let slot = 0; slot < slots; slot++) if (counts[slot] >= threshold) out.push(slot);
  return out;
}

function sameSequence(activity: Int32Array, runStart: Int32Array, runA: number, runB: number): boolean {
  const startA = runStart[runA];
  const startB = runStart[runB];
  const length = runStart[runA + 1] - startA;
  if (runStart[runB + 1] - startB !== length) return false;
  for (let i = 0; i < length; i++) if (activity[startA + i] !== activity[startB + i]) return false;
  return true;
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
