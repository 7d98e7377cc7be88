import { sharedArray } from '../../journey-index/shared-memory.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';
import { compareText, medianOfSlice } from '../shared/order.ts';
import { type SplitKernel, sumCounts } from '../split/split-kernel.ts';
import { PathVariants } from './path-variants.ts';

export interface PathNode {
  /** 0 = the anchor; from an anchor steps go 1, 2, …; to an anchor −1, −2, …. */
  step: number;
  label: string;
  customers: number;
  /** Customers whose path ends here (nothing more within the steps shown). */
  dropOff: number;
}

export interface PathLink {
  fromStep: number;
  from: string;
  to: string;
  customers: number;
}

export interface PathVariant {
  labels: string[];
  customers: number;
  /** First to last event of the path, median over the customers who followed it. */
  medianSeconds: number;
}

export interface PathsReport {
  direction: 'from' | 'to';
  anchor: string;
  steps: number;
  by: 'event' | 'touchpoint';
  /** Customers whose journey contains the anchor (in scope). */
  customers: number;
  nodes: PathNode[];
  links: PathLink[];
  variants: PathVariant[];
}

export interface PathsInput {
  direction: 'from' | 'to';
  anchorName: string;
  /** Which rows are the anchor. */
  anchor: RowMatcher;
  /** Each row's label code (-1: not part of paths, skipped), and the label names. */
  labelOfRow: Int32Array | null;
  labelNames: readonly string[];
  by: 'event' | 'touchpoint';
  steps: number;
  /** Labels kept per step; the rest are summed into "Other". */
  topPerStep: number;
  variants: number;
  scope: CustomerScope;
  /** Per customer, written by {@link pathsKernel}'s collect for its own customers: see {@link pathScratch}. */
  scratch: PathScratch;
}

/**
 * Each customer's path, on shared memory so the threads that split the customers can each
 * fill in their own: the labels (`[run * (steps + 1) + k]`, -1 padded), first to last event
 * of the path, and whether the customer has the anchor at all.
 */
export interface PathScratch {
  path: Int32Array;
  durationMs: Float64Array;
  anchored: Uint8Array;
}

export function pathScratch(runCount: number, steps: number): PathScratch {
  return {
    path: sharedArray(Int32Array, runCount * (steps + 1)),
    durationMs: sharedArray(Float64Array, runCount),
    anchored: sharedArray(Uint8Array, runCount),
  };
}

/** What part of the customers add up to: per step and label, customers (the rest is in the scratch). */
export interface PathsPart {
  counts: Int32Array;
}

export const OTHER = 'Other';

/**
 * Paths from (or to) an anchor event: each customer's next (or previous) steps after the
 * first anchor, as Sankey nodes and links per step (rare labels per step summed into
 * "Other") with drop-off, and the most common whole paths with their median duration.
 * Split: each part finds its customers' paths; the ranking and variants follow on one thread.
 */
export const pathsKernel: SplitKernel<PathsInput, PathsPart, PathsReport> = {
  collect(rows, input, runFrom, runTo) {
    const { steps, scope } = input;
    const width = steps + 1; // the anchor and `steps` more
    const labelCount = input.labelNames.length;
    const anchor = matchTable([input.anchor], input.anchor.activityOk.length);
    const labelOf = (row: number): number =>
      input.labelOfRow === null ? (rows.activity[row] as number) : (input.labelOfRow[row] as number);
    const { path, durationMs, anchored } = input.scratch;
    path.fill(-1, runFrom * width, runTo * width);
    const counts = new Int32Array(width * labelCount);
    const forward = input.direction === 'from';
    for (let r = runFrom; r < runTo; r++) {
      anchored[r] = 0;
      if ((scope.group[r] as number) < 0) continue;
      const start = scope.rowStart[r] as number;
      const end = scope.rowEnd[r] as number;
      let at = start;
      while (at < end && ((anchor.bits(rows, at) & 1) === 0 || labelOf(at) < 0)) at++;
      if (at === end) continue;
      anchored[r] = 1;
      let k = 0;
      let last = at;
      for (let row = at; k < width && (forward ? row < end : row >= start); row += forward ? 1 : -1) {
        const label = labelOf(row);
        if (label < 0) continue;
        path[r * width + k] = label;
        counts[k * labelCount + label]++;
        last = row;
        k++;
      }
      durationMs[r] = Math.abs((rows.timestampMs[last] as number) - (rows.timestampMs[at] as number));
    }
    return { counts };
  },

  merge(parts) {
    return { counts: sumCounts(parts.map((part) => part.counts)) };
  },

  finish(rows, input, part) {
    const { steps } = input;
    const width = steps + 1;
    const labelCount = input.labelNames.length;
    const forward = input.direction === 'from';
    const { path, durationMs, anchored } = input.scratch;
    const counts = part.counts;
    // The labels kept per step; the rest become OTHER (code labelCount).
    const kept = new Uint8Array(width * labelCount);
    for (let k = 0; k < width; k++) {
      const ranked = [...Array(labelCount).keys()]
        .filter((label) => (counts[k * labelCount + label] as number) > 0)
        .sort(
          (a, b) =>
            (counts[k * labelCount + b] as number) - (counts[k * labelCount + a] as number) ||
            compareText(input.labelNames[a] as string, input.labelNames[b] as string),
        );
      for (const label of ranked.slice(0, input.topPerStep)) kept[k * labelCount + label] = 1;
    }
    // Each step's kept labels get dense slots, "Other" the last: links count in a small table.
    const slots = Math.min(labelCount, input.topPerStep) + 1;
    const slotOf = new Int32Array(width * labelCount).fill(slots - 1);
    const labelOfSlot = new Int32Array(width * slots).fill(labelCount); // labelCount = Other
    for (let k = 0; k < width; k++) {
      let next = 0;
      for (let label = 0; label < labelCount; label++) {
        if (kept[k * labelCount + label] !== 1) continue;
        slotOf[k * labelCount + label] = next;
        labelOfSlot[k * slots + next] = label;
        next++;
      }
    }
    // Pass 2: nodes, links and whole-path variants (variants over the labels as they are).
    const nodeCustomers = new Int32Array(width * slots);
    const nodeDropOff = new Int32Array(width * slots);
    const linkCustomers = new Int32Array(width * slots * slots);
    const variants = new PathVariants(width);
    const variantOfRun = new Int32Array(rows.runCount).fill(-1);
    let customers = 0;
    for (let r = 0; r < rows.runCount; r++) {
      if (anchored[r] === 0) continue;
      customers++;
      const base = r * width;
      let previousSlot = -1;
      let k = 0;
      for (; k < width; k++) {
        const label = path[base + k] as number;
        if (label < 0) break;
        const slot = slotOf[k * labelCount + label] as number;
        nodeCustomers[k * slots + slot]++;
        if (k > 0) linkCustomers[((k - 1) * slots + previousSlot) * slots + slot]++;
        previousSlot = slot;
      }
      if (k < width) nodeDropOff[(k - 1) * slots + previousSlot]++;
      variantOfRun[r] = variants.idOf(path, base, k);
    }
    const name = (label: number): string => (label === labelCount ? OTHER : (input.labelNames[label] as string));
    const stepNumber = (k: number): number => (forward ? k : 0 - k); // 0 - 0 is +0; -0 would compare unequal to 0
    const nodes: PathNode[] = [];
    const links: PathLink[] = [];
    for (let k = 0; k < width; k++) {
      for (let slot = 0; slot < slots; slot++) {
        const count = nodeCustomers[k * slots + slot] as number;
        if (count === 0) continue;
        const label = name(labelOfSlot[k * slots + slot] as number);
        nodes.push({ step: stepNumber(k), label, customers: count, dropOff: nodeDropOff[k * slots + slot] as number });
        if (k + 1 === width) continue;
        for (let to = 0; to < slots; to++) {
          const linked = linkCustomers[(k * slots + slot) * slots + to] as number;
          if (linked > 0) {
            links.push({
              fromStep: stepNumber(k),
              from: label,
              to: name(labelOfSlot[(k + 1) * slots + to] as number),
              customers: linked,
            });
          }
        }
      }
    }
    nodes.sort(
      (a, b) => Math.abs(a.step) - Math.abs(b.step) || b.customers - a.customers || compareText(a.label, b.label),
    );
    links.sort(
      (a, b) =>
        Math.abs(a.fromStep) - Math.abs(b.fromStep) ||
        b.customers - a.customers ||
        compareText(a.from, b.from) ||
        compareText(a.to, b.to),
    );
    // The most common whole paths; ties by the labels' names (codes depend on arrival order).
    // Only paths as common as the `variants`-th most common can be shown: name just those.
    const entries = variants.entries();
    const byCount = Int32Array.from(entries, ({ id }) => variants.count(id)).sort();
    const least = byCount.length === 0 ? 0 : (byCount[Math.max(0, byCount.length - input.variants)] as number);
    const named = entries
      .filter(({ id }) => variants.count(id) >= least)
      .map(({ id, run, length }) => {
        const codes = Array.from(path.subarray(run * width, run * width + length));
        const labels = (forward ? codes : codes.reverse()).map((code) => input.labelNames[code] as string);
        return { id, labels, customers: variants.count(id), text: labels.join('\u0000') };
      });
    named.sort((a, b) => b.customers - a.customers || compareText(a.text, b.text));
    const top = named.slice(0, input.variants);
    // Durations of the top paths only: each top path's customers, in one column each.
    const rankOf = new Int32Array(variants.variantCount).fill(-1);
    const durations = top.map((v, rank) => {
      rankOf[v.id] = rank;
      return { values: new Float64Array(v.customers), length: 0 };
    });
    for (let r = 0; r < rows.runCount; r++) {
      const id = variantOfRun[r] as number;
      const rank = id < 0 ? -1 : (rankOf[id] as number);
      if (rank < 0) continue;
      const column = durations[rank] as { values: Float64Array; length: number };
      column.values[column.length++] = (durationMs[r] as number) / 1000;
    }
    const topVariants = top.map(({ labels, customers: count }, rank) => {
      const { values } = durations[rank] as { values: Float64Array };
      return { labels, customers: count, medianSeconds: medianOfSlice(values, 0, values.length) };
    });
    return {
      direction: input.direction,
      anchor: input.anchorName,
      steps,
      by: input.by,
      customers,
      nodes,
      links,
      variants: topVariants,
    };
  },
};
