/**
 * The friction planted in the world on purpose. Each is one place in the model that the
 * generator reads, and the ground truth writes out with its realised size, so a report that
 * finds it can be checked against what was put there.
 */

/** The payment gateway rejects one card type's 3-D Secure step at checkout (and in the IVR's pay-by-keypad). */
export const AMEX_PAYMENT_FAILURE = {
  id: 'amex_payment_failure',
  title: 'Checkout payment fails for American Express cards',
  cardType: 'amex',
  /** Chance that one payment attempt with this card type fails. */
  failureRate: 0.42,
  /** Chance for every other card type (ordinary declines). */
  otherCardsFailureRate: 0.03,
  effect:
    'customers retry, then ask the chat (bot dead-ends, chat agents may not take card numbers), then phone sales, where an agent takes the payment by hand; some give up',
} as const;

/** Pausing a subscription cannot be done in the app, on the web, in the IVR or by the bot. */
export const PAUSE_NOT_SELF_SERVICE = {
  id: 'pause_not_self_service',
  title: 'Pausing a subscription is only possible on the phone',
  reason: 'pause_subscription',
  effect:
    'customers look for it in help and account settings, dead-end in the IVR menu or the bot, are told by chat agents to call, and call the care queue',
} as const;

/** Billing has half its planned agents on Monday mornings (a standing team meeting). */
export const MONDAY_MORNING_UNDERSTAFFING = {
  id: 'monday_morning_billing_understaffed',
  title: 'The billing queue is understaffed on Monday mornings',
  queue: 'billing',
  /** 0 = Monday. */
  weekday: 0,
  fromHour: 8,
  toHour: 11,
  /** Share of the planned agents actually on duty (rounded down, so a one-agent plan gets nobody). */
  staffingFactor: 0.5,
} as const;

/** Billing may not approve refunds and sends them to care, which often sends them back. */
export const REFUND_PING_PONG = {
  id: 'refund_transfers',
  title: 'Refund requests are transferred between billing and care',
  reason: 'refund',
  fromQueue: 'billing',
  toQueue: 'care',
  /** Chance billing transfers a refund to care. */
  transferToCare: 0.7,
  /** Chance care sends a transferred refund back to billing. */
  transferBack: 0.35,
  /** Chance any other call lands in the wrong queue and is transferred once. */
  misrouteRate: 0.05,
} as const;

export function isMondayMorning(weekday: number, hour: number): boolean {
  const m = MONDAY_MORNING_UNDERSTAFFING;
  return weekday === m.weekday && hour >= m.fromHour && hour < m.toHour;
}
