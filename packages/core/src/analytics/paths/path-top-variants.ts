import { compareText, medianOfSlice } from '../shared/order.ts';
import type { PathVariants } from './path-variants.ts';

export interface PathVariant {
  labels: string[];
  customers: number;
  /** First to last event of the path, median over the customers who followed it. */
  medianSeconds: number;
}

/** Every customer's path (see PathScratch) and what names its labels. */
export interface CustomerPaths {
  /** Labels per customer, `[run * width + k]`, -1 padded. */
  path: Int32Array;
  width: number;
  durationMs: Float64Array;
  labelNames: readonly string[];
  /** Paths to an anchor are stored backwards from it and shown forwards. */
  forward: boolean;
}

interface Chosen {
  id: number;
  customers: number;
  labels: string[];
}

/**
 * The `limit` most common whole paths of all customers (`variantOfRun[r]`, -1 for none), ties
 * by the labels' names (codes depend on arrival order), with each one's median duration.
 */
export function topVariants(
  variants: PathVariants,
  variantOfRun: Int32Array,
  paths: CustomerPaths,
  limit: number,
): PathVariant[] {
  const entries = variants.entries();
  const chosen = mostCommon(
    entries.map(({ id }) => ({ id, customers: variants.count(id) })),
    limit,
    labelsOf(entries, paths),
  );
  const rankOf = new Int32Array(variants.variantCount).fill(-1);
  chosen.forEach((variant, rank) => {
    rankOf[variant.id] = rank;
  });
  return withDurations(chosen, paths, variantOfRun, (_r, id) => rankOf[id] as number);
}

/**
 * Per breakdown group (`group[r]`, 0 … groupCount − 1), its `limit` most common whole paths,
 * as {@link topVariants} ranks them among the group's customers. Linear in the customers: they
 * are bucketed by group, then each group counts its variants in one shared table.
 */
export function topVariantsByGroup(
  variants: PathVariants,
  variantOfRun: Int32Array,
  group: Int32Array,
  groupCount: number,
  paths: CustomerPaths,
  limit: number,
): PathVariant[][] {
  // The customers with a path, by group (a counting sort): group g's are order[first[g], first[g + 1]).
  const first = new Int32Array(groupCount + 1);
  for (let r = 0; r < variantOfRun.length; r++) if ((variantOfRun[r] as number) >= 0) first[(group[r] as number) + 1]++;
  for (let g = 0; g < groupCount; g++) first[g + 1] += first[g] as number;
  const order = new Int32Array(first[groupCount] as number);
  const next = first.slice(0, groupCount);
  for (let r = 0; r < variantOfRun.length; r++) {
    if ((variantOfRun[r] as number) >= 0) order[next[group[r] as number]++] = r;
  }
  const nameOf = labelsOf(variants.entries(), paths);
  const counts = new Int32Array(variants.variantCount);
  const placeOf = new Int32Array(variants.variantCount).fill(-1);
  return Array.from({ length: groupCount }, (_, g) => {
    const from = first[g] as number;
    const to = first[g + 1] as number;
    const seen: number[] = [];
    for (let i = from; i < to; i++) {
      const id = variantOfRun[order[i] as number] as number;
      if (counts[id]++ === 0) seen.push(id);
    }
    const chosen = mostCommon(
      seen.map((id) => ({ id, customers: counts[id] as number })),
      limit,
      nameOf,
    );
    chosen.forEach((variant, place) => {
      placeOf[variant.id] = place;
    });
    const durations = chosen.map((v) => ({ values: new Float64Array(v.customers), length: 0 }));
    for (let i = from; i < to; i++) {
      const r = order[i] as number;
      const place = placeOf[variantOfRun[r] as number] as number;
      if (place < 0) continue;
      const column = durations[place] as { values: Float64Array; length: number };
      column.values[column.length++] = (paths.durationMs[r] as number) / 1000;
    }
    for (const id of seen) counts[id] = 0;
    for (const variant of chosen) placeOf[variant.id] = -1;
    return chosen.map(({ labels, customers }, place) => {
      const { values } = durations[place] as { values: Float64Array };
      return { labels, customers, medianSeconds: medianOfSlice(values, 0, values.length) };
    });
  });
}

/** A variant's labels, read from the path of the first customer who followed it. */
function labelsOf(
  entries: ReadonlyArray<{ id: number; run: number; length: number }>,
  paths: CustomerPaths,
): (id: number) => string[] {
  return (id) => {
    const { run, length } = entries[id] as { run: number; length: number };
    const codes = Array.from(paths.path.subarray(run * paths.width, run * paths.width + length));
    return (paths.forward ? codes : codes.reverse()).map((code) => paths.labelNames[code] as string);
  };
}

/**
 * The `limit` most common, most customers first, ties by labels. Only variants as common as
 * the `limit`-th can be shown: just those are named.
 */
function mostCommon(
  candidates: ReadonlyArray<{ id: number; customers: number }>,
  limit: number,
  nameOf: (id: number) => string[],
): Chosen[] {
  const byCount = Int32Array.from(candidates, (c) => c.customers).sort();
  const least = byCount.length === 0 ? 0 : (byCount[Math.max(0, byCount.length - limit)] as number);
  const named = candidates
    .filter((c) => c.customers >= least)
    .map((c) => {
      const labels = nameOf(c.id);
      return { ...c, labels, text: labels.join('\u0000') };
    });
  named.sort((a, b) => b.customers - a.customers || compareText(a.text, b.text));
  return named.slice(0, limit).map(({ id, customers, labels }) => ({ id, customers, labels }));
}

/** The chosen variants with their median durations; `placeOf(r, id)` is customer r's place in `chosen` or -1. */
function withDurations(
  chosen: readonly Chosen[],
  paths: CustomerPaths,
  variantOfRun: Int32Array,
  placeOf: (r: number, id: number) => number,
): PathVariant[] {
  const durations = chosen.map((v) => ({ values: new Float64Array(v.customers), length: 0 }));
  for (let r = 0; r < variantOfRun.length; r++) {
    const id = variantOfRun[r] as number;
    const place = id < 0 ? -1 : placeOf(r, id);
    if (place < 0) continue;
    const column = durations[place] as { values: Float64Array; length: number };
    column.values[column.length++] = (paths.durationMs[r] as number) / 1000;
  }
  return chosen.map(({ labels, customers }, place) => {
    const { values } = durations[place] as { values: Float64Array };
    return { labels, customers, medianSeconds: medianOfSlice(values, 0, values.length) };
  });
}
