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
  return { nodes: flowOrder(nodes, kept), arcs: kept };
}

/**
 * Nodes in the order the journeys flow: a depth-first search from the start marker (then from
 * the most frequent node not yet reached), along the most frequent arcs first, in reverse
 * postorder. Every arc then points forward in this order except those closing a loop, so the
 * layout draws the main flow top to bottom and only loops upwards.
 */
export function flowOrder(nodes: readonly MapNode[], arcs: readonly MapArc[]): MapNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const out = new Map<string, MapArc[]>();
  for (const arc of [...arcs].sort((a, b) => b.count - a.count)) out.set(arc.from, [...(out.get(arc.from) ?? []), arc]);
  const visited = new Set<string>();
  const finished: MapNode[] = [];
  const visit = (id: string): void => {
    visited.add(id);
    for (const arc of out.get(id) ?? []) if (!visited.has(arc.to)) visit(arc.to);
    const node = byId.get(id);
    if (node !== undefined) finished.push(node);
  };
  const roots = [...nodes].sort((a, b) => (a.kind === 'start' ? -1 : b.kind === 'start' ? 1 : b.count - a.count));
  for (const root of roots) if (!visited.has(root.id)) visit(root.id);
  // Nothing leads into the start marker, so it may go first whichever search reached it.
  return finished.reverse().sort((a, b) => Number(b.kind === 'start') - Number(a.kind === 'start'));
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
