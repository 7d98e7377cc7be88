import { formatInteger } from '../../format/format.ts';
import type { PlacedNode } from './map-layout.ts';
import { COUNT_FONT_SIZE, NAME_FONT_SIZE } from './map-text.ts';

/** Pale to light accent by how often the activity occurs, against the most frequent one on the map. */
function nodeFill(share: number): string {
  const t = Math.sqrt(Math.max(0, Math.min(1, share)));
  const low = [248, 249, 251];
  const high = [186, 200, 250];
  return `rgb(${low.map((from, i) => Math.round(from + ((high[i] as number) - from) * t)).join(', ')})`;
}

/** An activity (name and how often it occurs), or the start or end marker. */
export function MapNodeShape({ placed, largest }: { placed: PlacedNode; largest: number }) {
  const { node, box } = placed;
  const middle = box.width / 2;
  if (node.kind !== 'activity') {
    return (
      <g
        className={`pm-marker pm-marker-${node.kind}`}
        transform={`translate(${box.x} ${box.y})`}
        data-testid={`pm-${node.kind}`}
      >
        <title>{`${formatInteger(node.count)} journeys`}</title>
        <rect width={box.width} height={box.height} rx={box.height / 2} />
        <text x={middle} y={box.height / 2} dominantBaseline="central" fontSize={NAME_FONT_SIZE}>
          {node.label}
        </text>
      </g>
    );
  }
  return (
    <g
      className="pm-node"
      transform={`translate(${box.x} ${box.y})`}
      data-testid="pm-node"
      data-activity={node.label}
      data-count={node.count}
    >
      <title>{`${node.label}: ${formatInteger(node.count)} events`}</title>
      <rect width={box.width} height={box.height} rx={8} fill={nodeFill(largest === 0 ? 0 : node.count / largest)} />
      <text className="pm-node-name" x={middle} y={16} fontSize={NAME_FONT_SIZE}>
        {node.label}
      </text>
      <text className="pm-node-count" x={middle} y={32} fontSize={COUNT_FONT_SIZE}>
        {formatInteger(node.count)}
      </text>
    </g>
  );
}
