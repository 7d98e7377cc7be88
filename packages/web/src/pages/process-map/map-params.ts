/** The process map's own address parameters: what the edge labels show and the slider's minimum. */

export type EdgeLabelMode = 'count' | 'median' | 'p90';

export const LABEL_MODES: ReadonlyArray<{ value: EdgeLabelMode; label: string }> = [
  { value: 'count', label: 'Frequency' },
  { value: 'median', label: 'Median time' },
  { value: 'p90', label: 'P90 time' },
];
export const DEFAULT_LABEL_MODE: EdgeLabelMode = 'count';

export const parseLabelMode = (text: string | null): EdgeLabelMode | null =>
  text === 'count' || text === 'median' || text === 'p90' ? text : null;

/** `minCount`: a whole number of at least 1, else null (the page's default). */
export function parseMinCount(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 1 && Number.isSafeInteger(value) ? value : null;
}

/** More arcs than this are not drawn by default: the map starts at the count that leaves this many. */
export const DRAWN_ARCS_DEFAULT = 40;
/** Above this many arcs the map is not drawn at all (laying it out would stall the page). */
export const DRAWN_ARCS_MAX = 150;
