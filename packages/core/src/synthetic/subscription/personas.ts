/** Contact media a customer can start a conversation on. */
export const CONTACT_MEDIA = ['call', 'chat', 'email'] as const;
export type ContactMedium = (typeof CONTACT_MEDIA)[number];

/** Life events a subscriber may have; each persona has its own rates (per week). */
export const NEEDS = [
  'no_connection',
  'slow_speed',
  'refund',
  'pause_subscription',
  'move_home',
  'plan_change',
  'cancel',
  'referral',
  'review',
] as const;
export type Need = (typeof NEEDS)[number];

/** Weekly rates of each need for an average subscriber, before the persona's multipliers. */
export const BASE_NEEDS_PER_WEEK: Record<Need, number> = {
  no_connection: 0.011,
  slow_speed: 0.01,
  refund: 0.0035,
  pause_subscription: 0.003,
  move_home: 0.0015,
  plan_change: 0.004,
  cancel: 0.0018,
  referral: 0.004,
  review: 0.0025,
};

export interface Persona {
  id: string;
  /** How the team talks about them. */
  label: string;
  goal: string;
  /** Share of the population. */
  share: number;
  /** Share already subscribed when the twelve weeks start (the rest arrive as prospects). */
  subscribedShare: number;
  /** How they like to get in touch: weights for call, chat, e-mail (CONTACT_MEDIA order). */
  contactMediumWeights: readonly [number, number, number];
  /** Share of their digital visits made in the app rather than on the web. */
  appShare: number;
  /** Mean seconds they will wait in a phone queue before hanging up (exponential). */
  patienceSeconds: number;
  /** How likely they take a callback when the wait is long. */
  callbackAcceptance: number;
  /** Share of prospects who end up buying (if nothing goes wrong at checkout). */
  conversion: number;
  /** Browsing sessions before deciding, inclusive range. */
  browsingSessions: readonly [number, number];
  /** Share of first visits that come from an ad click while a campaign runs. */
  adClickShare: number;
  /** Share of first visits that are a walk into a store. */
  storeVisitShare: number;
  /** Weights of basic-100, fibre-500, gigabit-900. */
  planWeights: readonly [number, number, number];
  /** Weights of visa, mastercard, amex, maestro. */
  cardWeights: readonly [number, number, number, number];
  /** Checkout attempts before they ask for help. */
  paymentAttempts: number;
  /** Chance a bill they look at makes them get in touch with a question. */
  billQueryRate: number;
  /** Looks for a cheaper plan when changing plans (others look for a faster one). */
  downgrades: boolean;
  needMultipliers: Partial<Record<Need, number>>;
  surveyResponseRate: number;
  /** Where their likelihood to recommend sits before anything happens (0–10 scale). */
  npsBaseline: number;
}

/** The five personas, each a share of the population (shares sum to 1). */
export const PERSONAS: readonly Persona[] = [
  {
    id: 'first_time_homeowner',
    label: 'Hannah, first-time home owner',
    goal: 'get reliable internet into a new home without surprises; prefers to talk it through on the phone',
    share: 0.22,
    subscribedShare: 0.35,
    contactMediumWeights: [0.72, 0.18, 0.1],
    appShare: 0.3,
    patienceSeconds: 420,
    callbackAcceptance: 0.55,
    conversion: 0.55,
    browsingSessions: [2, 4],
    adClickShare: 0.45,
    storeVisitShare: 0.12,
    planWeights: [0.35, 0.5, 0.15],
    cardWeights: [0.45, 0.35, 0.06, 0.14],
    paymentAttempts: 2,
    billQueryRate: 0.08,
    downgrades: false,
    needMultipliers: { move_home: 0.5, plan_change: 0.8 },
    surveyResponseRate: 0.25,
    npsBaseline: 7.6,
  },
  {
    id: 'startup_founder',
    label: 'Sam, tech start-up founder',
    goal: 'fast internet for working from home, sorted in minutes, never on hold',
    share: 0.13,
    subscribedShare: 0.45,
    contactMediumWeights: [0.15, 0.75, 0.1],
    appShare: 0.7,
    patienceSeconds: 240,
    callbackAcceptance: 0.3,
    conversion: 0.65,
    browsingSessions: [1, 2],
    adClickShare: 0.55,
    storeVisitShare: 0,
    planWeights: [0.05, 0.3, 0.65],
    cardWeights: [0.25, 0.3, 0.4, 0.05],
    paymentAttempts: 2,
    billQueryRate: 0.05,
    downgrades: false,
    needMultipliers: { slow_speed: 1.5, pause_subscription: 1.8, referral: 1.5 },
    surveyResponseRate: 0.15,
    npsBaseline: 7.2,
  },
  {
    id: 'price_sensitive_switcher',
    label: 'Priya, price-sensitive switcher',
    goal: 'the best deal for the money; compares every plan and leaves when a better offer comes',
    share: 0.25,
    subscribedShare: 0.45,
    contactMediumWeights: [0.45, 0.45, 0.1],
    appShare: 0.45,
    patienceSeconds: 300,
    callbackAcceptance: 0.45,
    conversion: 0.35,
    browsingSessions: [3, 5],
    adClickShare: 0.75,
    storeVisitShare: 0.03,
    planWeights: [0.65, 0.3, 0.05],
    cardWeights: [0.4, 0.35, 0.05, 0.2],
    paymentAttempts: 1,
    billQueryRate: 0.05,
    downgrades: true,
    needMultipliers: { cancel: 2.5, refund: 1.3, plan_change: 1.5, review: 1.4 },
    surveyResponseRate: 0.2,
    npsBaseline: 6.9,
  },
  {
    id: 'busy_family',
    label: 'The Okafors, a busy family',
    goal: 'internet that just works for four people streaming at once; help at any hour',
    share: 0.25,
    subscribedShare: 0.55,
    contactMediumWeights: [0.5, 0.4, 0.1],
    appShare: 0.6,
    patienceSeconds: 240,
    callbackAcceptance: 0.5,
    conversion: 0.5,
    browsingSessions: [2, 3],
    adClickShare: 0.5,
    storeVisitShare: 0.05,
    planWeights: [0.15, 0.55, 0.3],
    cardWeights: [0.45, 0.4, 0.05, 0.1],
    paymentAttempts: 2,
    billQueryRate: 0.05,
    downgrades: false,
    needMultipliers: { no_connection: 1.4, slow_speed: 1.4, pause_subscription: 1.3 },
    surveyResponseRate: 0.18,
    npsBaseline: 7.4,
  },
  {
    id: 'retired_loyalist',
    label: 'Graham, retired long-time customer',
    goal: 'a person to talk to, a bill that makes sense, and the subscription paused while wintering abroad',
    share: 0.15,
    subscribedShare: 0.8,
    contactMediumWeights: [0.85, 0.05, 0.1],
    appShare: 0.15,
    patienceSeconds: 600,
    callbackAcceptance: 0.65,
    conversion: 0.45,
    browsingSessions: [2, 3],
    adClickShare: 0.2,
    storeVisitShare: 0.35,
    planWeights: [0.5, 0.45, 0.05],
    cardWeights: [0.5, 0.3, 0.08, 0.12],
    paymentAttempts: 1,
    billQueryRate: 0.08,
    downgrades: false,
    needMultipliers: { pause_subscription: 2.2, cancel: 0.5, referral: 0.7 },
    surveyResponseRate: 0.35,
    npsBaseline: 7.9,
  },
];

export const PERSONA_SHARES: readonly number[] = PERSONAS.map((p) => p.share);

/** A persona's weekly need rates (base × multiplier), in NEEDS order. */
export function needRatesPerWeek(persona: Persona): number[] {
  return NEEDS.map((need) => BASE_NEEDS_PER_WEEK[need] * (persona.needMultipliers[need] ?? 1));
}
