import type { Channel } from './channel.ts';

export const MESSAGE_TYPES = ['track', 'identify', 'page', 'screen', 'alias', 'group'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The longest messageId, userId, anonymousId, previousId or groupId accepted, in UTF-16 units. */
export const MAX_ID_LENGTH = 256;
/** The longest event name, or page or screen name, accepted, in UTF-16 units. */
export const MAX_NAME_LENGTH = 512;
/** The deepest nesting of properties, traits and context accepted (deeper is refused). */
export const MAX_JSON_DEPTH = 32;
/** The activity of a page or screen view that gives no name. */
export const UNNAMED_VIEW_ACTIVITY = { page: 'Page Viewed', screen: 'Screen Viewed' } as const;

export type JsonObject = Record<string, unknown>;

/**
 * A message after validation: the Segment Spec fields Waymark uses, with the timestamp as
 * epoch milliseconds and the journey activity resolved (EVENTS.md).
 */
export interface WaymarkEvent {
  messageId: string;
  type: MessageType;
  userId: string | null;
  anonymousId: string | null;
  /** `alias` only: the identity being linked to `userId`. */
  previousId: string | null;
  timestampMs: number;
  receivedAtMs: number;
  /**
   * The journey activity: `event` for track, the page/screen name for page/screen
   * (`Page Viewed`/`Screen Viewed` when unnamed); null for identify, alias and group, which
   * describe the customer rather than a step of the journey.
   */
  activity: string | null;
  channel: Channel | null;
  properties: JsonObject | null;
  traits: JsonObject | null;
  /** The rest of `context`, kept as sent (minus `channel`, which has its own field). */
  context: JsonObject | null;
}

/** One problem with one message, naming the field. */
export interface FieldError {
  field: string;
  message: string;
}

export type NormalizeResult = { ok: true; event: WaymarkEvent } | { ok: false; errors: FieldError[] };

/** The customer an event belongs to before identity stitching: the userId when known. */
export function rawIdentity(event: Pick<WaymarkEvent, 'userId' | 'anonymousId'>): string {
  return event.userId ?? (event.anonymousId as string);
}
