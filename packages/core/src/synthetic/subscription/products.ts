/** What the business sells: home-internet plans, paid monthly by card. */
export const PLANS = [
  { id: 'basic-100', label: 'Basic 100', monthlyPrice: 25 },
  { id: 'fibre-500', label: 'Fibre 500', monthlyPrice: 35 },
  { id: 'gigabit-900', label: 'Gigabit 900', monthlyPrice: 50 },
] as const;

/** The top plan (index into PLANS): the upgrade campaign's offer. */
export const GIGABIT = PLANS.findIndex((plan) => plan.id === 'gigabit-900');

/** Card types customers pay with; `amex` is the one the payment step fails for (planted-friction.ts). */
export const CARD_TYPES = ['visa', 'mastercard', 'amex', 'maestro'] as const;
export type CardType = (typeof CARD_TYPES)[number];
export const AMEX = CARD_TYPES.indexOf('amex');

/** Card issuers' answers when a payment fails (the gateway's codes, as the checkout records them). */
export const DECLINE_CODES = {
  gatewayBug: 'processor_error_3ds',
  ordinary: ['insufficient_funds', 'card_expired', 'do_not_honour'],
} as const;
