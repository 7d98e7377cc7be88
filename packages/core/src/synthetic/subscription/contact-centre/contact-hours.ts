import type { ContactMedium } from '../personas.ts';
import {
  CONTACT_HOUR_WEIGHTS,
  DAY_MS,
  DIGITAL_HOUR_WEIGHTS,
  startOfDay,
  timeOnDay,
  WORLD_START_MS,
} from '../world-calendar.ts';
import { CHAT, isOpen, SALES } from './queues.ts';

/** Contact-hour weights with closed hours zeroed, per weekday, for the phone lines and the chat. */
function openWeights(queue: number): number[][] {
  return Array.from({ length: 7 }, (_, weekday) =>
    CONTACT_HOUR_WEIGHTS.map((weight, hour) => (isOpen(queue, weekday, hour) ? weight : 0)),
  );
}

const PHONE_WEIGHTS = openWeights(SALES);
const CHAT_WEIGHTS = openWeights(CHAT);

function weightsFor(medium: ContactMedium, dayStartMs: number): readonly number[] {
  if (medium === 'email') return DIGITAL_HOUR_WEIGHTS;
  const weekday = ((((dayStartMs - WORLD_START_MS) / DAY_MS) % 7) + 7) % 7;
  return (medium === 'call' ? PHONE_WEIGHTS : CHAT_WEIGHTS)[weekday] as number[];
}

/**
 * When a customer who needs help at `needMs` gets in touch on `medium`: the same day if the
 * line is still open (most do), else a later day, at an hour people like to call. Needs that
 * arise on a Sunday or a Saturday evening wait for Monday, which is why Monday mornings peak.
 */
export function contactTimeMs(needMs: number, medium: ContactMedium, random: () => number, urgent = false): number {
  const roll = urgent ? 0 : random();
  const dayOffset = roll < 0.6 ? 0 : roll < 0.88 ? 1 : 2;
  const needDay = startOfDay(needMs);
  for (let day = needDay + dayOffset * DAY_MS; ; day += DAY_MS) {
    const time = timeOnDay(day, weightsFor(medium, day), needMs, random);
    if (time !== null) return time;
  }
}
