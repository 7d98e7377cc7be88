import { ReportParamError, type ReportParams } from '../filter/filter.ts';

/** The thresholds of KPIS.md, as report parameters (defaults in brackets there). */
export interface KpiSettings {
  /** Service level counts contacts answered within this many seconds of queueing [20]. */
  serviceLevelSeconds: number;
  /** An abandon after less queue time than this is a short abandon [5]. */
  shortAbandonSeconds: number;
  /** Whether short abandons leave abandon rate and service level (numerator and denominator) [true]. */
  excludeShortAbandons: boolean;
  /** A further contact within this many days makes a contact a repeat (FCR) [7]. */
  fcrDays: number;
  /** A self-served contact is contained when no agent contact follows within this many hours [24]. */
  containmentHours: number;
}

export const DEFAULT_KPI_SETTINGS: Readonly<KpiSettings> = {
  serviceLevelSeconds: 20,
  shortAbandonSeconds: 5,
  excludeShortAbandons: true,
  fcrDays: 7,
  containmentHours: 24,
};

/** What the KPIs can be grouped by: a property of the contact, its channel, or its place in the journey. */
export const KPI_DIMENSIONS = ['queue', 'reason', 'channel', 'medium', 'stage', 'touchpoint'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/**
 * Reads the thresholds: `serviceLevelSeconds`, `shortAbandonSeconds`, `excludeShortAbandons=true|false`,
 * `fcrDays`, `containmentHours`; each missing one takes its default.
 *
 * @example kpiSettings({ fcrDays: '3' }) // { ...DEFAULT_KPI_SETTINGS, fcrDays: 3 }
 */
export function kpiSettings(params: ReportParams): KpiSettings {
  return {
    serviceLevelSeconds: number(params, 'serviceLevelSeconds', DEFAULT_KPI_SETTINGS.serviceLevelSeconds, 0),
    shortAbandonSeconds: number(params, 'shortAbandonSeconds', DEFAULT_KPI_SETTINGS.shortAbandonSeconds, 0),
    excludeShortAbandons: flag(params, 'excludeShortAbandons', DEFAULT_KPI_SETTINGS.excludeShortAbandons),
    fcrDays: number(params, 'fcrDays', DEFAULT_KPI_SETTINGS.fcrDays, Number.MIN_VALUE),
    containmentHours: number(params, 'containmentHours', DEFAULT_KPI_SETTINGS.containmentHours, Number.MIN_VALUE),
  };
}

/** `by=queue|reason|channel|medium|stage|touchpoint`, or null for totals only. */
export function kpiDimension(params: ReportParams): KpiDimension | null {
  const text = params.by;
  if (text === undefined || text === '' || text === 'none') return null;
  if ((KPI_DIMENSIONS as readonly string[]).includes(text)) return text as KpiDimension;
  throw new ReportParamError(`by: expected one of ${KPI_DIMENSIONS.join(', ')}, got ${JSON.stringify(text)}`);
}

function number(params: ReportParams, name: string, fallback: number, min: number): number {
  const text = params[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min) {
    const expected = min > 0 ? 'a positive number' : 'a number ≥ 0';
    throw new ReportParamError(`${name}: expected ${expected}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function flag(params: ReportParams, name: string, fallback: boolean): boolean {
  const text = params[name];
  if (text === undefined || text === '') return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new ReportParamError(`${name}: expected true or false, got ${JSON.stringify(text)}`);
}
