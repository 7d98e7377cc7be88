import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { type MapArc, type MapGraph, type MapNode, START_ID } from './map-graph.ts';

/** The process map laid out by ELK's layered (Sugiyama) algorithm: boxes, routed arcs, label boxes. */

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface PlacedNode {
  node: MapNode;
  box: Box;
}

export interface PlacedArc {
  arc: MapArc;
  /** Start, bends, end: an orthogonal route. */
  points: Point[];
  /** Where the label goes (room for the widest of its texts), or null for none. */
  label: Box | null;
  /** Stroke width in pixels, by the arc's count. */
  thickness: number;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  arcs: PlacedArc[];
}

export interface Size {
  width: number;
  height: number;
}

/** What the drawing needs room for: computed where text can be measured. */
export interface MapSizes {
  node: (node: MapNode) => Size;
  /** The arc's label (the widest of the texts it may show), or null for none. */
  label: (arc: MapArc) => Size | null;
}

const MIN_THICKNESS = 1.5;
const MAX_THICKNESS = 9;

/** Stroke width: the most frequent arc on the map is the thickest. */
export function arcThickness(count: number, largest: number): number {
  return MIN_THICKNESS + (MAX_THICKNESS - MIN_THICKNESS) * (largest <= 0 ? 0 : count / largest);
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
  'elk.spacing.nodeNode': '24',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '1',
  'elk.layered.spacing.nodeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeNodeBetweenLayers': '8',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
};

/**
 * Network simplex places nodes most compactly but its time grows steeply with the dummy nodes
 * long arcs and labels add (seconds at 80 arcs on the project machine); Brandes–Köpf stays fast.
 */
const COMPACT_PLACEMENT_MAX_ARCS = 60;

let elk: Promise<ELK> | undefined;

/**
 * ELK is large (1.6 MB): its engine runs in a worker thread, loaded the first time a map is
 * laid out, so the page stays responsive while a large map is laid out.
 */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk-api.js').then(
    ({ default: Elk }) =>
      new Elk({
        workerFactory: () => new Worker(new URL('./elk-layout-worker.ts', import.meta.url), { type: 'module' }),
      }),
  );
  return elk;
}

/**
 * Lays the graph out: the start marker on top, labels where nothing overlaps them. Loops are
 * the arcs against the nodes' order (see `flowOrder`).
 */
export async function layOutMap(graph: MapGraph, sizes: MapSizes): Promise<MapLayout> {
  const largest = graph.arcs.reduce((max, arc) => Math.max(max, arc.count), 0);
  const children: ElkNode[] = graph.nodes.map((node) => ({ id: node.id, ...sizes.node(node) }));
  for (const child of children) {
    if (child.id === START_ID) child.layoutOptions = { 'elk.layered.layering.layerConstraint': 'FIRST_SEPARATE' };
  }
  const edges: ElkExtendedEdge[] = graph.arcs.map((arc) => {
    const label = sizes.label(arc);
    return {
      id: arc.id,
      sources: [arc.from],
      targets: [arc.to],
      layoutOptions: { 'elk.edge.thickness': String(arcThickness(arc.count, largest)) },
      labels:
        label === null
          ? []
          : [
              {
                id: `${arc.id}:label`,
                text: String(arc.count), // ELK skips labels without text; the size is ours
                ...label,
                layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' },
              },
            ],
    };
  });
  const placement: Record<string, string> =
    graph.arcs.length <= COMPACT_PLACEMENT_MAX_ARCS
      ? { 'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX' }
      : {
          'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
          'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
        };
  const root: ElkNode = { id: 'root', layoutOptions: { ...LAYOUT_OPTIONS, ...placement }, children, edges };
  const laidOut: ElkNode = await (await loadElk()).layout(root);

  const boxes = new Map((laidOut.children ?? []).map((child) => [child.id, boxOf(child)]));
  const routed = new Map((laidOut.edges ?? []).map((edge) => [edge.id, edge as ElkExtendedEdge]));
  return {
    width: laidOut.width ?? 0,
    height: laidOut.height ?? 0,
    nodes: graph.nodes.map((node) => ({ node, box: boxes.get(node.id) ?? { x: 0, y: 0, width: 0, height: 0 } })),
    arcs: graph.arcs.map((arc) => {
      const edge = routed.get(arc.id);
      const points = (edge?.sections ?? []).flatMap((section) => [
        section.startPoint,
        ...(section.bendPoints ?? []),
        section.endPoint,
      ]);
      const label = edge?.labels?.[0];
      return {
        arc,
        points: points.map(({ x, y }) => ({ x, y })),
        label: label === undefined ? null : boxOf(label),
        thickness: arcThickness(arc.count, largest),
      };
    }),
  };
}

function boxOf(shape: { x?: number; y?: number; width?: number; height?: number }): Box {
  return { x: shape.x ?? 0, y: shape.y ?? 0, width: shape.width ?? 0, height: shape.height ?? 0 };
}
