import { BILLING, CARE, SALES, TECH } from './queues.ts';

/** Why customers get in touch (call drivers), with how each one is handled. */
export const REASONS = [
  'plan_question',
  'payment_failed',
  'installation',
  'no_connection',
  'slow_speed',
  'bill_query',
  'refund',
  'pause_subscription',
  'move_home',
  'cancel',
  'plan_change',
] as const;
export type ReasonName = (typeof REASONS)[number];
export const reasonIndex = (name: ReasonName): number => REASONS.indexOf(name);

export interface ReasonHandling {
  /** The phone queue the IVR routes it to. */
  phoneQueue: number;
  /** Mean talk seconds of one agent leg (log-normal). */
  talkSeconds: number;
  holdChance: number;
  holdSeconds: number;
  /** IVR self-service finishes the call (e.g. the outage message, the balance, pay by keypad). */
  ivrContainment: number;
  /** Of the calls the IVR does not contain, the share that dead-end there and hang up. */
  ivrHangUp: number;
  botContainment: number;
  /** Of the chats the bot does not contain, the share that dead-end there and leave. */
  botGiveUp: number;
  /** Chance the last agent resolves it, by medium (call, chat, e-mail). */
  resolve: readonly [number, number, number];
}

export const HANDLING: Record<ReasonName, ReasonHandling> = {
  plan_question: {
    phoneQueue: SALES,
    talkSeconds: 420,
    holdChance: 0.1,
    holdSeconds: 60,
    ivrContainment: 0,
    ivrHangUp: 0.02,
    botContainment: 0.4,
    botGiveUp: 0.1,
    resolve: [0.92, 0.9, 0.85],
  },
  // Agents take the payment by hand, which goes round the failing card check; chat agents may not take card numbers.
  payment_failed: {
    phoneQueue: SALES,
    talkSeconds: 360,
    holdChance: 0.2,
    holdSeconds: 90,
    ivrContainment: 0.45,
    ivrHangUp: 0.05,
    botContainment: 0,
    botGiveUp: 0.45,
    resolve: [0.88, 0.1, 0.2],
  },
  installation: {
    phoneQueue: TECH,
    talkSeconds: 480,
    holdChance: 0.3,
    holdSeconds: 120,
    ivrContainment: 0.1,
    ivrHangUp: 0.03,
    botContainment: 0.2,
    botGiveUp: 0.15,
    resolve: [0.8, 0.7, 0.6],
  },
  no_connection: {
    phoneQueue: TECH,
    talkSeconds: 540,
    holdChance: 0.35,
    holdSeconds: 150,
    ivrContainment: 0.35,
    ivrHangUp: 0.04,
    botContainment: 0.35,
    botGiveUp: 0.15,
    resolve: [0.72, 0.6, 0.5],
  },
  slow_speed: {
    phoneQueue: TECH,
    talkSeconds: 600,
    holdChance: 0.3,
    holdSeconds: 120,
    ivrContainment: 0.1,
    ivrHangUp: 0.04,
    botContainment: 0.15,
    botGiveUp: 0.2,
    resolve: [0.65, 0.55, 0.45],
  },
  bill_query: {
    phoneQueue: BILLING,
    talkSeconds: 300,
    holdChance: 0.15,
    holdSeconds: 60,
    ivrContainment: 0.25,
    ivrHangUp: 0.03,
    botContainment: 0.35,
    botGiveUp: 0.1,
    resolve: [0.88, 0.8, 0.75],
  },
  refund: {
    phoneQueue: BILLING,
    talkSeconds: 420,
    holdChance: 0.4,
    holdSeconds: 120,
    ivrContainment: 0,
    ivrHangUp: 0.04,
    botContainment: 0.05,
    botGiveUp: 0.15,
    resolve: [0.7, 0.5, 0.45],
  },
  // Pausing is missing from the IVR menu, the bot, the app and the web: only a care agent on the phone can do it.
  pause_subscription: {
    phoneQueue: CARE,
    talkSeconds: 300,
    holdChance: 0.1,
    holdSeconds: 60,
    ivrContainment: 0,
    ivrHangUp: 0.35,
    botContainment: 0,
    botGiveUp: 0.6,
    resolve: [0.95, 0, 0],
  },
  move_home: {
    phoneQueue: CARE,
    talkSeconds: 540,
    holdChance: 0.2,
    holdSeconds: 90,
    ivrContainment: 0,
    ivrHangUp: 0.04,
    botContainment: 0.1,
    botGiveUp: 0.2,
    resolve: [0.82, 0.6, 0.55],
  },
  cancel: {
    phoneQueue: CARE,
    talkSeconds: 600,
    holdChance: 0.3,
    holdSeconds: 120,
    ivrContainment: 0,
    ivrHangUp: 0.03,
    botContainment: 0,
    botGiveUp: 0.25,
    resolve: [0.95, 0.6, 0.4],
  },
  // Upgrades and downgrades are a sales conversation.
  plan_change: {
    phoneQueue: SALES,
    talkSeconds: 360,
    holdChance: 0.1,
    holdSeconds: 60,
    ivrContainment: 0.05,
    ivrHangUp: 0.03,
    botContainment: 0.5,
    botGiveUp: 0.1,
    resolve: [0.9, 0.85, 0.8],
  },
};

export const HANDLING_BY_INDEX: readonly ReasonHandling[] = REASONS.map((name) => HANDLING[name]);
