import { type Rate, rate } from '../shared/time-stats.ts';
import type { KpiSettings } from './kpi-settings.ts';

/**
 * The raw counts and sums each group keeps (KPIS.md: store counts, compute rates on read), as
 * slots of a Float64Array cell. Every slot adds up across groups.
 */
export const SLOT = {
  contacts: 0,
  offered: 1,
  answered: 2,
  /** Abandoned in queue (short abandons included). */
  abandoned: 3,
  shortAbandons: 4,
  answeredWithinServiceLevel: 5,
  answeredQueueSeconds: 6,
  answeredHandleSeconds: 7,
  answeredTransferred: 8,
  fcrWindowClosed: 9,
  fcrResolved: 10,
  enteredSelfService: 11,
  contained: 12,
  npsPromoters: 13,
  npsPassives: 14,
  npsDetractors: 15,
  /** Five slots: CSAT answers scoring 1 … 5. */
  csat: 16,
  /** Seven slots: CES answers scoring 1 … 7. */
  ces: 21,
} as const;
export const SLOT_COUNT = 28;

/** A mean in seconds with its sum and count (rates and means are computed on read). */
export interface AverageSeconds {
  /** Σ seconds. */
  numerator: number;
  /** How many contacts. */
  denominator: number;
  /** numerator ÷ denominator, null when the denominator is 0. */
  seconds: number | null;
}

export interface ContactCentreKpis {
  /** `Contact Completed` events counted. */
  contacts: number;
  offered: number;
  answered: number;
  /** Abandoned in queue, short abandons included. */
  abandoned: number;
  shortAbandons: number;
  abandonRate: Rate;
  averageSpeedOfAnswer: AverageSeconds;
  averageHandleTime: AverageSeconds;
  serviceLevel: Rate;
  firstContactResolution: Rate;
  repeatContactRate: Rate;
  transferRate: Rate;
  containment: Rate;
}

export interface NpsKpi {
  promoters: number;
  passives: number;
  detractors: number;
  /** promoters − detractors */
  numerator: number;
  /** Every NPS answer. */
  denominator: number;
  /** 100 × numerator ÷ denominator (−100 … 100), null without answers. */
  score: number | null;
}

export interface CsatKpi extends Rate {
  /** Answers by score, "1" … "5"; numerator = "4" + "5". */
  counts: Record<string, number>;
}

export interface CesKpi {
  /** Answers by score, "1" … "7". */
  counts: Record<string, number>;
  /** Σ scores ÷ answers. */
  mean: { numerator: number; denominator: number; score: number | null };
  /** Answers scoring 5–7 ÷ answers. */
  scoring5to7: Rate;
}

export interface VoiceOfCustomerKpis {
  nps: NpsKpi;
  csat: CsatKpi;
  ces: CesKpi;
}

export interface KpiSet {
  contactCentre: ContactCentreKpis;
  voiceOfCustomer: VoiceOfCustomerKpis;
}

/** The KPIs of one cell (`counts[offset … offset + SLOT_COUNT)`), rates computed from the counts. */
export function kpiSet(counts: Float64Array, offset: number, settings: KpiSettings): KpiSet {
  const at = (slot: number): number => counts[offset + slot] as number;
  const short = settings.excludeShortAbandons ? at(SLOT.shortAbandons) : 0;
  const answered = at(SLOT.answered);
  const abandoned = at(SLOT.abandoned);
  const fcr = rate(at(SLOT.fcrResolved), at(SLOT.fcrWindowClosed));
  const promoters = at(SLOT.npsPromoters);
  const detractors = at(SLOT.npsDetractors);
  const npsAnswers = promoters + at(SLOT.npsPassives) + detractors;
  const csatCounts = scoreCounts(at, SLOT.csat, 5);
  const csatAnswers = sum(Object.values(csatCounts));
  const cesCounts = scoreCounts(at, SLOT.ces, 7);
  const cesAnswers = sum(Object.values(cesCounts));
  const cesSum = sum(Object.entries(cesCounts).map(([score, n]) => Number(score) * n));
  return {
    contactCentre: {
      contacts: at(SLOT.contacts),
      offered: at(SLOT.offered),
      answered,
      abandoned,
      shortAbandons: at(SLOT.shortAbandons),
      abandonRate: rate(abandoned - short, at(SLOT.offered) - short),
      averageSpeedOfAnswer: average(at(SLOT.answeredQueueSeconds), answered),
      averageHandleTime: average(at(SLOT.answeredHandleSeconds), answered),
      serviceLevel: rate(at(SLOT.answeredWithinServiceLevel), answered + abandoned - short),
      firstContactResolution: fcr,
      repeatContactRate: rate(fcr.denominator - fcr.numerator, fcr.denominator),
      transferRate: rate(at(SLOT.answeredTransferred), answered),
      containment: rate(at(SLOT.contained), at(SLOT.enteredSelfService)),
    },
    voiceOfCustomer: {
      nps: {
        promoters,
        passives: at(SLOT.npsPassives),
        detractors,
        numerator: promoters - detractors,
        denominator: npsAnswers,
        score: npsAnswers === 0 ? null : (100 * (promoters - detractors)) / npsAnswers,
      },
      csat: { counts: csatCounts, ...rate((csatCounts['4'] as number) + (csatCounts['5'] as number), csatAnswers) },
      ces: {
        counts: cesCounts,
        mean: { numerator: cesSum, denominator: cesAnswers, score: cesAnswers === 0 ? null : cesSum / cesAnswers },
        scoring5to7: rate(
          (cesCounts['5'] as number) + (cesCounts['6'] as number) + (cesCounts['7'] as number),
          cesAnswers,
        ),
      },
    },
  };
}

/** Adds the cell at `from[fromOffset …]` into the cell at `into[intoOffset …]` (a total over groups). */
export function addCell(into: Float64Array, intoOffset: number, from: Float64Array, fromOffset: number): void {
  for (let slot = 0; slot < SLOT_COUNT; slot++) into[intoOffset + slot] += from[fromOffset + slot] as number;
}

function average(numerator: number, denominator: number): AverageSeconds {
  return { numerator, denominator, seconds: denominator === 0 ? null : numerator / denominator };
}

function scoreCounts(at: (slot: number) => number, first: number, scale: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let score = 1; score <= scale; score++) counts[String(score)] = at(first + score - 1);
  return counts;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
