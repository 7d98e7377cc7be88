/**
 * The paths page's own address parameters. Their names are the API's (`startEvent`, `depth`, …),
 * so the page address and the report it asks for say the same thing.
 */

/** Where paths are anchored: each customer's first event, or an event or touchpoint to start from or lead to. */
export const ANCHOR_KINDS = ['first', 'startEvent', 'endEvent', 'startTouchpoint', 'endTouchpoint'] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];
export type AnchorParam = Exclude<AnchorKind, 'first'>;
export const ANCHOR_PARAMS: readonly AnchorParam[] = ['startEvent', 'endEvent', 'startTouchpoint', 'endTouchpoint'];

export const PATHS_PARAMS = [...ANCHOR_PARAMS, 'depth', 'top', 'variants', 'by'] as const;

export interface PathsAnchor {
  kind: AnchorKind;
  /** The event or touchpoint name; '' for the first event. */
  value: string;
}

export type PathsBy = 'event' | 'touchpoint';

export const DEPTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export const DEFAULT_DEPTH = 5;
export const TOP_CHOICES = [3, 5, 8, 10, 15, 20] as const;
export const DEFAULT_TOP = 8;
export const VARIANT_CHOICES = [10, 25, 50, 100] as const;
export const DEFAULT_VARIANTS = 10;

/** The anchor the address names: the first of the anchor parameters given, else the first event. */
export function readAnchor(search: URLSearchParams): PathsAnchor {
  for (const kind of ANCHOR_PARAMS) {
    const value = (search.get(kind) ?? '').trim();
    if (value !== '') return { kind, value };
  }
  return { kind: 'first', value: '' };
}

/** An address patch that sets `anchor` and removes every other anchor parameter. */
export function anchorPatch(anchor: PathsAnchor): Record<AnchorParam, string | null> {
  const patch = { startEvent: null, endEvent: null, startTouchpoint: null, endTouchpoint: null } as Record<
    AnchorParam,
    string | null
  >;
  if (anchor.kind !== 'first') patch[anchor.kind] = anchor.value;
  return patch;
}

export const isTouchpointAnchor = (kind: AnchorKind): boolean => kind === 'startTouchpoint' || kind === 'endTouchpoint';

/** Whether the report needs a journey: labels by touchpoint, or anchored at one. */
export const usesJourney = (anchor: PathsAnchor, by: PathsBy): boolean =>
  by === 'touchpoint' || isTouchpointAnchor(anchor.kind);

/** A whole number in [min, max] from the address, or null (the default applies). */
export function parseCount(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export const parseBy = (text: string | null): PathsBy | null =>
  text === 'event' || text === 'touchpoint' ? text : null;

/** The choices of a picker, with the current value added (in order) when the address holds another. */
export function choicesWith(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}
