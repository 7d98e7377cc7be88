import { type Channel, channelFromCode } from '../../events/channel.ts';
import type { JsonObject } from '../../events/message.ts';
import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { JourneyIndex } from '../../journey-index/journey-index.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import type { RowClassification } from '../matching/classify-rows.ts';

/** A `Contact Completed` event's details, as sent (null where not given). */
export interface ContactDetails {
  contactId: string | null;
  medium: string | null;
  direction: string | null;
  queue: string | null;
  agentId: string | null;
  reason: string | null;
  outcome: string | null;
  ivrSeconds: number | null;
  queueSeconds: number | null;
  talkSeconds: number | null;
  holdSeconds: number | null;
  wrapSeconds: number | null;
  transfers: number | null;
}

/** A `Survey Answered` event's details, as sent. */
export interface SurveyDetails {
  survey: string | null;
  score: number | null;
  comment: string | null;
  contactId: string | null;
}

export interface TimelineEvent {
  /** Arrival number: the store's key for the event. */
  seq: number;
  timestamp: string;
  activity: string;
  channel: Channel | null;
  touchpoint: string | null;
  stage: string | null;
  /** The event enters a stage other than the one the customer was last in (the first staged event does). */
  stageChanged: boolean;
  /** The ids the event arrived with (the store's; null from the kernel alone). */
  userId: string | null;
  anonymousId: string | null;
  /** The event's properties as sent, without `transcript` (the store's; null from the kernel alone). */
  properties: JsonObject | null;
  contact: ContactDetails | null;
  survey: SurveyDetails | null;
}

export interface TimelineReport {
  /** The customer's display id (their userId once they have one). */
  customer: string;
  /** Every userId and anonymousId stitched into this customer. */
  identities: string[];
  journey: string | null;
  /** Latest traits from identify calls, by arrival (the store's; empty from the kernel alone). */
  traits: Record<string, unknown>;
  events: TimelineEvent[];
}

/**
 * One customer's journey events in order, each with its touchpoint and stage under the
 * journey (when given) and stage changes marked. The details only the store holds (ids as
 * sent, properties, contact and survey details, traits) are left empty for the caller to add.
 */
export function customerTimeline(
  index: JourneyIndex,
  customer: number,
  journey: { definition: JourneyDefinition; classification: RowClassification } | null,
): TimelineReport {
  const rows = index.rows();
  const run = runOf(rows, customer);
  const events: TimelineEvent[] = [];
  if (run >= 0) {
    const activities = index.activities.values;
    let lastStage = -1;
    for (let row = rows.runStart[run] as number; row < (rows.runStart[run + 1] as number); row++) {
      const stage = journey === null ? -1 : (journey.classification.stage[row] as number);
      const touchpoint = journey === null ? -1 : (journey.classification.touchpoint[row] as number);
      const stageChanged = stage >= 0 && stage !== lastStage;
      if (stage >= 0) lastStage = stage;
      events.push({
        seq: rows.seq[row] as number,
        timestamp: new Date(rows.timestampMs[row] as number).toISOString(),
        activity: activities[rows.activity[row] as number] as string,
        channel: channelFromCode(rows.channel[row] as number),
        touchpoint: touchpoint < 0 ? null : (journey?.definition.touchpoints[touchpoint]?.name ?? null),
        stage: stage < 0 ? null : (journey?.definition.stages[stage]?.name ?? null),
        stageChanged,
        userId: null,
        anonymousId: null,
        properties: null,
        contact: null,
        survey: null,
      });
    }
  }
  return {
    customer: index.customerName(customer),
    identities: index.identities.membersOf(customer).sort(),
    journey: journey?.definition.id ?? null,
    traits: {},
    events,
  };
}

/** The run of a customer (runs are in customer-code order), -1 when they have no journey events. */
function runOf(rows: SortedRows, customer: number): number {
  let lo = 0;
  let hi = rows.runCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows.customer[rows.runStart[mid] as number] as number) < customer) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.runCount && rows.customer[rows.runStart[lo] as number] === customer ? lo : -1;
}
