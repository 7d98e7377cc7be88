import type { Channel } from '../../events/channel.ts';
import { parseJourney } from '../../journey-definition/parse-journey.ts';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import type { ReportEnvironment } from '../report-environment.ts';
import { CONTACT_ID_PROPERTY, KPI_PROPERTIES } from './kpi-columns.ts';

/** A test event: who (`anon:x` for an anonymousId), what, when in seconds, with properties or traits. */
export interface TestEvent {
  who: string;
  activity: string | null;
  seconds: number;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  channel?: Channel;
  /** Sent with both ids: this anonymousId joins `who` (a userId). */
  anonymousId?: string;
}

export const DAY = 86_400;
export const HOUR = 3_600;

/** A contact event terse: `contact('u1', 10, { queueSeconds: 5, outcome: 'resolved' })`. */
export function contact(who: string, seconds: number, properties: Record<string, unknown> = {}): TestEvent {
  return { who, activity: 'Contact Completed', seconds, properties, channel: 'phone' };
}

export function survey(who: string, seconds: number, kind: string, score: unknown, more = {}): TestEvent {
  return { who, activity: 'Survey Answered', seconds, properties: { survey: kind, score, ...more }, channel: 'email' };
}

const TRACKED = [...KPI_PROPERTIES, CONTACT_ID_PROPERTY, 'properties.queue'];

/** An index tracking every property the KPI report can read, and traits.tier (as a workspace would load them). */
export function kpiIndex(events: readonly TestEvent[]): JourneyIndex {
  const index = new JourneyIndex();
  for (const path of TRACKED)
    index.trackEventAttribute(path, { seq: new Float64Array(0), code: new Int32Array(0), values: [] });
  index.trackTrait('traits.tier', {
    identity: new Int32Array(0),
    seq: new Float64Array(0),
    code: new Int32Array(0),
    values: [],
  });
  events.forEach((e, seq) => {
    index.add({
      ...ev(e.who, e.activity, e.seconds, { channel: e.channel ?? null }),
      ...(e.anonymousId === undefined ? {} : { anonymousId: e.anonymousId }),
      properties: e.properties ?? null,
      traits: e.traits ?? null,
      seq,
    });
  });
  return index;
}

const JOURNEY = `id: care
name: Care
stages: [{ name: Buy }, { name: Service }, { name: Advocacy }]
touchpoints:
  - { name: Order, stage: Buy, match: { event: Order Completed } }
  - { name: Abandoned call, stage: Service, match: { event: Contact Completed, where: { properties.outcome: abandoned } } }
  - { name: Support call, stage: Service, match: { event: Contact Completed } }
  - { name: Survey, stage: Advocacy, match: { event: Survey Answered } }
`;

export function careEnvironment(): ReportEnvironment {
  const parsed = parseJourney(JOURNEY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { journeys: new Map([['care', parsed.journey]]) };
}
