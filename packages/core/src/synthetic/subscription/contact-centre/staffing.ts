import { seededRandom } from '../../random.ts';
import type { ContactMedium } from '../personas.ts';
import { isMondayMorning, MONDAY_MORNING_UNDERSTAFFING } from '../planted-friction.ts';
import { HOUR_MS, hourOfWeek, WEEK_HOURS, WORLD_START_MS } from '../world-calendar.ts';
import { contactTimeMs } from './contact-hours.ts';
import { CHAT, EMAIL, isOpen, QUEUES } from './queues.ts';

/**
 * The workforce-management forecast: contacts a queue gets per customer per week, and the
 * seconds an agent is busy with each (talk + hold + wrap). Measured from the model itself
 * (seed 1, 100k customers), as a planning team would take them from last quarter's data.
 */
export const FORECAST: ReadonlyArray<{ contactsPerCustomerWeek: number; busySeconds: number }> = [
  { contactsPerCustomerWeek: 0.001, busySeconds: 480 }, // sales
  { contactsPerCustomerWeek: 0.004, busySeconds: 520 }, // billing
  { contactsPerCustomerWeek: 0.004, busySeconds: 660 }, // tech
  { contactsPerCustomerWeek: 0.0045, busySeconds: 340 }, // care
  { contactsPerCustomerWeek: 0.009, busySeconds: 490 }, // chat
  { contactsPerCustomerWeek: 0.0025, busySeconds: 320 }, // email
];

/** Safety staffing (square-root rule): agents = load + SAFETY × √load, so waits stay short at planned volumes. */
const SAFETY = 0.8;

export interface StaffingPlan {
  /** Agents on duty per queue (QUEUES order) per hour of the week, Monday 00:00 first. */
  readonly agents: readonly Int32Array[];
  /** The same before the planted understaffing. */
  readonly plannedAgents: readonly Int32Array[];
}

const shapes = new Map<ContactMedium, Float64Array>();

/**
 * Share of a week's contacts on `medium` that arrive in each hour of the week, found by
 * drawing many need times uniformly over a week and asking when people get in touch.
 */
export function arrivalShape(medium: ContactMedium): Float64Array {
  const cached = shapes.get(medium);
  if (cached !== undefined) return cached;
  const random = seededRandom(20260105);
  const samples = 50_000;
  const shape = new Float64Array(WEEK_HOURS);
  // Needs from a week before, so the weekend's spill into Monday is in the picture.
  for (let i = 0; i < samples; i++) {
    const needMs = WORLD_START_MS + 7 * 24 * HOUR_MS * (1 + random());
    const shifted = contactTimeMs(needMs, medium, random) - 7 * 24 * HOUR_MS;
    shape[hourOfWeek(shifted)] += 1 / samples;
  }
  shapes.set(medium, shape);
  return shape;
}

/** Agents per queue and hour of the week for a world of `customers`, with the Monday-morning gap planted. */
export function staffingPlan(customers: number): StaffingPlan {
  const plannedAgents = QUEUES.map((_, queue) => plannedFor(queue, customers));
  const billing = QUEUES.indexOf(MONDAY_MORNING_UNDERSTAFFING.queue);
  const agents = plannedAgents.map((planned, queue) => {
    const onDuty = planned.slice();
    if (queue !== billing) return onDuty;
    for (let h = 0; h < WEEK_HOURS; h++) {
      if (isMondayMorning(Math.floor(h / 24), h % 24)) {
        onDuty[h] = Math.floor((planned[h] as number) * MONDAY_MORNING_UNDERSTAFFING.staffingFactor);
      }
    }
    return onDuty;
  });
  return { agents, plannedAgents };
}

function plannedFor(queue: number, customers: number): Int32Array {
  const { contactsPerCustomerWeek, busySeconds } = FORECAST[queue] as (typeof FORECAST)[number];
  const weekly = contactsPerCustomerWeek * customers;
  const plan = new Int32Array(WEEK_HOURS);
  if (queue === EMAIL) {
    // Tickets can wait: spread the week's work evenly over the open hours.
    let openHours = 0;
    for (let h = 0; h < WEEK_HOURS; h++) if (isOpen(queue, Math.floor(h / 24), h % 24)) openHours++;
    const agents = Math.max(1, Math.ceil(((weekly / openHours) * busySeconds * 1.15) / 3600));
    for (let h = 0; h < WEEK_HOURS; h++) plan[h] = isOpen(queue, Math.floor(h / 24), h % 24) ? agents : 0;
    return plan;
  }
  const shape = arrivalShape(queue === CHAT ? 'chat' : 'call');
  for (let h = 0; h < WEEK_HOURS; h++) {
    if (!isOpen(queue, Math.floor(h / 24), h % 24)) continue;
    const load = (weekly * (shape[h] as number) * busySeconds) / 3600;
    plan[h] = Math.max(1, Math.ceil(load + SAFETY * Math.sqrt(load)));
  }
  return plan;
}
