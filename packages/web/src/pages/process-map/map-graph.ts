import type { DfgReport } from '@waymark/core';

/**
 * The process map as a graph to draw: activities, one start marker, an end marker below each
 * activity that journeys end at (one shared end marker would pull a long arc from every such
 * activity to the bottom of the map), and arcs — the report's transitions plus "journey starts
 * here" and "ends here" arcs — of which only those seen at least `minCount` times are kept.
 */

export type MapNodeKind = 'start' | 'end' | 'activity';
export type MapArcKind = 'transition' | 'start' | 'end';

export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  /** How often the activity occurs; journeys for the markers (all for the start, ending there for an end). */
  count: number;
}

export interface MapArc {
  id: string;
  kind: MapArcKind;
  from: string;
  to: string;
  /** The activity names (or "Start", "End") at either end, for people and tests. */
  fromLabel: string;
  toLabel: string;
  count: number;
  /** Times between the two activities; null on start and end arcs. */
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface MapGraph {
  nodes: MapNode[];
  arcs: MapArc[];
}

export const START_ID = 'start';
const START_LABEL = 'Start';
const END_LABEL = 'End';
const activityId = (name: string): string => `activity:${name}`;
const endId = (name: string): string => `end:${name}`;

/**
 * How often each activity occurs: every event starts a journey or ends a transition, so this
 * is its start count plus the counts of the transitions into it.
 */
export function activityCounts(report: DfgReport): Map<string, number> {
  const counts = new Map<string, number>(report.activities.map((name) => [name, report.startActivities[name] ?? 0]));
  for (const edge of report.edges) counts.set(edge.to, (counts.get(edge.to) ?? 0) + edge.count);
  return counts;
}

/** Every arc of the report, none hidden. */
export function allArcs(report: DfgReport): MapArc[] {
  const arcs: MapArc[] = report.edges.map((edge) => ({
    id: `transition:${JSON.stringify([edge.from, edge.to])}`,
    kind: 'transition',
    from: activityId(edge.from),
    to: activityId(edge.to),
    fromLabel: edge.from,
    toLabel: edge.to,
    count: edge.count,
    medianSeconds: edge.medianSeconds,
    p90Seconds: edge.p90Seconds,
  }));
  const endpoint = (kind: 'start' | 'end', name: string, count: number): MapArc => ({
    id: `${kind}:${name}`,
    kind,
    from: kind === 'start' ? START_ID : activityId(name),
    to: kind === 'start' ? activityId(name) : endId(name),
    fromLabel: kind === 'start' ? START_LABEL : name,
    toLabel: kind === 'start' ? name : END_LABEL,
    count,
    medianSeconds: null,
    p90Seconds: null,
  });
  for (const [name, count] of Object.entries(report.startActivities)) arcs.push(endpoint('start', name, count));
  for (const [name, count] of Object.entries(report.endActivities)) arcs.push(endpoint('end', name, count));
  return arcs;
}

/** The distinct arc counts, ascending: the slider's stops (each hides at least one more arc). */
export function countSteps(arcs: readonly MapArc[]): number[] {
  return [...new Set(arcs.map((arc) => arc.count))].sort((a, b) => a - b);
}

/** The arcs seen at least `minCount` times, and the nodes they touch, in {@link flowOrder}. */
export function visibleGraph(report: DfgReport, arcs: readonly MapArc[], minCount: number): MapGraph {
  const kept = arcs.filter((arc) => arc.count >= minCount);
  const touched = new Set(kept.flatMap((arc) => [arc.from, arc.to]));
  const counts = activityCounts(report);
  const nodes: MapNode[] = report.activities
    .map((name): MapNode => ({ id: activityId(name), kind: 'activity', label: name, count: counts.get(name) ?? 0 }))
    .filter((node) => touched.has(node.id));
  if (touched.has(START_ID)) nodes.push({ id: START_ID, kind: 'start', label: START_LABEL, count: report.cases });
  for (const arc of kept)
    if (arc.kind === 'end') nodes.push({ id: arc.to, kind: 'end', label: END_LABEL, count: arc.count });
  return { nodes: flowOrder(nodes, kept, meanSteps(report)), arcs: kept };
}

/**
 * The mean step (0 for a journey's first event) at which each activity occurs, estimated from
 * the graph alone as if each step depended only on the one before: an activity's mean is the
 * mean over the arcs into it of one more than their source's. Solved by iterating (loops make
 * it a fixed point); every journey ends, so it converges.
 */
export function meanSteps(report: DfgReport): Map<string, number> {
  const counts = activityCounts(report);
  const step = new Map(report.activities.map((name) => [name, 0]));
  const selfLoops = new Map<string, number>();
  for (const edge of report.edges) if (edge.from === edge.to) selfLoops.set(edge.to, edge.count);
  const incoming = report.edges.filter((edge) => edge.from !== edge.to);
  for (let iteration = 0; iteration < 500; iteration++) {
    const sums = new Map<string, number>();
    for (const edge of incoming) {
      sums.set(edge.to, (sums.get(edge.to) ?? 0) + edge.count * ((step.get(edge.from) ?? 0) + 1));
    }
    let change = 0;
    for (const name of report.activities) {
      const loops = selfLoops.get(name) ?? 0;
      const others = (counts.get(name) ?? 0) - loops; // starts (step 0) and arcs from other activities
      const next = others > 0 ? ((sums.get(name) ?? 0) + loops) / others : 0;
      change = Math.max(change, Math.abs(next - (step.get(name) ?? 0)));
      step.set(name, next);
    }
    if (change < 1e-9) break;
  }
  return step;
}

/**
 * Nodes in the order journeys flow: the start marker, then activities by the mean step at
 * which they occur (the more frequent first on a tie), each end marker right after its
 * activity. The layout treats an arc against this order as a loop, so the main flow runs
 * downwards and only what happens "later on average, then earlier" points up.
 */
export function flowOrder(nodes: readonly MapNode[], arcs: readonly MapArc[], steps: Map<string, number>): MapNode[] {
  const endOf = new Map(arcs.filter((arc) => arc.kind === 'end').map((arc) => [arc.from, arc.to]));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const activities = nodes
    .filter((node) => node.kind === 'activity')
    .sort((a, b) => (steps.get(a.label) ?? 0) - (steps.get(b.label) ?? 0) || b.count - a.count);
  const order = nodes.filter((node) => node.kind === 'start');
  for (const activity of activities) {
    order.push(activity);
    const end = byId.get(endOf.get(activity.id) ?? '');
    if (end !== undefined) order.push(end);
  }
  return order;
}

/**
 * The lowest count at which at most `limit` arcs remain: a map of every arc of a large log
 * would be unreadable (and slow to lay out), so the page starts there unless told otherwise.
 */
export function defaultMinCount(steps: readonly number[], arcs: readonly MapArc[], limit: number): number {
  const counts = arcs.map((arc) => arc.count).sort((a, b) => b - a);
  if (counts.length <= limit) return steps[0] ?? 1;
  // More than `limit` arcs: the smallest stop above the (limit+1)-th largest count.
  const cut = counts[limit] as number;
  return steps.find((step) => step > cut) ?? cut + 1;
}
