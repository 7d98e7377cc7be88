/**
 * What shaped a customer's experience most recently, kept per customer so that survey
 * comments (and the NPS) talk about what actually happened to them.
 */
export const DRIVERS = [
  'none',
  'payment_failed',
  'long_wait',
  'transferred',
  'unresolved',
  'dead_end',
  'pause_phone_only',
  'outage',
  'slow_speed',
  'bill_shock',
  'helpful_agent',
  'self_service_worked',
  'reliable_internet',
] as const;
export type Driver = (typeof DRIVERS)[number];
export const driverCode = (driver: Driver): number => DRIVERS.indexOf(driver);

const NEGATIVE: Partial<Record<Driver, readonly string[]>> = {
  payment_failed: [
    'My card was declined again and again at checkout, I had to phone to pay. Terrible first impression.',
    'The payment page kept failing with my Amex, no help online.',
  ],
  long_wait: [
    'Waited far too long on hold before anyone answered.',
    'The queue was ridiculous, I was on hold forever.',
  ],
  transferred: [
    'I was passed between departments and had to explain everything again.',
    'Transferred from billing to care and back again. Nobody could just sort it.',
  ],
  unresolved: ['Still not fixed after contacting you. Frustrating.', 'Nobody resolved my problem, I had to call back.'],
  dead_end: [
    'The automated menu and chatbot were useless, went round in circles.',
    'The bot could not help and there was no way to reach a person.',
  ],
  pause_phone_only: [
    'Why can I not pause my subscription in the app? Having to phone for it is ridiculous.',
    'Pausing should be a button in the app, not a phone call and a long wait.',
  ],
  outage: ['The internet keeps going down.', 'Another outage this month, not good enough.'],
  slow_speed: ['Speeds are nowhere near what I pay for.', 'Slow in the evenings, constantly buffering.'],
  bill_shock: ['My bill went up without warning.', 'Too expensive for what you get.'],
};

const POSITIVE: Partial<Record<Driver, readonly string[]>> = {
  helpful_agent: ['The agent was friendly and sorted it quickly.', 'Great service on the phone, very helpful.'],
  self_service_worked: ['Found the answer myself in seconds, easy.', 'Quick and easy, no need to call.'],
  reliable_internet: [
    'Fast, reliable internet, never have to think about it.',
    'Excellent speeds and no problems at all.',
  ],
  none: ['Good service, no complaints.', 'Does what it says.'],
};

const NEUTRAL = ['It is fine, nothing special.', 'OK overall, some room for improvement.', 'Average.'] as const;

/**
 * A comment for a survey score: detractors and poor scores name the negative driver,
 * promoters and top scores praise, the middle is lukewarm.
 *
 * @param band -1 for a poor score, 0 for a middling one, 1 for a good one
 */
export function surveyComment(band: -1 | 0 | 1, driver: Driver, random: () => number): string {
  const pick = (options: readonly string[]): string => options[Math.floor(random() * options.length)] as string;
  if (band < 0) return pick(NEGATIVE[driver] ?? NEGATIVE.unresolved ?? NEUTRAL);
  if (band > 0) return pick(POSITIVE[driver] ?? POSITIVE.reliable_internet ?? NEUTRAL);
  return pick(NEUTRAL);
}

/** Every phrase in the banks (for the test that they need no JSON escaping). */
export function allCommentPhrases(): string[] {
  return [...Object.values(NEGATIVE), ...Object.values(POSITIVE), NEUTRAL].flat();
}
