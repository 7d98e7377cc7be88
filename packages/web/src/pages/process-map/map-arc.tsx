import { formatDuration, formatInteger } from '../../format/format.ts';
import { arcShape } from './arc-path.ts';
import type { MapArc } from './map-graph.ts';
import type { PlacedArc } from './map-layout.ts';

function arcTitle(arc: MapArc): string {
  const times =
    arc.medianSeconds === null || arc.p90Seconds === null
      ? ''
      : `; median ${formatDuration(arc.medianSeconds)}, p90 ${formatDuration(arc.p90Seconds)}`;
  const what = arc.kind === 'transition' ? 'times' : 'journeys';
  return `${arc.fromLabel} → ${arc.toLabel}: ${formatInteger(arc.count)} ${what}${times}`;
}

/** A transition (or a start or end arc) as a line as thick as it is frequent, with an arrowhead. */
export function MapArcShape({ placed }: { placed: PlacedArc }) {
  const { arc, points, thickness } = placed;
  const shape = arcShape(points, thickness);
  return (
    <g className={`pm-arc pm-arc-${arc.kind}`}>
      <title>{arcTitle(arc)}</title>
      <path
        d={shape.path}
        strokeWidth={thickness}
        data-testid={arc.kind === 'transition' ? 'pm-edge' : 'pm-endpoint-edge'}
        data-from={arc.fromLabel}
        data-to={arc.toLabel}
        data-count={arc.count}
      />
      <polygon points={shape.arrow} />
    </g>
  );
}
