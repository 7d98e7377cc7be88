import { compareText } from '../shared/order.ts';

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

export const OTHER = 'Other';

/**
 * The labels kept at each step (the `top` most common there; the rest are summed as OTHER),
 * each with a dense slot per step, OTHER the last: nodes and links count in small tables.
 */
export interface StepSlots {
  /** Slots per step: the kept labels and OTHER. */
  slots: number;
  /** Per step and label (`[k * labelCount + label]`): its slot. */
  slotOf: Int32Array;
  /** Per step and slot: its label (labelCount for OTHER). */
  labelOfSlot: Int32Array;
}

/** Ranks each step's labels by customers (`counts[k * labelCount + label]`), ties by name. */
export function stepSlots(
  counts: Int32Array,
  width: number,
  labelNames: readonly string[],
  topPerStep: number,
): StepSlots {
  const labelCount = labelNames.length;
  const kept = new Uint8Array(width * labelCount);
  for (let k = 0; k < width; k++) {
    const ranked = [...Array(labelCount).keys()]
      .filter((label) => (counts[k * labelCount + label] as number) > 0)
      .sort(
        (a, b) =>
          (counts[k * labelCount + b] as number) - (counts[k * labelCount + a] as number) ||
          compareText(labelNames[a] as string, labelNames[b] as string),
      );
    for (const label of ranked.slice(0, topPerStep)) kept[k * labelCount + label] = 1;
  }
  const slots = Math.min(labelCount, topPerStep) + 1;
  const slotOf = new Int32Array(width * labelCount).fill(slots - 1);
  const labelOfSlot = new Int32Array(width * slots).fill(labelCount);
  for (let k = 0; k < width; k++) {
    let next = 0;
    for (let label = 0; label < labelCount; label++) {
      if (kept[k * labelCount + label] !== 1) continue;
      slotOf[k * labelCount + label] = next;
      labelOfSlot[k * slots + next] = label;
      next++;
    }
  }
  return { slots, slotOf, labelOfSlot };
}

/**
 * Node and link counts of one or more tables: the total is table 0, breakdown group g table
 * g + 1. Node cells are `[(t * width + k) * slots + slot]`, link cells
 * `[((t * width + k) * slots + from) * slots + to]` for the link from step k to k + 1.
 */
export interface GraphCounts {
  nodeCustomers: Int32Array;
  nodeDropOff: Int32Array;
  linkCustomers: Int32Array;
}

export function graphCounts(tables: number, width: number, slots: number): GraphCounts {
  return {
    nodeCustomers: new Int32Array(tables * width * slots),
    nodeDropOff: new Int32Array(tables * width * slots),
    linkCustomers: new Int32Array(tables * width * slots * slots),
  };
}

/**
 * Counts `count` customers who followed the labels `labels[at, at + length)` (step 0 the
 * anchor) into table t: a node per step, a link per consecutive pair, and a drop-off where the
 * path ends before the last step.
 */
export function addPath(
  counts: GraphCounts,
  t: number,
  width: number,
  layout: StepSlots,
  labelCount: number,
  path: { labels: Int32Array; at: number; length: number; count: number },
): void {
  const { slots, slotOf } = layout;
  const { labels, at, length, count } = path;
  const nodeAt = t * width * slots;
  const linkAt = nodeAt * slots;
  let previousSlot = -1;
  for (let k = 0; k < length; k++) {
    const slot = slotOf[k * labelCount + (labels[at + k] as number)] as number;
    counts.nodeCustomers[nodeAt + k * slots + slot] += count;
    if (k > 0) counts.linkCustomers[linkAt + ((k - 1) * slots + previousSlot) * slots + slot] += count;
    previousSlot = slot;
  }
  if (length < width) counts.nodeDropOff[nodeAt + (length - 1) * slots + previousSlot] += count;
}

/** Table t's nodes and links, named, in the report's order (nearest step first, then most customers). */
export function graphOf(
  counts: GraphCounts,
  t: number,
  width: number,
  layout: StepSlots,
  labelNames: readonly string[],
  forward: boolean,
): { nodes: PathNode[]; links: PathLink[] } {
  const { slots, labelOfSlot } = layout;
  const labelCount = labelNames.length;
  const name = (label: number): string => (label === labelCount ? OTHER : (labelNames[label] as string));
  const stepNumber = (k: number): number => (forward ? k : 0 - k); // 0 - 0 is +0; -0 would compare unequal to 0
  const nodes: PathNode[] = [];
  const links: PathLink[] = [];
  for (let k = 0; k < width; k++) {
    const cell = (t * width + k) * slots;
    for (let slot = 0; slot < slots; slot++) {
      const count = counts.nodeCustomers[cell + slot] as number;
      if (count === 0) continue;
      const label = name(labelOfSlot[k * slots + slot] as number);
      nodes.push({ step: stepNumber(k), label, customers: count, dropOff: counts.nodeDropOff[cell + slot] as number });
      if (k + 1 === width) continue;
      for (let to = 0; to < slots; to++) {
        const linked = counts.linkCustomers[(cell + slot) * slots + to] as number;
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
  return { nodes, links };
}
