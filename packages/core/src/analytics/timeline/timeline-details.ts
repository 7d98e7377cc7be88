import type { JsonObject, WaymarkEvent } from '../../events/message.ts';
import { CONTACT_EVENT, SURVEY_EVENT } from '../kpis/kpi-columns.ts';
import type { ContactDetails, SurveyDetails, TimelineReport } from './timeline.ts';

/** What the timeline needs of a stored event (its arrival number ties it to the index row). */
export type StoredEventDetails = Pick<
  WaymarkEvent,
  'type' | 'userId' | 'anonymousId' | 'activity' | 'properties' | 'traits'
> & {
  seq: number;
};

/**
 * Adds what only the store holds to a timeline: the ids each event arrived with, its properties
 * (without transcripts), contact and survey details, and the customer's latest traits. `stored`
 * are the customer's events in arrival order (any events the timeline does not show, such as
 * identify calls, are fine).
 */
export function withStoredDetails(report: TimelineReport, stored: readonly StoredEventDetails[]): TimelineReport {
  const bySeq = new Map<number, StoredEventDetails>();
  const traits: Record<string, unknown> = {};
  for (const event of stored) {
    bySeq.set(event.seq, event);
    if (event.type === 'identify' && event.traits !== null) Object.assign(traits, event.traits);
  }
  return {
    ...report,
    traits,
    events: report.events.map((entry) => {
      const event = bySeq.get(entry.seq);
      if (event === undefined) return entry;
      const properties = event.properties ?? {};
      return {
        ...entry,
        userId: event.userId,
        anonymousId: event.anonymousId,
        properties: withoutTranscript(properties),
        contact: event.activity === CONTACT_EVENT ? contactDetails(properties) : null,
        survey: event.activity === SURVEY_EVENT ? surveyDetails(properties) : null,
      };
    }),
  };
}

/** Transcripts can be long and say more than an overview needs; the timeline leaves them out. */
function withoutTranscript(properties: JsonObject): JsonObject {
  if (!('transcript' in properties)) return properties;
  const { transcript: _transcript, ...rest } = properties;
  return rest;
}

function contactDetails(p: JsonObject): ContactDetails {
  return {
    contactId: text(p.contactId),
    medium: text(p.medium),
    direction: text(p.direction),
    queue: text(p.queue),
    agentId: text(p.agentId),
    reason: text(p.reason),
    outcome: text(p.outcome),
    ivrSeconds: number(p.ivrSeconds),
    queueSeconds: number(p.queueSeconds),
    talkSeconds: number(p.talkSeconds),
    holdSeconds: number(p.holdSeconds),
    wrapSeconds: number(p.wrapSeconds),
    transfers: number(p.transfers),
  };
}

function surveyDetails(p: JsonObject): SurveyDetails {
  return { survey: text(p.survey), score: number(p.score), comment: text(p.comment), contactId: text(p.contactId) };
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function number(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}
