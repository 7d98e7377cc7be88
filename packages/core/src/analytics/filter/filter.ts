import type { Predicate } from '../../journey-definition/schema.ts';
import { parseAttributePath } from '../../journey-index/attributes/attribute-path.ts';

/** Thrown for a report parameter that cannot be used; names the parameter and what was expected. */
export class ReportParamError extends Error {}

/** Report parameters as they arrive from a URL query or CLI flags (strings). */
export type ReportParams = Record<string, string | undefined>;

/** One segment condition: the customer's trait, or any of their events' attribute, satisfies it. */
export interface SegmentCondition {
  path: string;
  predicate: Predicate;
}

/** What a customer is grouped by in a breakdown. */
export type Breakdown =
  | { kind: 'trait'; path: string }
  | { kind: 'property'; path: string }
  | { kind: 'firstTouch' }
  | { kind: 'lastTouch' };

/**
 * The filter every report shares: events in [fromMs, toMs), customers matching every segment
 * condition, grouped by a breakdown.
 */
export interface Filter {
  fromMs: number;
  toMs: number;
  segment: SegmentCondition[];
  breakdown: Breakdown | null;
}

export const NO_FILTER: Filter = {
  fromMs: Number.NEGATIVE_INFINITY,
  toMs: Number.POSITIVE_INFINITY,
  segment: [],
  breakdown: null,
};

/**
 * Reads the shared filter from report parameters:
 * - `from`, `to`: ISO dates or date-times (UTC unless an offset is given); `from` inclusive, `to` exclusive.
 * - `segment`: conditions joined by `;`, each `path=value`, `path!=value`, `path>=n`, `path>n`,
 *   `path<=n`, `path<n` or `path~text`; `a|b` for one of several values. Paths: `traits.x`
 *   (the customer's latest value) or `properties.x`/`context.x` (any of their events).
 * - `breakdown`: `traits.x`, `properties.x` (the customer's first value), `firstTouch` or `lastTouch` (channel).
 */
export function parseFilter(params: ReportParams): Filter {
  const fromMs = parseTime(params, 'from', Number.NEGATIVE_INFINITY);
  const toMs = parseTime(params, 'to', Number.POSITIVE_INFINITY);
  if (fromMs >= toMs) throw new ReportParamError(`to: expected a time after from (${params.from}), got ${params.to}`);
  return {
    fromMs,
    toMs,
    segment: parseSegment(params.segment),
    breakdown: parseBreakdown(params.breakdown),
  };
}

/** The attribute paths a filter reads (event attributes and traits the index must track). */
export function filterPaths(filter: Filter): string[] {
  const paths = filter.segment.map((condition) => condition.path);
  if (filter.breakdown?.kind === 'trait' || filter.breakdown?.kind === 'property') paths.push(filter.breakdown.path);
  return paths;
}

function parseTime(params: ReportParams, name: string, fallback: number): number {
  const text = params[name];
  if (text === undefined || text === '') return fallback;
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
      ? text
      : `${text}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms))
    throw new ReportParamError(
      `${name}: expected an ISO date like 2026-01-31 or 2026-01-31T08:00:00Z, got ${JSON.stringify(text)}`,
    );
  return ms;
}

const CONDITION = /^([a-z]+(?:\.[^.=!<>~]+)+)\s*(!=|>=|<=|=|>|<|~)\s*(.*)$/;

function parseSegment(text: string | undefined): SegmentCondition[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(';').map((part) => {
    const match = CONDITION.exec(part.trim());
    if (match === null) {
      throw new ReportParamError(
        `segment: expected conditions like traits.persona=founder;properties.plan!=basic, got ${JSON.stringify(part)}`,
      );
    }
    const [, path, op, raw] = match as unknown as [string, string, string, string];
    checkPath('segment', path);
    const number = (): number => {
      const value = Number(raw);
      if (raw.trim() === '' || Number.isNaN(value))
        throw new ReportParamError(`segment: ${path}${op} needs a number, got ${JSON.stringify(raw)}`);
      return value;
    };
    const values = raw.split('|');
    const predicate: Predicate =
      op === '='
        ? values.length > 1
          ? values
          : raw
        : op === '!='
          ? { notIn: values }
          : op === '>='
            ? { gte: number() }
            : op === '>'
              ? { gt: number() }
              : op === '<='
                ? { lte: number() }
                : op === '<'
                  ? { lt: number() }
                  : { contains: raw };
    return { path, predicate };
  });
}

function parseBreakdown(text: string | undefined): Breakdown | null {
  if (text === undefined || text === '' || text === 'none') return null;
  if (text === 'firstTouch' || text === 'channel') return { kind: 'firstTouch' };
  if (text === 'lastTouch') return { kind: 'lastTouch' };
  checkPath('breakdown', text);
  return text.startsWith('traits.') ? { kind: 'trait', path: text } : { kind: 'property', path: text };
}

function checkPath(param: string, path: string): void {
  try {
    parseAttributePath(path);
  } catch (error) {
    throw new ReportParamError(`${param}: ${(error as Error).message}`);
  }
}
