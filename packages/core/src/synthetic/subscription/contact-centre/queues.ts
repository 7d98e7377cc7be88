/**
 * The contact centre's queues (skill groups). Phone queues sit behind the IVR and offer a
 * callback when the wait is long; chats reach `chat` after the bot; e-mails are tickets
 * worked in office hours.
 */
export const QUEUES = ['sales', 'billing', 'tech', 'care', 'chat', 'email'] as const;
export type QueueName = (typeof QUEUES)[number];

export const SALES = 0;
export const BILLING = 1;
export const TECH = 2;
export const CARE = 3;
export const CHAT = 4;
export const EMAIL = 5;
export const PHONE_QUEUES: readonly number[] = [SALES, BILLING, TECH, CARE];

/** Opening hours by weekday (Monday first), [from, to) in local hours; null = closed. */
type WeekHours = ReadonlyArray<readonly [number, number] | null>;

const PHONE_HOURS: WeekHours = [[8, 20], [8, 20], [8, 20], [8, 20], [8, 20], [9, 17], null];
const CHAT_HOURS: WeekHours = [
  [8, 22],
  [8, 22],
  [8, 22],
  [8, 22],
  [8, 22],
  [8, 22],
  [9, 18],
];
const EMAIL_HOURS: WeekHours = [[9, 17], [9, 17], [9, 17], [9, 17], [9, 17], null, null];

export function openingHours(queue: number): WeekHours {
  if (queue === CHAT) return CHAT_HOURS;
  if (queue === EMAIL) return EMAIL_HOURS;
  return PHONE_HOURS;
}

export function isOpen(queue: number, weekday: number, hour: number): boolean {
  const hours = openingHours(queue)[weekday];
  return hours !== null && hours !== undefined && hour >= hours[0] && hour < hours[1];
}

/** Seconds an agent of the queue spends after a contact on notes (wrap-up), mean. */
export const WRAP_SECONDS = [60, 75, 90, 75, 45, 30] as const;
