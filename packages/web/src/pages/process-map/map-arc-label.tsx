import type { PlacedArc } from './map-layout.ts';
import type { EdgeLabelMode } from './map-params.ts';
import { arcLabel, arcLabelValue, LABEL_FONT_SIZE } from './map-text.ts';

/** An arc's label in the room the layout left for it: its count, median or p90 time. */
export function MapArcLabel({ placed, mode }: { placed: PlacedArc; mode: EdgeLabelMode }) {
  const { arc, label: box } = placed;
  const text = arcLabel(arc, mode);
  if (box === null || text === null) return null;
  return (
    <g
      className={`pm-label pm-label-${arc.kind}`}
      transform={`translate(${box.x} ${box.y})`}
      data-testid={arc.kind === 'transition' ? 'pm-edge-label' : 'pm-endpoint-label'}
      data-from={arc.fromLabel}
      data-to={arc.toLabel}
      data-value={arcLabelValue(arc, mode) ?? ''}
    >
      <text x={box.width / 2} y={box.height / 2} dominantBaseline="central" fontSize={LABEL_FONT_SIZE}>
        {text}
      </text>
    </g>
  );
}
