import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS } from './channel.ts';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MESSAGE_TYPES } from './message.ts';

const Id = Type.Union([Type.String({ minLength: 1, maxLength: MAX_ID_LENGTH }), Type.Number(), Type.Null()]);

/**
 * The Segment Spec message as it arrives (EVENTS.md). Declared once: it validates ingest,
 * types the normalizer and documents the API in OpenAPI.
 */
export const SegmentMessageSchema = Type.Object(
  {
    type: Type.Union(MESSAGE_TYPES.map((t) => Type.Literal(t))),
    messageId: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_ID_LENGTH })),
    userId: Type.Optional(Id),
    anonymousId: Type.Optional(Id),
    previousId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    timestamp: Type.Optional(Type.String({ description: 'ISO 8601 with offset' })),
    event: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NAME_LENGTH })),
    name: Type.Optional(Type.Union([Type.String({ maxLength: MAX_NAME_LENGTH }), Type.Null()])),
    properties: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
    traits: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
    context: Type.Optional(
      Type.Object(
        { channel: Type.Optional(Type.Union(CHANNELS.map((c) => Type.Literal(c)))) },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);

export type SegmentMessage = Static<typeof SegmentMessageSchema>;

/** A Segment `batch` call body. */
export const SegmentBatchSchema = Type.Object(
  {
    batch: Type.Array(Type.Unknown()),
    context: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    writeKey: Type.Optional(Type.String()),
    sentAt: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
