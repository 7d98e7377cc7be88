import { DAY_MS, WORLD_DAYS, WORLD_START_MS } from './world-calendar.ts';

/** Marketing campaigns running in the twelve weeks. */
export interface Campaign {
  id: string;
  title: string;
  /** Who it speaks to: prospects (ads) or subscribers (e-mail). */
  audience: 'prospects' | 'subscribers';
  /** First and last day (0 = 5 January), inclusive. */
  firstDay: number;
  lastDay: number;
  /** How much it lifts the number of prospects arriving per day while it runs. */
  arrivalLift: number;
  networks: readonly string[];
}

export const CAMPAIGNS: readonly Campaign[] = [
  {
    id: 'new-year-switch',
    title: 'New Year switch: 3 months half price',
    audience: 'prospects',
    firstDay: 0,
    lastDay: 20,
    arrivalLift: 1.8,
    networks: ['facebook', 'instagram', 'google'],
  },
  {
    id: 'gigabit-spring',
    title: 'Gigabit spring: go faster for 5 more a month',
    audience: 'prospects',
    firstDay: 49,
    lastDay: 69,
    arrivalLift: 1.3,
    networks: ['instagram', 'tiktok', 'google'],
  },
  {
    id: 'gigabit-spring-upgrade',
    title: 'Gigabit spring upgrade e-mail to subscribers',
    audience: 'subscribers',
    firstDay: 49,
    lastDay: 49,
    arrivalLift: 1,
    networks: ['email'],
  },
];

/** The prospect campaign running on a day, if any. */
export function prospectCampaignOn(dayIndex: number): Campaign | null {
  for (const campaign of CAMPAIGNS) {
    if (campaign.audience === 'prospects' && dayIndex >= campaign.firstDay && dayIndex <= campaign.lastDay) {
      return campaign;
    }
  }
  return null;
}

export const UPGRADE_CAMPAIGN = CAMPAIGNS[2] as Campaign;
export const UPGRADE_EMAIL_MS = WORLD_START_MS + UPGRADE_CAMPAIGN.firstDay * DAY_MS + 10 * 3_600_000;

/** Cumulative weights of the day a prospect first arrives, lifted by campaigns and shaped by weekday. */
export function prospectArrivalCumulative(weekdayWeights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(WORLD_DAYS);
  let total = 0;
  for (let day = 0; day < WORLD_DAYS; day++) {
    total += (weekdayWeights[day % 7] as number) * (prospectCampaignOn(day)?.arrivalLift ?? 1);
    cumulative[day] = total;
  }
  for (let day = 0; day < WORLD_DAYS; day++) cumulative[day] = (cumulative[day] as number) / total;
  return cumulative;
}

/** The day for a uniform draw from the cumulative weights. */
export function dayFromCumulative(cumulative: Float64Array, uniform: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cumulative[mid] as number) < uniform) low = mid + 1;
    else high = mid;
  }
  return low;
}
