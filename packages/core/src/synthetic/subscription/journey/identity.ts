import { IDENTIFIED, SECOND_DEVICE, SUBSCRIBED_AT_START, TRAITS_SENT } from '../customer-state.ts';
import { ANONYMOUS, KNOWN, SECOND_DEVICE_ANONYMOUS, SECOND_DEVICE_LINKING, type Who } from '../messages.ts';
import { PERSONAS } from '../personas.ts';
import { CARD_TYPES, PLANS } from '../products.ts';
import { FIRST_NAMES, LAST_NAMES } from '../text/names.ts';
import { BUSINESS_TIMEZONE, WORLD_END_MS } from '../world-calendar.ts';
import type { JourneyContext } from './context.ts';

/** A stable hash of (seed, customer) for facts that must not depend on the order of draws (names). */
function customerHash(seed: number, customer: number, salt: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(customer + salt, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function customerName(seed: number, customer: number): { first: string; last: string } {
  return {
    first: FIRST_NAMES[customerHash(seed, customer, 1) % FIRST_NAMES.length] as string,
    last: LAST_NAMES[customerHash(seed, customer, 2) % LAST_NAMES.length] as string,
  };
}

/** Months a subscriber who was already with us has been a customer (0 for new ones). */
export function tenureMonths(context: JourneyContext, customer: number): number {
  if (!context.state.has(customer, SUBSCRIBED_AT_START)) return 0;
  return 1 + (customerHash(context.seed, customer, 3) % 96);
}

/** The customer's e-mail address: unique (it carries the customer's number). */
export function emailOf(seed: number, customer: number): string {
  const { first, last } = customerName(seed, customer);
  return `${first.toLowerCase()}.${last.toLowerCase()}.${customer}@example.com`;
}

/**
 * The customer's mobile number: unique for up to 10⁸ customers (a multiplier prime to 10⁸ and a
 * per-seed offset), so no two customers share one by chance and linking by phone merges only
 * the identities that truly are one person.
 */
export function phoneOf(seed: number, customer: number): string {
  const digits = (customer * 7_919 + (customerHash(seed, 0, 4) % 100_000_000)) % 100_000_000;
  return `+4477${String(digits).padStart(8, '0')}`;
}

/** The traits of an `identify` (EVENTS.md reserved traits plus plan and card type). */
export function traitsOf(context: JourneyContext, customer: number): string {
  const { state, seed } = context;
  const { first, last } = customerName(seed, customer);
  const plan = PLANS[state.plan[customer] as number] as (typeof PLANS)[number];
  const tenure = tenureMonths(context, customer);
  const tier = plan.id === 'gigabit-900' || tenure >= 60 ? 'vip' : 'standard';
  return `"email":"${emailOf(seed, customer)}","phone":"${phoneOf(seed, customer)}","name":"${first} ${last}","tier":"${tier}","timezone":"${BUSINESS_TIMEZONE}","persona":"${(PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number]).id}","plan":"${plan.id}","cardType":"${CARD_TYPES[state.card[customer] as number]}","tenureMonths":${tenure}`;
}

/** Who a message of this customer carries now: the userId once known, else the device's anonymousId. */
export function whoNow(context: JourneyContext, customer: number): Who {
  return context.state.has(customer, IDENTIFIED) ? KNOWN : ANONYMOUS;
}

/** An existing subscriber's first message of the window is preceded by an identify with their traits. */
export function introduce(context: JourneyContext, customer: number, timeMs: number): void {
  const { state, writer } = context;
  if (state.has(customer, TRAITS_SENT) || !state.has(customer, IDENTIFIED)) return;
  if (writer.identify(customer, timeMs, KNOWN, traitsOf(context, customer)) >= 0) state.set(customer, TRAITS_SENT);
}

/**
 * Before a known customer's web or app visit: on their first visit from a second device they
 * browse anonymously, then sign in (the message that stitches that device to them).
 */
export function beforeDigitalVisit(context: JourneyContext, customer: number, timeMs: number): void {
  const { state, writer } = context;
  // Both halves of a second-device visit or neither: a lone anonymous visit would be a customer of its own.
  if (timeMs >= WORLD_END_MS) return;
  introduce(context, customer, timeMs - 60_000);
  if (!state.has(customer, SECOND_DEVICE) || !state.has(customer, IDENTIFIED)) return;
  state.clear(customer, SECOND_DEVICE);
  writer.track(customer, timeMs - 45_000, 'Home Viewed', 'web', SECOND_DEVICE_ANONYMOUS, '"referrer":"direct"');
  writer.track(customer, timeMs - 15_000, 'Signed In', 'web', SECOND_DEVICE_LINKING, '"method":"password"');
}

/** Of the prospects who visit a store, the share who leave contact details with the staff. */
const STORE_LEAD_PERCENT = 60;

/**
 * What a prospect leaves at a store visit, if anything: an e-mail address (two in three) or a
 * phone number. Decided by a hash of the customer, not a random draw, so planting leads leaves
 * the rest of the world as it was.
 */
export function storeLeadTrait(seed: number, customer: number): 'email' | 'phone' | null {
  const hash = customerHash(seed, customer, 5);
  if (hash % 100 >= STORE_LEAD_PERCENT) return null;
  return Math.floor(hash / 100) % 3 === 2 ? 'phone' : 'email';
}

/** The store lead's traits: the one contact detail left, and the name. */
export function storeLeadTraitsOf(seed: number, customer: number, trait: 'email' | 'phone'): string {
  const { first, last } = customerName(seed, customer);
  const value = trait === 'email' ? emailOf(seed, customer) : phoneOf(seed, customer);
  return `"${trait}":"${value}","name":"${first} ${last}"`;
}
