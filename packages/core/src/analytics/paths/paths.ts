import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { MatchTable } from '../matching/match-table.ts';
import { compareText, medianOfSlice } from '../shared/order.ts';

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
  /** Bit 0: the row is the anchor. */
  anchor: MatchTable;
  /** Each row's label code (-1: not part of paths, skipped), and the label names. */
  labelOfRow: Int32Array | null;
  labelNames: readonly string[];
  by: 'event' | 'touchpoint';
  steps: number;
  /** Labels kept per step; the rest are summed into "Other". */
  topPerStep: number;
  variants: number;
  scope: CustomerScope;
}

export const OTHER = 'Other';

/**
 * Paths from (or to) an anchor event: each customer's next (or previous) steps after the
 * first anchor, as Sankey nodes and links per step (rare labels per step summed into
 * "Other") with drop-off, and the most common whole paths with their median duration.
 */
export function paths(rows: SortedRows, input: PathsInput): PathsReport {
  const { steps, scope } = input;
  const width = steps + 1; // the anchor and `steps` more
  const labelCount = input.labelNames.length;
  const labelOf = (row: number): number =>
    input.labelOfRow === null ? (rows.activity[row] as number) : (input.labelOfRow[row] as number);
  // Pass 1: each customer's path (labels, -1 padded) and its duration.
  const path = new Int32Array(rows.runCount * width).fill(-1);
  const durationMs = new Float64Array(rows.runCount);
  const anchored = new Uint8Array(rows.runCount);
  const counts = new Int32Array(width * labelCount);
  const forward = input.direction === 'from';
  for (let r = 0; r < rows.runCount; r++) {
    if ((scope.group[r] as number) < 0) continue;
    const start = scope.rowStart[r] as number;
    const end = scope.rowEnd[r] as number;
    let at = start;
    while (at < end && ((input.anchor.bits(rows, at) & 1) === 0 || labelOf(at) < 0)) at++;
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
  const bucket = (k: number, label: number): number => (kept[k * labelCount + label] === 1 ? label : labelCount);
  // Pass 2: nodes, links and whole-path variants over the bucketed labels.
  const nodeCounts = new Map<number, { customers: number; dropOff: number }>();
  const linkCounts = new Map<number, number>();
  const variantOf = new Map<string, number[]>();
  let customers = 0;
  const key = new Array<number>(width);
  for (let r = 0; r < rows.runCount; r++) {
    if (anchored[r] === 0) continue;
    customers++;
    key.length = 0;
    for (let k = 0; k < width; k++) {
      const label = path[r * width + k] as number;
      if (label < 0) break;
      const b = bucket(k, label);
      key.push(label);
      const node = k * (labelCount + 1) + b;
      const entry = nodeCounts.get(node) ?? { customers: 0, dropOff: 0 };
      entry.customers++;
      const next = k + 1 < width ? (path[r * width + k + 1] as number) : -1;
      if (next < 0) {
        if (k + 1 < width) entry.dropOff++;
      } else {
        const link = (k * (labelCount + 1) + b) * (labelCount + 1) + bucket(k + 1, next);
        linkCounts.set(link, (linkCounts.get(link) ?? 0) + 1);
      }
      nodeCounts.set(node, entry);
    }
    const id = key.join(',');
    let members = variantOf.get(id);
    if (members === undefined) {
      members = [];
      variantOf.set(id, members);
    }
    members.push(r);
  }
  const name = (label: number): string => (label === labelCount ? OTHER : (input.labelNames[label] as string));
  const stepNumber = (k: number): number => (forward ? k : 0 - k); // 0 - 0 is +0; -0 would compare unequal to 0
  const nodes: PathNode[] = [...nodeCounts.entries()].map(([node, entry]) => ({
    step: stepNumber(Math.floor(node / (labelCount + 1))),
    label: name(node % (labelCount + 1)),
    customers: entry.customers,
    dropOff: entry.dropOff,
  }));
  nodes.sort(
    (a, b) => Math.abs(a.step) - Math.abs(b.step) || b.customers - a.customers || compareText(a.label, b.label),
  );
  const links: PathLink[] = [...linkCounts.entries()].map(([link, count]) => {
    const to = link % (labelCount + 1);
    const fromNode = Math.floor(link / (labelCount + 1));
    return {
      fromStep: stepNumber(Math.floor(fromNode / (labelCount + 1))),
      from: name(fromNode % (labelCount + 1)),
      to: name(to),
      customers: count,
    };
  });
  links.sort(
    (a, b) =>
      Math.abs(a.fromStep) - Math.abs(b.fromStep) ||
      b.customers - a.customers ||
      compareText(a.from, b.from) ||
      compareText(a.to, b.to),
  );
  // Ties by the labels' names (codes depend on arrival order).
  const named = [...variantOf.entries()].map(([id, members]) => {
    const codes = id.split(',').map(Number);
    const labels = (forward ? codes : codes.reverse()).map((code) => input.labelNames[code] as string);
    return { labels, members, text: labels.join('\u0000') };
  });
  named.sort((a, b) => b.members.length - a.members.length || compareText(a.text, b.text));
  const variants = named.slice(0, input.variants).map(({ labels, members }) => {
    const durations = Float64Array.from(members, (r) => (durationMs[r] as number) / 1000);
    return { labels, customers: members.length, medianSeconds: medianOfSlice(durations, 0, durations.length) };
  });
  return {
    direction: input.direction,
    anchor: input.anchorName,
    steps,
    by: input.by,
    customers,
    nodes,
    links,
    variants,
  };
}
