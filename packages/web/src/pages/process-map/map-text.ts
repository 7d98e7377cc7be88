import { formatDuration, formatInteger } from '../../format/format.ts';
import type { MapArc } from './map-graph.ts';
import type { MapSizes } from './map-layout.ts';
import type { EdgeLabelMode } from './map-params.ts';

/** The map's texts and the room they take, measured in the page's own font. */

export const NAME_FONT_SIZE = 13;
export const COUNT_FONT_SIZE = 12;
export const LABEL_FONT_SIZE = 12;
const NODE_PADDING = 12;
const NODE_HEIGHT = 42;
const MARKER_HEIGHT = 24;
const LABEL_PADDING = 2;
const LABEL_HEIGHT = 16;

/** What an arc's label says in a mode: start and end arcs have only a count, shown in frequency mode. */
export function arcLabel(arc: MapArc, mode: EdgeLabelMode): string | null {
  if (mode === 'count') return formatInteger(arc.count);
  const seconds = mode === 'median' ? arc.medianSeconds : arc.p90Seconds;
  return seconds === null ? null : formatDuration(seconds);
}

/** The exact number behind a label (`data-value`), as the API gives it. */
export function arcLabelValue(arc: MapArc, mode: EdgeLabelMode): number | null {
  return mode === 'count' ? arc.count : mode === 'median' ? arc.medianSeconds : arc.p90Seconds;
}

/** Text width in pixels: a canvas measures it in the font the page uses. */
export type MeasureText = (text: string, font: string) => number;

export function canvasMeasure(fontFamily: string): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (context === null) return text.length * 7.5; // no canvas: a generous estimate
    context.font = `${font} ${fontFamily}`;
    return context.measureText(text).width;
  };
}

/** Room for each node and label; a label gets room for its widest mode, so toggling modes keeps the layout. */
export function mapSizes(measure: MeasureText): MapSizes {
  return {
    node: (node) => {
      const name = measure(node.label, `600 ${NAME_FONT_SIZE}px`);
      if (node.kind !== 'activity') return { width: Math.ceil(name + 2 * NODE_PADDING), height: MARKER_HEIGHT };
      const count = measure(formatInteger(node.count), `${COUNT_FONT_SIZE}px`);
      return { width: Math.ceil(Math.max(name, count) + 2 * NODE_PADDING), height: NODE_HEIGHT };
    },
    label: (arc) => {
      const texts = (['count', 'median', 'p90'] as const).flatMap((mode) => arcLabel(arc, mode) ?? []);
      const width = Math.max(0, ...texts.map((text) => measure(text, `${LABEL_FONT_SIZE}px`)));
      return { width: Math.ceil(width + 2 * LABEL_PADDING), height: LABEL_HEIGHT };
    },
  };
}
