import type { PathsReport } from '@waymark/core';

/**
 * The paths report as a Sankey diagram, left to right in time. A label can appear at several
 * steps, so a node's id is `${step}:${label}`. Where paths end within the depth shown, a grey
 * "(drop-off)" node one column further takes them; leading to an anchor, a "(journey start)"
 * node one column earlier feeds the paths that begin there.
 */

export const DROP_OFF = '(drop-off)';
export const JOURNEY_START = '(journey start)';
/** What the report calls the labels it sums beyond `top` per step (core's `OTHER`). */
export const OTHER = 'Other';

export type SankeyNodeKind = 'step' | 'drop-off' | 'start';

export interface SankeyNode {
  id: string;
  /** The label shown: the event or touchpoint, or one of the markers above. */
  name: string;
  /** The report's step (0 = the anchor); for a marker, the step of the nodes it belongs to. */
  step: number;
  /** Column from the left, 0-based. */
  column: number;
  customers: number;
  /** Paths that end here (from an anchor) or begin here (leading to one). */
  ends: number;
  kind: SankeyNodeKind;
}

export interface SankeyLink {
  source: string;
  target: string;
  customers: number;
  kind: 'path' | 'drop-off' | 'start';
}

export interface PathsSankey {
  nodes: SankeyNode[];
  links: SankeyLink[];
  columns: number;
  /** The most nodes in one column, for the chart's height. */
  tallestColumn: number;
}

/** Markers get ids no label can have (labels never hold a NUL). */
const markerId = (step: number, kind: SankeyNodeKind): string => `${step}:\u0000${kind}`;
export const nodeId = (step: number, label: string): string => `${step}:${label}`;

/** Nodes and links for ECharts' Sankey from a paths report. */
export function pathsSankey(report: PathsReport): PathsSankey {
  const forward = report.direction === 'from';
  const nodes: SankeyNode[] = [];
  const links: SankeyLink[] = [];
  const markers = new Map<string, SankeyNode>();
  // Leading to an anchor, steps are 0, −1, …: the earliest step (or its start marker) is column 0.
  const leftmost = forward ? 0 : Math.min(0, ...report.nodes.map((n) => n.step - (n.dropOff > 0 ? 1 : 0)));
  const column = (step: number): number => step - leftmost;

  for (const node of report.nodes) {
    const id = nodeId(node.step, node.label);
    nodes.push({
      id,
      name: node.label,
      step: node.step,
      column: column(node.step),
      customers: node.customers,
      ends: node.dropOff,
      kind: 'step',
    });
    if (node.dropOff === 0) continue;
    const markerStep = forward ? node.step + 1 : node.step - 1;
    const kind = forward ? 'drop-off' : 'start';
    const markerKey = markerId(markerStep, kind);
    let marker = markers.get(markerKey);
    if (marker === undefined) {
      marker = {
        id: markerKey,
        name: forward ? DROP_OFF : JOURNEY_START,
        step: node.step,
        column: column(markerStep),
        customers: 0,
        ends: 0,
        kind,
      };
      markers.set(markerKey, marker);
    }
    marker.customers += node.dropOff;
    links.push(
      forward
        ? { source: id, target: markerKey, customers: node.dropOff, kind }
        : { source: markerKey, target: id, customers: node.dropOff, kind },
    );
  }
  for (const link of report.links) {
    // From an anchor a link goes fromStep → fromStep + 1; leading to one, `to` comes before `from`.
    if (forward) {
      links.push({
        source: nodeId(link.fromStep, link.from),
        target: nodeId(link.fromStep + 1, link.to),
        customers: link.customers,
        kind: 'path',
      });
    } else {
      links.push({
        source: nodeId(link.fromStep - 1, link.to),
        target: nodeId(link.fromStep, link.from),
        customers: link.customers,
        kind: 'path',
      });
    }
  }
  const all = [...nodes, ...markers.values()];
  // In each column: the most customers first, "Other" after the named labels, the marker last.
  const rank = (node: SankeyNode): number => (node.kind !== 'step' ? 2 : node.name === OTHER ? 1 : 0);
  all.sort((a, b) => a.column - b.column || rank(a) - rank(b) || b.customers - a.customers);
  const perColumn = new Map<number, number>();
  for (const node of all) perColumn.set(node.column, (perColumn.get(node.column) ?? 0) + 1);
  return {
    nodes: all,
    links,
    columns: all.length === 0 ? 0 : Math.max(...all.map((n) => n.column)) + 1,
    tallestColumn: Math.max(0, ...perColumn.values()),
  };
}

/** How a step is named: "Anchor", "Step 2", "2 steps before". */
export function stepName(step: number, direction: PathsReport['direction'], anchored: boolean): string {
  if (step === 0) return anchored ? 'Anchor' : 'First event';
  if (direction === 'from') return `Step ${step}`;
  return step === -1 ? '1 step before' : `${-step} steps before`;
}
