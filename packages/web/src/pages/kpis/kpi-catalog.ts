import type { KpiSet, KpiSettings } from '@waymark/core';
import { formatDecimal, formatDuration, formatInteger, formatPercent } from '../../format/format.ts';

/** The KPIs the page shows, by the key of their definition in the report's `definitions.kpis`. */
export type KpiKey =
  | 'nps'
  | 'csat'
  | 'ces'
  | 'abandonRate'
  | 'serviceLevel'
  | 'averageSpeedOfAnswer'
  | 'averageHandleTime'
  | 'firstContactResolution'
  | 'repeatContactRate'
  | 'transferRate'
  | 'containment';

/** How a KPI's value reads: a share, an NPS score (−100 … 100), a mean on a scale, or seconds. */
export type KpiUnit = 'rate' | 'nps' | 'mean' | 'seconds';

/** A KPI of one group: the value computed from its numerator and denominator (null when the denominator is 0). */
export interface KpiReading {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface KpiSpec {
  key: KpiKey;
  label: string;
  /** A narrow table header. */
  short: string;
  family: 'voiceOfCustomer' | 'contactCentre';
  unit: KpiUnit;
  /** Whether a higher value is the better one (abandonment, ASA, repeats: lower is better). */
  higherIsBetter: boolean | null;
  read: (kpis: KpiSet) => KpiReading;
  /** What is counted above and below the line, with the thresholds in force. */
  numeratorLabel: (settings: KpiSettings) => string;
  denominatorLabel: string;
}

const rateOf = (r: { numerator: number; denominator: number; rate: number | null }): KpiReading => ({
  value: r.rate,
  numerator: r.numerator,
  denominator: r.denominator,
});

const secondsOf = (a: { numerator: number; denominator: number; seconds: number | null }): KpiReading => ({
  value: a.seconds,
  numerator: a.numerator,
  denominator: a.denominator,
});

export const VOICE_OF_CUSTOMER: readonly KpiSpec[] = [
  {
    key: 'nps',
    label: 'NPS',
    short: 'NPS',
    family: 'voiceOfCustomer',
    unit: 'nps',
    higherIsBetter: true,
    read: (k) => ({
      value: k.voiceOfCustomer.nps.score,
      numerator: k.voiceOfCustomer.nps.numerator,
      denominator: k.voiceOfCustomer.nps.denominator,
    }),
    numeratorLabel: () => 'promoters − detractors',
    denominatorLabel: 'answers',
  },
  {
    key: 'csat',
    label: 'CSAT',
    short: 'CSAT',
    family: 'voiceOfCustomer',
    unit: 'rate',
    higherIsBetter: true,
    read: (k) => rateOf(k.voiceOfCustomer.csat),
    numeratorLabel: () => 'scoring 4–5',
    denominatorLabel: 'answers',
  },
  {
    key: 'ces',
    label: 'Customer effort (CES)',
    short: 'CES',
    family: 'voiceOfCustomer',
    unit: 'mean',
    higherIsBetter: true,
    read: (k) => ({
      value: k.voiceOfCustomer.ces.mean.score,
      numerator: k.voiceOfCustomer.ces.mean.numerator,
      denominator: k.voiceOfCustomer.ces.mean.denominator,
    }),
    numeratorLabel: () => 'Σ scores',
    denominatorLabel: 'answers',
  },
];

/** In two rows: getting through (service level, speed, abandonment, handle time), then how it ended. */
export const CONTACT_CENTRE: readonly KpiSpec[] = [
  {
    key: 'serviceLevel',
    label: 'Service level',
    short: 'Service level',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: true,
    read: (k) => rateOf(k.contactCentre.serviceLevel),
    numeratorLabel: (s) => `answered ≤ ${formatInteger(s.serviceLevelSeconds)} s`,
    denominatorLabel: 'answered + abandoned',
  },
  {
    key: 'averageSpeedOfAnswer',
    label: 'Average speed of answer',
    short: 'ASA',
    family: 'contactCentre',
    unit: 'seconds',
    higherIsBetter: false,
    read: (k) => secondsOf(k.contactCentre.averageSpeedOfAnswer),
    numeratorLabel: () => 'Σ time in queue',
    denominatorLabel: 'answered',
  },
  {
    key: 'abandonRate',
    label: 'Abandonment',
    short: 'Abandoned',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: false,
    read: (k) => rateOf(k.contactCentre.abandonRate),
    numeratorLabel: () => 'abandoned in queue',
    denominatorLabel: 'offered',
  },
  {
    key: 'averageHandleTime',
    label: 'Average handle time',
    short: 'AHT',
    family: 'contactCentre',
    unit: 'seconds',
    higherIsBetter: null,
    read: (k) => secondsOf(k.contactCentre.averageHandleTime),
    numeratorLabel: () => 'Σ handle time',
    denominatorLabel: 'answered',
  },
  {
    key: 'firstContactResolution',
    label: 'First-contact resolution',
    short: 'FCR',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: true,
    read: (k) => rateOf(k.contactCentre.firstContactResolution),
    numeratorLabel: (s) => `not repeated in ${formatInteger(s.fcrDays)} d`,
    denominatorLabel: 'window closed',
  },
  {
    key: 'repeatContactRate',
    label: 'Repeat contacts',
    short: 'Repeat',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: false,
    read: (k) => rateOf(k.contactCentre.repeatContactRate),
    numeratorLabel: (s) => `repeated in ${formatInteger(s.fcrDays)} d`,
    denominatorLabel: 'window closed',
  },
  {
    key: 'transferRate',
    label: 'Transfers',
    short: 'Transferred',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: false,
    read: (k) => rateOf(k.contactCentre.transferRate),
    numeratorLabel: () => 'transferred',
    denominatorLabel: 'answered',
  },
  {
    key: 'containment',
    label: 'Containment',
    short: 'Contained',
    family: 'contactCentre',
    unit: 'rate',
    higherIsBetter: true,
    read: (k) => rateOf(k.contactCentre.containment),
    numeratorLabel: (s) => `no agent in ${formatInteger(s.containmentHours)} h`,
    denominatorLabel: 'entered IVR/bot',
  },
];

export const ALL_KPIS: readonly KpiSpec[] = [...VOICE_OF_CUSTOMER, ...CONTACT_CENTRE];

export function kpiSpec(key: string): KpiSpec | undefined {
  return ALL_KPIS.find((spec) => spec.key === key);
}

/**
 * A KPI's value as people read it: "80.7%", "+12.5" (NPS), "5.05" (a mean score), "4 min 2 s";
 * "–" when there is nothing to compute it from.
 */
export function formatKpi(unit: KpiUnit, value: number | null): string {
  if (value === null) return '–';
  switch (unit) {
    case 'rate':
      return formatPercent(value);
    case 'nps':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatDecimal(Math.abs(value))}`;
    case 'mean':
      return meanFormat.format(value);
    case 'seconds':
      return formatDuration(value);
  }
}

const meanFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A numerator or denominator for the eye: seconds as a duration, counts grouped, a negative with a true minus. */
export function formatCount(unit: KpiUnit, part: 'numerator' | 'denominator', value: number): string {
  if (unit === 'seconds' && part === 'numerator') return formatDuration(value);
  return value < 0 ? `−${formatInteger(-value)}` : formatInteger(value);
}
