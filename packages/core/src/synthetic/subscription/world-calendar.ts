/**
 * The world's clock: twelve weeks from Monday 5 January 2026. The business is in Europe/London
 * and the whole window is winter time (GMT = UTC), so local hours are UTC hours and every
 * timestamp can be written with `Z`.
 */
export const WORLD_START_MS = Date.UTC(2026, 0, 5);
export const WORLD_DAYS = 84;
export const WORLD_END_MS = WORLD_START_MS + WORLD_DAYS * 86_400_000;
export const BUSINESS_TIMEZONE = 'Europe/London';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_HOURS = 168;

/** 0 = Monday … 6 = Sunday (the world starts on a Monday). */
export function weekdayOf(ms: number): number {
  return Math.floor((ms - WORLD_START_MS) / DAY_MS) % 7;
}

export function hourOfDay(ms: number): number {
  return Math.floor((ms % DAY_MS) / HOUR_MS);
}

/** Hour of the week, 0 = Monday 00:00–01:00 … 167 = Sunday 23:00–24:00. */
export function hourOfWeek(ms: number): number {
  return Math.floor((ms - WORLD_START_MS) / HOUR_MS) % WEEK_HOURS;
}

export function dayIndexOf(ms: number): number {
  return Math.floor((ms - WORLD_START_MS) / DAY_MS);
}

export function startOfDay(ms: number): number {
  return ms - (ms % DAY_MS);
}

/** Whole seconds: every simulated time is a whole second, so durations come out as integers. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

/** When people browse and use the app, by local hour (relative weights; evenings are busiest). */
export const DIGITAL_HOUR_WEIGHTS: readonly number[] = [
  0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.5, 1.0, 1.4, 1.5, 1.5, 1.5, 1.8, 1.6, 1.4, 1.4, 1.5, 1.7, 2.0, 2.4, 2.6, 2.3, 1.5,
  0.8,
];

/** Browsing by weekday, Monday first: Sunday evenings and Mondays are when people shop for broadband. */
export const DIGITAL_WEEKDAY_WEIGHTS: readonly number[] = [1.15, 1.0, 1.0, 0.95, 0.85, 0.9, 1.15];

/**
 * When people want to talk to someone, by local hour: first thing in the morning, then
 * tailing off. Contacts outside opening hours wait for the next open hour (see contact-hours.ts).
 */
export const CONTACT_HOUR_WEIGHTS: readonly number[] = [
  0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.2, 0.8, 2.2, 3.0, 2.7, 2.1, 1.6, 1.5, 1.3, 1.1, 1.0, 0.9, 0.8, 0.6, 0.5, 0.4,
  0.25, 0.1,
];

/**
 * A time on the given day drawn from hour weights, at or after `notBeforeMs`; null when no
 * weighted hour of that day is left. Minutes and seconds are uniform within the hour.
 */
export function timeOnDay(
  dayStartMs: number,
  hourWeights: readonly number[],
  notBeforeMs: number,
  random: () => number,
): number | null {
  const firstHour = notBeforeMs <= dayStartMs ? 0 : Math.floor((notBeforeMs - dayStartMs) / HOUR_MS);
  if (firstHour > 23) return null;
  let total = 0;
  for (let h = firstHour; h < 24; h++) total += hourWeights[h] as number;
  if (total <= 0) return null;
  let roll = random() * total;
  let hour = firstHour;
  for (; hour < 23; hour++) {
    roll -= hourWeights[hour] as number;
    if (roll < 0 && (hourWeights[hour] as number) > 0) break;
  }
  // Rounding can leave the roll just past the end: take the last hour that has weight.
  while ((hourWeights[hour] as number) <= 0) hour--;
  const hourStart = dayStartMs + hour * HOUR_MS;
  const from = Math.max(hourStart, notBeforeMs);
  return wholeSecond(from + random() * (hourStart + HOUR_MS - from));
}
