import type {
  ActivityCount,
  Channel,
  FieldError,
  JourneySummary,
  MessageType,
  ReportName,
  ReportTypes,
  SeenAttribute,
} from '@waymark/core';

/**
 * The bodies the HTTP API answers with. The routes are typed with them, and `npm run openapi`
 * turns them (and the report types of core) into the schemas of docs/openapi.json.
 */

/** Every error answer. `error` says what is wrong and starts with the field or parameter it is about. */
export interface ErrorResponse {
  /** What went wrong, e.g. `top: expected a positive integer, got "-1"` or `body.batch: must be array`. */
  error: string;
  /** `false` on ingest routes, and on errors found before a route runs (body, size, rate limit). */
  success?: false;
}

/** `GET /api/health`. */
export interface HealthResponse {
  ok: true;
  /** Journey events in the index. */
  events: number;
}

/** `GET /api/reports`: the names `GET /api/reports/{name}` takes. */
export interface ReportListResponse {
  reports: ReportName[];
}

/** `GET /api/journeys`. */
export interface JourneyListResponse {
  journeys: JourneySummary[];
}

/** `GET /api/activities`: every activity in the data, most events first. */
export interface ActivityListResponse {
  activities: ActivityCount[];
}

/**
 * `GET /api/attributes`: every scalar attribute path stored events (`properties.x`, `context.x`)
 * and identify calls (`traits.x`) have, sorted by path, with the type of their values.
 */
export interface AttributeListResponse {
  attributes: SeenAttribute[];
}

/** `DELETE /api/customers/{id}`: what was erased. */
export interface CustomerErasedResponse {
  erased: true;
  /** Every userId and anonymousId of the customer; their names are gone from the store. */
  identities: string[];
  /** Events deleted. */
  events: number;
}

/** A message that was not stored: its position in the batch (0-based) and each problem, by field. */
export interface RejectedMessage {
  index: number;
  errors: FieldError[];
}

/** The answer to an ingest request: what happened to each message. */
export interface IngestResponse {
  /** True when no message was rejected. */
  success: boolean;
  /** Messages stored (committed before this answer was sent). */
  accepted: number;
  /** Messages already stored before (same messageId, or same content without one): stored once. */
  duplicates: number;
  rejected: RejectedMessage[];
}

/** One arriving event on the live stream. */
export interface LiveEvent {
  messageId: string;
  type: MessageType;
  userId: string | null;
  anonymousId: string | null;
  /** The journey activity (track event, page or screen name); null for identify, alias and group. */
  activity: string | null;
  channel: Channel | null;
  /** ISO 8601, UTC. */
  timestamp: string;
}

/** `GET /api/live`: the `data:` of each server-sent event, one per commit. */
export interface LiveMessage {
  /** Events in the commit. */
  total: number;
  /** Its newest events (at most 50). */
  events: LiveEvent[];
}

/**
 * Every response body type, for the OpenAPI generator (scripts/openapi.ts): one entry point, so
 * one TypeScript program yields them all. Not a body itself.
 */
export interface ApiTypes {
  error: ErrorResponse;
  health: HealthResponse;
  reportList: ReportListResponse;
  reports: ReportTypes;
  journeyList: JourneyListResponse;
  activityList: ActivityListResponse;
  attributeList: AttributeListResponse;
  customerErased: CustomerErasedResponse;
  ingest: IngestResponse;
  live: LiveMessage;
}
