import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';
import { compareText } from '../shared/order.ts';
import { scratchFloat64, scratchInt32 } from '../shared/scratch-memory.ts';
import type { SplitKernel } from '../split/split-kernel.ts';
import { addPath, graphCounts, graphOf, type PathLink, type PathNode, stepSlots } from './path-graph.ts';
import { type ChosenVariant, mostCommon, type PathVariant, pathNames, VariantDurations } from './path-top-variants.ts';
import { mergeVariants, PathVariants, type PathVariantsData } from './path-variants.ts';

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
}

/**
 * What part of the customers add up to: their distinct paths, each keyed by the customers'
 * breakdown group first (`[group, label0, label1, …]`), with how many followed it; and per
 * customer, which entry they followed and how long it took (scratch memory, read in finish).
 */
export interface PathsPart {
  entries: PathVariantsData;
  pieces: PathsPiece[];
}

/** Customers [runFrom, runTo): per customer (from runFrom) their entry (-1: no path) and first-to-last milliseconds. */
export interface PathsPiece {
  runFrom: number;
  runTo: number;
  entryOfRun: Int32Array;
  durationMs: Float64Array;
  /** The part's entry ids of this piece's own table (null: the same table). */
  ids: Int32Array | null;
}

/**
 * Paths from (or to) an anchor event: each customer's next (or previous) steps after the
 * first anchor, as Sankey nodes and links per step (rare labels per step summed into
 * "Other") with drop-off, and the most common whole paths with their median duration.
 * Split: each part finds and counts its customers' distinct paths; finish works on the
 * distinct paths (thousands) rather than the customers (millions), except for one pass that
 * collects the durations of the paths shown.
 */
export const pathsKernel: SplitKernel<PathsInput, PathsPart, PathsReport> = {
  collect(rows, input, runFrom, runTo) {
    const { steps, scope } = input;
    const width = steps + 1; // the anchor and `steps` more
    const anchor = matchTable([input.anchor], input.anchor.activityOk.length);
    const labelOfRow = input.labelOfRow;
    const { activity, timestampMs } = rows;
    const entryOfRun = scratchInt32(runTo - runFrom);
    const durationMs = scratchFloat64(runTo - runFrom);
    const entries = new PathVariants();
    const key = new Int32Array(width + 1);
    const forward = input.direction === 'from';
    // Labels are the activities themselves, or the touchpoints the rows were classified as.
    const labels = labelOfRow ?? activity;
    for (let r = runFrom; r < runTo; r++) {
      const i = r - runFrom;
      entryOfRun[i] = -1;
      const g = scope.group[r] as number;
      if (g < 0) continue;
      const start = scope.rowStart[r] as number;
      const end = scope.rowEnd[r] as number;
      let at = start;
      while (at < end && ((labels[at] as number) < 0 || anchor.bits(rows, at) === 0)) at++;
      if (at === end) continue;
      key[0] = g;
      let k = 0;
      let last = at;
      for (let row = at; k < width && (forward ? row < end : row >= start); row += forward ? 1 : -1) {
        const label = labels[row] as number;
        if (label < 0) continue;
        key[1 + k] = label;
        last = row;
        k++;
      }
      entryOfRun[i] = entries.idOf(key, 0, 1 + k);
      durationMs[i] = Math.abs((timestampMs[last] as number) - (timestampMs[at] as number));
    }
    return { entries: entries.data(), pieces: [{ runFrom, runTo, entryOfRun, durationMs, ids: null }] };
  },

  merge(parts) {
    const { sum, ids } = mergeVariants(parts.map((part) => part.entries));
    const pieces = parts.flatMap((part, p) => {
      const partIds = ids[p] as Int32Array;
      return part.pieces.map((piece) => ({
        ...piece,
        ids: piece.ids === null ? partIds : piece.ids.map((id) => partIds[id] as number),
      }));
    });
    return { entries: sum.data(), pieces };
  },

  finish(_rows, input, part) {
    const { steps, scope } = input;
    const width = steps + 1;
    const labelCount = input.labelNames.length;
    const forward = input.direction === 'from';
    const { entries } = part;
    const groupCount = input.breakdown ? scope.groupNames.length : 0;
    // Whole paths over all groups, and each entry's path.
    const paths = new PathVariants();
    const pathOfEntry = new Int32Array(entries.size);
    const groupOf = new Int32Array(entries.size);
    const counts = new Int32Array(width * labelCount); // customers per step and label
    for (let e = 0; e < entries.size; e++) {
      const at = (entries.offsets[e] as number) + 1;
      const length = (entries.offsets[e + 1] as number) - at;
      const count = entries.counts[e] as number;
      groupOf[e] = entries.labels[at - 1] as number;
      pathOfEntry[e] = paths.idOf(entries.labels, at, length, count);
      for (let k = 0; k < length; k++) counts[k * labelCount + (entries.labels[at + k] as number)] += count;
    }
    // Nodes and links: the total's in table 0, with a breakdown each group's in table g + 1 as well.
    const layout = stepSlots(counts, width, input.labelNames, input.topPerStep);
    const graph = graphCounts(1 + groupCount, width, layout.slots);
    const groupCustomers = new Int32Array(groupCount);
    let customers = 0;
    for (let e = 0; e < entries.size; e++) {
      const at = (entries.offsets[e] as number) + 1;
      const path = {
        labels: entries.labels,
        at,
        length: (entries.offsets[e + 1] as number) - at,
        count: entries.counts[e] as number,
      };
      customers += path.count;
      addPath(graph, 0, width, layout, labelCount, path);
      if (groupCount === 0) continue;
      const g = groupOf[e] as number;
      groupCustomers[g] += path.count;
      addPath(graph, g + 1, width, layout, labelCount, path);
    }
    // The most common whole paths, of all customers and of each group.
    const nameOf = pathNames(paths, input.labelNames, forward);
    const top = mostCommon(
      Array.from({ length: paths.variantCount }, (_, id) => ({ id, customers: paths.count(id) })),
      input.variants,
      nameOf,
    );
    const rankOfPath = new Int32Array(paths.variantCount).fill(-1);
    top.forEach((variant, rank) => {
      rankOfPath[variant.id] = rank;
    });
    const byGroup: Array<Array<{ id: number; customers: number }>> = Array.from({ length: groupCount }, () => []);
    for (let e = 0; e < entries.size; e++) {
      if (groupCount > 0) byGroup[groupOf[e] as number]?.push({ id: e, customers: entries.counts[e] as number });
    }
    const placeOfEntry = new Int32Array(entries.size).fill(-1);
    const groupTops: ChosenVariant[][] = byGroup.map((candidates) => {
      const chosen = mostCommon(candidates, input.variants, (e) => nameOf(pathOfEntry[e] as number));
      chosen.forEach((variant, place) => {
        placeOfEntry[variant.id] = place;
      });
      return chosen;
    });
    // Their durations: one pass over the customers.
    const topDurations = new VariantDurations(top);
    const groupDurations = groupTops.map((chosen) => new VariantDurations(chosen));
    for (const piece of part.pieces) {
      const { entryOfRun, durationMs, ids } = piece;
      for (let i = 0; i < entryOfRun.length; i++) {
        const own = entryOfRun[i] as number;
        if (own < 0) continue;
        const e = ids === null ? own : (ids[own] as number);
        const seconds = (durationMs[i] as number) / 1000;
        const rank = rankOfPath[pathOfEntry[e] as number] as number;
        if (rank >= 0) topDurations.add(rank, seconds);
        const place = placeOfEntry[e] as number;
        if (place >= 0) (groupDurations[groupOf[e] as number] as VariantDurations).add(place, seconds);
      }
    }
    const groups: PathsGroup[] = [];
    for (let g = 0; g < groupCount; g++) {
      if (groupCustomers[g] === 0) continue;
      groups.push({
        name: scope.groupNames[g] as string,
        customers: groupCustomers[g] as number,
        ...graphOf(graph, g + 1, width, layout, input.labelNames, forward),
        variants: (groupDurations[g] as VariantDurations).variants(),
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
      variants: topDurations.variants(),
      groups,
    };
  },
};
