import { TypeCompiler } from '@sinclair/typebox/compiler';
import { CHANNELS, type Channel } from './channel.ts';
import { canonicalJson, hash53 } from './hash.ts';
import {
  type FieldError,
  type JsonObject,
  MAX_ID_LENGTH,
  MAX_JSON_DEPTH,
  MESSAGE_TYPES,
  type NormalizeResult,
  UNNAMED_VIEW_ACTIVITY,
} from './message.ts';
import { SegmentMessageSchema } from './message-schema.ts';
import { parseIsoTimestamp } from './timestamp.ts';

const checker = TypeCompiler.Compile(SegmentMessageSchema);

/** Hints for fields whose schema error alone would not tell the sender what to send. */
const EXPECTED: Record<string, string> = {
  type: `one of ${MESSAGE_TYPES.join(', ')}`,
  'context.channel': `one of ${CHANNELS.join(', ')}`,
  userId: `a non-empty string of at most ${MAX_ID_LENGTH} characters`,
  anonymousId: `a non-empty string of at most ${MAX_ID_LENGTH} characters`,
  properties: 'an object',
  traits: 'an object',
  context: 'an object',
};

export interface NormalizeOptions {
  /** When the message has no timestamp, the time it was received. */
  receivedAtMs: number;
  /** Fills `context.channel` when the message does not say (e.g. from an import option). */
  defaultChannel?: Channel | null;
}

/**
 * Validates one Segment Spec message and turns it into a {@link WaymarkEvent}, or lists
 * every problem with it by field.
 *
 * @example normalizeMessage({ type: 'track', userId: 'u1', event: 'Signed Up' }, { receivedAtMs: Date.now() })
 */
export function normalizeMessage(raw: unknown, options: NormalizeOptions): NormalizeResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '(message)', message: 'expected a JSON object' }] };
  }
  // `context: null` means no context; the schema describes the object form only.
  if ((raw as { context?: unknown }).context === null) raw = { ...raw, context: undefined };
  if (!checker.Check(raw)) return { ok: false, errors: schemaErrors(raw) };
  const message = raw as Record<string, unknown> & { type: (typeof MESSAGE_TYPES)[number] };
  const errors: FieldError[] = [];

  // Text the store cannot keep exactly (a lone UTF-16 surrogate, e.g. an emoji cut in half)
  // would come back different from it: reject it rather than store something else.
  for (const field of ['messageId', 'userId', 'anonymousId', 'previousId', 'event', 'name'] as const) {
    const value = message[field];
    if (typeof value === 'string' && !value.isWellFormed()) {
      errors.push({ field, message: 'contains a lone UTF-16 surrogate (broken Unicode text)' });
    }
  }
  for (const field of ['properties', 'traits', 'context'] as const) {
    if (deeperThan(message[field], MAX_JSON_DEPTH)) {
      errors.push({ field, message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
    }
  }
  const userId = idOf(message.userId);
  const anonymousId = idOf(message.anonymousId);
  const previousId = idOf(message.previousId);
  if (userId === null && anonymousId === null) {
    errors.push({ field: 'userId', message: 'userId or anonymousId is required' });
  }
  if (message.type === 'alias' && previousId === null) {
    errors.push({ field: 'previousId', message: 'alias needs the previousId it links to userId' });
  }
  if (message.type === 'alias' && userId === null) {
    errors.push({ field: 'userId', message: 'alias needs the userId that previousId becomes' });
  }
  if (message.type === 'track' && typeof message.event !== 'string') {
    errors.push({ field: 'event', message: 'track needs the event name' });
  }

  let timestampMs = options.receivedAtMs;
  if (typeof message.timestamp === 'string') {
    const parsed = parseIsoTimestamp(message.timestamp);
    if (parsed === null) {
      errors.push({
        field: 'timestamp',
        message: `expected ISO 8601 with a UTC offset (e.g. 2024-05-01T09:30:00.000+02:00), got ${JSON.stringify(message.timestamp)}`,
      });
    } else timestampMs = parsed;
  }
  if (errors.length > 0) return { ok: false, errors };

  const context = (message.context as JsonObject | undefined) ?? null;
  let channel: Channel | null = options.defaultChannel ?? null;
  let restOfContext: JsonObject | null = context;
  if (context !== null && context.channel !== undefined) {
    channel = context.channel as Channel;
    const { channel: _channel, ...rest } = context;
    restOfContext = Object.keys(rest).length > 0 ? rest : null;
  }
  const traits =
    (message.traits as JsonObject | null | undefined) ?? (context?.traits as JsonObject | null | undefined) ?? null;

  return {
    ok: true,
    event: {
      messageId: (message.messageId as string | undefined) ?? deriveMessageId(message),
      type: message.type,
      userId,
      anonymousId: message.type === 'alias' ? (anonymousId ?? previousId) : anonymousId,
      previousId,
      timestampMs,
      receivedAtMs: options.receivedAtMs,
      activity: activityOf(message),
      channel,
      properties: (message.properties as JsonObject | null | undefined) ?? null,
      traits,
      context: restOfContext,
    },
  };
}

/** A message without a messageId gets one from its content, so a resend is still a duplicate. */
export function deriveMessageId(message: unknown): string {
  const text = canonicalJson(message);
  return `wm-${hash53(text).toString(36)}-${hash53(text, 0x9e3779b9).toString(36)}`;
}

function activityOf(message: Record<string, unknown>): string | null {
  switch (message.type) {
    case 'track':
      return message.event as string;
    case 'page':
    case 'screen':
      return typeof message.name === 'string' && message.name !== ''
        ? message.name
        : UNNAMED_VIEW_ACTIVITY[message.type];
    default:
      return null;
  }
}

/**
 * Whether a JSON value nests deeper than `limit` levels (stops walking at the limit). Deeper
 * JSON is refused: nobody's tracking plan needs it, and walking it could exhaust the stack.
 */
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (deeperThan(child, limit - 1)) return true;
  }
  return false;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string' && value !== '') return value;
  return null;
}

function schemaErrors(raw: unknown): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of checker.Errors(raw)) {
    const field = error.path.replace(/^\//, '').replaceAll('/', '.') || '(message)';
    if (byField.has(field)) continue;
    const expected = EXPECTED[field];
    const got = error.value === undefined ? 'nothing' : JSON.stringify(error.value);
    byField.set(field, {
      field,
      message: expected ? `expected ${expected}, got ${truncate(got)}` : `${error.message}, got ${truncate(got)}`,
    });
  }
  return [...byField.values()];
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
