import { sharedArray } from '../../journey-index/shared-memory.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';
import { compareText } from '../shared/order.ts';
import { type SplitKernel, sumCounts } from '../split/split-kernel.ts';
import { graphCounts, graphOf, type PathLink, type PathNode, stepSlots } from './path-graph.ts';
import { type CustomerPaths, type PathVariant, topVariants, topVariantsByGroup } from './path-top-variants.ts';
import { PathVariants } from './path-variants.ts';

export type { PathLink, PathNode } from './path-graph.ts';
export { OTHER } from './path-graph.ts';
export type { PathVariant } from './path-top-variants.ts';

/** One breakdown group's paths: its customers over the same labels per step as the total. */
export interface PathsGroup {
  name: string;
  /** The group's customers whose journey contains the anchor. */
  customers: number;
  nodes: PathNode[];
  links: PathLink[];
  /** The group's own most common whole paths. */
  variants: PathVariant[];
}

export interface PathsReport {
  direction: 'from' | 'to';
  /** The anchor event or touchpoint; null when paths start at each customer's first event. */
  anchor: string | null;
  steps: number;
  by: 'event' | 'touchpoint';
  /** Customers whose journey contains the anchor (in scope). */
  customers: number;
  nodes: PathNode[];
  links: PathLink[];
  variants: PathVariant[];
  /**
   * With a breakdown, the paths per group (most customers first; groups without an anchored
   * customer are left out); empty without one. Steps keep the total's labels (the rest are
   * OTHER), so groups compare node by node.
   */
  groups: PathsGroup[];
}

export interface PathsInput {
  direction: 'from' | 'to';
  anchorName: string | null;
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
  /** Whether the scope carries a breakdown (groups then reported one by one). */
  breakdown: boolean;
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
    const { steps, scope } = input;
    const width = steps + 1;
    const labelCount = input.labelNames.length;
    const forward = input.direction === 'from';
    const { path, durationMs, anchored } = input.scratch;
    const layout = stepSlots(part.counts, width, input.labelNames, input.topPerStep);
    const { slots, slotOf } = layout;
    // Nodes, links and whole-path variants (variants over the labels as they are): the total's
    // in table 0, with a breakdown each group's in table g + 1 as well.
    const groupCount = input.breakdown ? scope.groupNames.length : 0;
    const graph = graphCounts(1 + groupCount, width, slots);
    const { nodeCustomers, nodeDropOff, linkCustomers } = graph;
    const groupCustomers = new Int32Array(groupCount);
    const nodeTable = width * slots;
    const linkTable = width * slots * slots;
    const variants = new PathVariants(width);
    const variantOfRun = new Int32Array(rows.runCount).fill(-1);
    let customers = 0;
    for (let r = 0; r < rows.runCount; r++) {
      if (anchored[r] === 0) continue;
      customers++;
      const base = r * width;
      const g = groupCount === 0 ? -1 : (scope.group[r] as number);
      const nodeAt = (g + 1) * nodeTable;
      const linkAt = (g + 1) * linkTable;
      if (g >= 0) groupCustomers[g]++;
      let previousSlot = -1;
      let k = 0;
      for (; k < width; k++) {
        const label = path[base + k] as number;
        if (label < 0) break;
        const slot = slotOf[k * labelCount + label] as number;
        nodeCustomers[k * slots + slot]++;
        if (k > 0) linkCustomers[((k - 1) * slots + previousSlot) * slots + slot]++;
        if (g >= 0) {
          nodeCustomers[nodeAt + k * slots + slot]++;
          if (k > 0) linkCustomers[linkAt + ((k - 1) * slots + previousSlot) * slots + slot]++;
        }
        previousSlot = slot;
      }
      if (k < width) {
        nodeDropOff[(k - 1) * slots + previousSlot]++;
        if (g >= 0) nodeDropOff[nodeAt + (k - 1) * slots + previousSlot]++;
      }
      variantOfRun[r] = variants.idOf(path, base, k);
    }
    const paths: CustomerPaths = { path, width, durationMs, labelNames: input.labelNames, forward };
    const groupVariants =
      groupCount === 0
        ? []
        : topVariantsByGroup(variants, variantOfRun, scope.group, groupCount, paths, input.variants);
    const groups: PathsGroup[] = [];
    for (let g = 0; g < groupCount; g++) {
      if (groupCustomers[g] === 0) continue;
      groups.push({
        name: scope.groupNames[g] as string,
        customers: groupCustomers[g] as number,
        ...graphOf(graph, g + 1, width, layout, input.labelNames, forward),
        variants: groupVariants[g] as PathVariant[],
      });
    }
    groups.sort((a, b) => b.customers - a.customers || compareText(a.name, b.name));
    return {
      direction: input.direction,
      anchor: input.anchorName,
      steps,
      by: input.by,
      customers,
      ...graphOf(graph, 0, width, layout, input.labelNames, forward),
      variants: topVariants(variants, variantOfRun, paths, input.variants),
      groups,
    };
  },
};
