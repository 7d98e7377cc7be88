import { MapArcShape } from './map-arc.tsx';
import { MapArcLabel } from './map-arc-label.tsx';
import type { MapLayout } from './map-layout.ts';
import { MapNodeShape } from './map-node.tsx';
import type { EdgeLabelMode } from './map-params.ts';

/** The laid-out map: arcs under nodes, labels on top; as wide as its layout, narrower to fit the card. */
export function ProcessMapSvg({ layout, mode, pending }: { layout: MapLayout; mode: EdgeLabelMode; pending: boolean }) {
  const largest = layout.nodes.reduce(
    (max, { node }) => (node.kind === 'activity' ? Math.max(max, node.count) : max),
    0,
  );
  return (
    <svg
      className="pm-svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label="Process map"
      data-testid="pm-svg"
      data-state={pending ? 'pending' : 'ready'}
    >
      <g>
        {layout.arcs.map((placed) => (
          <MapArcShape key={placed.arc.id} placed={placed} />
        ))}
      </g>
      <g>
        {layout.nodes.map((placed) => (
          <MapNodeShape key={placed.node.id} placed={placed} largest={largest} />
        ))}
      </g>
      <g>
        {layout.arcs.map((placed) => (
          <MapArcLabel key={placed.arc.id} placed={placed} mode={mode} />
        ))}
      </g>
    </svg>
  );
}
