import type { ContactOutcome } from './contact-centre/contact.ts';

/** What a customer went through in one contact, as far as it moves their survey answer. */
export interface ContactExperience {
  queueSeconds: number;
  transfers: number;
  outcome: ContactOutcome;
  /** 1 for the first contact about an issue, 2 for the first repeat, … */
  attempt: number;
  /** The customer's payment failed on the way here. */
  paymentFailed: boolean;
}

function clampRound(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** How much worse than a good contact this one was, in "points" (0 = flawless). */
export function contactPenalty(experience: ContactExperience): number {
  const { queueSeconds, transfers, outcome, attempt, paymentFailed } = experience;
  let penalty = 0;
  if (queueSeconds > 120) penalty += 0.6;
  if (queueSeconds > 300) penalty += 0.6;
  if (queueSeconds > 900) penalty += 0.6;
  penalty += 0.6 * transfers;
  if (outcome === 'unresolved') penalty += 1.6;
  penalty += 0.5 * Math.min(3, attempt - 1);
  if (paymentFailed) penalty += 0.5;
  return penalty;
}

/** CSAT, 1–5: a good contact scores 4–5; waits, transfers, repeats and no resolution pull it down. */
export function csatScore(experience: ContactExperience, noise: number): number {
  return clampRound(4.6 - contactPenalty(experience) + 0.6 * noise, 1, 5);
}

/** CES, 1–7 (7 = very easy): effort grows with waits, transfers and repeat contacts. */
export function cesScore(experience: ContactExperience, noise: number): number {
  return clampRound(6.3 - 1.2 * contactPenalty(experience) + 0.8 * noise, 1, 7);
}

/**
 * NPS answer, 0–10: the persona's baseline moved by everything that happened to the customer
 * (mood: negative after failures, waits and dead ends; positive after things that just worked).
 */
export function npsScore(baseline: number, mood: number, noise: number): number {
  return clampRound(baseline + 1.1 * mood + 1.3 * noise, 0, 10);
}

/** -1 for detractors / poor, 0 for passives / middling, 1 for promoters / good. */
export function npsBand(score: number): -1 | 0 | 1 {
  return score <= 6 ? -1 : score <= 8 ? 0 : 1;
}

export function csatBand(score: number): -1 | 0 | 1 {
  return score <= 2 ? -1 : score === 3 ? 0 : 1;
}

export function cesBand(score: number): -1 | 0 | 1 {
  return score <= 3 ? -1 : score === 4 ? 0 : 1;
}
