/**
 * The filter every journey report shares, as it lives in the page address. The query parameter
 * names are the API's own (`journey`, `from`, `to`, `segment`, `breakdown`, `window`), so a
 * page's address and the report it asks for say the same thing, and a shared link reproduces
 * the view.
 */

export const FILTER_FIELDS = ['journey', 'from', 'to', 'segment', 'breakdown', 'window'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Each field's text as written in the address; '' when not set (the report's default). */
export type ReportFilter = Record<FilterField, string>;

export const EMPTY_FILTER: ReportFilter = { journey: '', from: '', to: '', segment: '', breakdown: '', window: '' };

export function readFilter(search: URLSearchParams): ReportFilter {
  const filter = { ...EMPTY_FILTER };
  for (const field of FILTER_FIELDS) filter[field] = (search.get(field) ?? '').trim();
  return filter;
}

/**
 * A query string for the API from named values, in the order given, leaving out empty ones.
 *
 * @example reportQuery({ journey: 'shop', segment: '', breakdown: 'firstTouch' }) // "journey=shop&breakdown=firstTouch"
 */
export function reportQuery(params: Readonly<Record<string, string | number | null | undefined>>): string {
  return Object.entries(params)
    .filter(
      (entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '',
    )
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** The breakdown choices the picker offers; `attribute` is a `traits.x` or `properties.x` path typed in. */
export type BreakdownKind = 'none' | 'firstTouch' | 'lastTouch' | 'attribute';

export function breakdownKind(text: string): BreakdownKind {
  if (text === '' || text === 'none') return 'none';
  if (text === 'firstTouch' || text === 'channel') return 'firstTouch';
  if (text === 'lastTouch') return 'lastTouch';
  return 'attribute';
}

/** How a breakdown is named on screen: "first touch", "last touch", or the attribute path. */
export function breakdownLabel(text: string): string {
  switch (breakdownKind(text)) {
    case 'none':
      return 'none';
    case 'firstTouch':
      return 'first touch (channel)';
    case 'lastTouch':
      return 'last touch (channel)';
    case 'attribute':
      return text;
  }
}

/**
 * The parameter a 400 answer is about: the server says `param: what was expected`. Null when
 * the text does not start with a known parameter name.
 */
export function paramOfError(message: string, known: readonly string[]): string | null {
  const match = /^([A-Za-z]+):\s/.exec(message);
  const name = match?.[1];
  return name !== undefined && known.includes(name) ? name : null;
}

/** Whether a date range is empty for certain: both ends are given and `to` is not after `from`. */
export function isEmptyRange(from: string, to: string): boolean {
  if (from === '' || to === '') return false;
  const fromMs = utcMs(from);
  const toMs = utcMs(to);
  return !Number.isNaN(fromMs) && !Number.isNaN(toMs) && toMs <= fromMs;
}

/** Reads a date or date-time as the server does: UTC unless an offset is given. */
function utcMs(text: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`);
  return Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
}

/**
 * An ISO date or date-time as a `datetime-local` input shows it, in UTC as the server reads it
 * ('' when it is not one).
 *
 * @example dateTimeInputValue('2026-02-09T08:00Z') // '2026-02-09T08:00'
 */
export function dateTimeInputValue(text: string): string {
  if (text === '') return '';
  const ms = utcMs(text);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 16);
}

/**
 * A `datetime-local` input's value as the filter writes it: UTC with a `Z`, or the date alone
 * at midnight, so the address stays as short as the API allows.
 *
 * @example fromDateTimeInput('2026-02-09T08:00') // '2026-02-09T08:00Z'
 */
export function fromDateTimeInput(value: string): string {
  if (value === '') return '';
  return value.endsWith('T00:00') ? value.slice(0, 10) : `${value}Z`;
}

/** The date part of an ISO date or date-time, for a date input ('' when there is none). */
export function datePart(text: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? '';
}
