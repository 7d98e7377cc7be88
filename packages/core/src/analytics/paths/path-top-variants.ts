import { compareText, medianOfSlice } from '../shared/order.ts';
import type { PathVariants } from './path-variants.ts';

export interface PathVariant {
  labels: string[];
  customers: number;
  /** First to last event of the path, median over the customers who followed it. */
  medianSeconds: number;
}

/** A variant chosen to be shown: its id (in whichever table it was counted), customers and labels. */
export interface ChosenVariant {
  id: number;
  customers: number;
  labels: string[];
}

/** Names a path's labels as the report shows them (paths to an anchor are stored backwards from it). */
export function pathNames(
  paths: PathVariants,
  labelNames: readonly string[],
  forward: boolean,
): (path: number) => string[] {
  return (path) => {
    const codes = Array.from(paths.labelsOf(path));
    return (forward ? codes : codes.reverse()).map((code) => labelNames[code] as string);
  };
}

/**
 * The `limit` most common, most customers first, ties by the labels' names (codes depend on
 * arrival order). Only variants as common as the `limit`-th can be shown: just those are named.
 */
export function mostCommon(
  candidates: ReadonlyArray<{ id: number; customers: number }>,
  limit: number,
  nameOf: (id: number) => string[],
): ChosenVariant[] {
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

/** The durations (seconds) of each chosen variant's customers, collected one at a time; then their medians. */
export class VariantDurations {
  private readonly columns: Array<{ values: Float64Array; length: number }>;

  constructor(private readonly chosen: readonly ChosenVariant[]) {
    this.columns = chosen.map((v) => ({ values: new Float64Array(v.customers), length: 0 }));
  }

  add(place: number, seconds: number): void {
    const column = this.columns[place] as { values: Float64Array; length: number };
    column.values[column.length++] = seconds;
  }

  variants(): PathVariant[] {
    return this.chosen.map(({ labels, customers }, place) => {
      const { values, length } = this.columns[place] as { values: Float64Array; length: number };
      return { labels, customers, medianSeconds: medianOfSlice(values, 0, length) };
    });
  }
}
