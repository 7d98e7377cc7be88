import type { Channel } from '../events/channel.ts';
import { isoUtc } from './iso-time.ts';
import { seededRandom } from './random.ts';

interface Step {
  activity: string;
  channel: Channel;
  /** Mean seconds before this step happens, after the previous one. */
  meanDelaySeconds: number;
  /** Next steps with their probabilities; what is left over ends the journey. */
  next: ReadonlyArray<readonly [string, number]>;
}

/** A small subscription-business journey as a Markov chain (a simple model, by design). */
const STEPS: Record<string, Step> = {
  'Ad Clicked': { activity: 'Ad Clicked', channel: 'social', meanDelaySeconds: 0, next: [['Home Viewed', 1]] },
  'Home Viewed': {
    activity: 'Home Viewed',
    channel: 'web',
    meanDelaySeconds: 20,
    next: [
      ['Plans Viewed', 0.85],
      ['Home Viewed', 0.1],
    ],
  },
  'Plans Viewed': {
    activity: 'Plans Viewed',
    channel: 'web',
    meanDelaySeconds: 60,
    next: [
      ['Signed Up', 0.55],
      ['Plans Viewed', 0.2],
      ['Chat Started', 0.15],
    ],
  },
  'Chat Started': {
    activity: 'Chat Started',
    channel: 'chat',
    meanDelaySeconds: 120,
    next: [
      ['Signed Up', 0.6],
      ['Plans Viewed', 0.2],
    ],
  },
  'Signed Up': { activity: 'Signed Up', channel: 'web', meanDelaySeconds: 300, next: [['Checkout Started', 0.95]] },
  'Checkout Started': {
    activity: 'Checkout Started',
    channel: 'web',
    meanDelaySeconds: 90,
    next: [
      ['Order Completed', 0.8],
      ['Payment Failed', 0.2],
    ],
  },
  'Payment Failed': {
    activity: 'Payment Failed',
    channel: 'web',
    meanDelaySeconds: 30,
    next: [
      ['Checkout Started', 0.5],
      ['Contact Completed', 0.45],
    ],
  },
  'Order Completed': {
    activity: 'Order Completed',
    channel: 'web',
    meanDelaySeconds: 45,
    next: [
      ['App Opened', 0.8],
      ['Contact Completed', 0.15],
    ],
  },
  'App Opened': {
    activity: 'App Opened',
    channel: 'app',
    meanDelaySeconds: 86_400,
    next: [
      ['App Opened', 0.6],
      ['Contact Completed', 0.15],
      ['Survey Answered', 0.15],
    ],
  },
  'Contact Completed': {
    activity: 'Contact Completed',
    channel: 'phone',
    meanDelaySeconds: 3_600,
    next: [
      ['Survey Answered', 0.35],
      ['App Opened', 0.4],
      ['Contact Completed', 0.1],
    ],
  },
  'Survey Answered': { activity: 'Survey Answered', channel: 'email', meanDelaySeconds: 7_200, next: [] },
};

const FIRST_STEPS: ReadonlyArray<readonly [string, number]> = [
  ['Ad Clicked', 0.4],
  ['Home Viewed', 0.6],
];
const MAX_EVENTS_PER_CUSTOMER = 40;
const REASONS = ['billing', 'payment', 'outage', 'move', 'cancel'];

export interface GenerateOptions {
  customers: number;
  seed: number;
  /** Generate only customers [firstCustomer, firstCustomer + customers): blocks can be written as they come. */
  firstCustomer?: number;
  /** Epoch ms of the first arrival; arrivals spread over `days`. */
  startMs?: number;
  days?: number;
}

/**
 * Writes a deterministic synthetic event log as JSONL lines (Segment Spec messages) to `emit`,
 * customer by customer (each from its own seeded stream). Each customer starts anonymous and identifies at sign-up, so the
 * log also exercises identity stitching. Returns the number of events.
 */
export function generateSimpleJourneys(options: GenerateOptions, emit: (line: string) => void): number {
  let random = seededRandom(options.seed);
  const startMs = options.startMs ?? Date.UTC(2026, 0, 1);
  const spanMs = (options.days ?? 90) * 86_400_000;
  let events = 0;
  const pick = (choices: ReadonlyArray<readonly [string, number]>): string | null => {
    let roll = random();
    for (const [name, p] of choices) {
      if (roll < p) return name;
      roll -= p;
    }
    return null;
  };
  const first = options.firstCustomer ?? 0;
  for (let c = first; c < first + options.customers; c++) {
    // Each customer has its own stream, so any block of customers is the same whoever generates it.
    random = seededRandom(options.seed * 1_000_003 + c);
    const anonymousId = `a${options.seed}-${c}`;
    const userId = `c${options.seed}-${c}`;
    let known = false;
    let t = startMs + Math.floor(random() * spanMs);
    let stepName = pick(FIRST_STEPS);
    for (let k = 0; stepName !== null && k < MAX_EVENTS_PER_CUSTOMER; k++) {
      const step = STEPS[stepName] as Step;
      t += Math.floor(-Math.log(1 - random()) * step.meanDelaySeconds * 1000);
      if (step.activity === 'Signed Up') known = true;
      const who = known ? `"userId":"${userId}","anonymousId":"${anonymousId}"` : `"anonymousId":"${anonymousId}"`;
      emit(
        `{"type":"track","messageId":"g${options.seed}-${c}-${k}",${who},"event":"${step.activity}","timestamp":"${isoUtc(t)}","context":{"channel":"${step.channel}"}${propertiesOf(step.activity, random)}}`,
      );
      events++;
      stepName = pick(step.next);
    }
  }
  return events;
}

function propertiesOf(activity: string, random: () => number): string {
  if (activity === 'Contact Completed') {
    const queueSeconds = Math.floor(random() * 600);
    const abandoned = queueSeconds > 420 && random() < 0.6;
    const reason = REASONS[Math.floor(random() * REASONS.length)];
    return `,"properties":{"medium":"call","queue":"care","reason":"${reason}","outcome":"${abandoned ? 'abandoned' : 'resolved'}","queueSeconds":${queueSeconds},"talkSeconds":${abandoned ? 0 : 60 + Math.floor(random() * 900)}}`;
  }
  if (activity === 'Survey Answered') return `,"properties":{"survey":"nps","score":${Math.floor(random() * 11)}}`;
  if (activity === 'Order Completed') return `,"properties":{"plan":"${random() < 0.3 ? 'pro' : 'basic'}"}`;
  return '';
}
