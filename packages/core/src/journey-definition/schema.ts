import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS } from '../events/channel.ts';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const Text = Type.String({ minLength: 1 });
const TextList = Type.Array(Text);

/** A test on one attribute: a scalar means equals, a list means one of; or an object of operators. */
export const PredicateSchema = Type.Union([
  Scalar,
  Type.Array(Scalar, { minItems: 1 }),
  Type.Object(
    {
      equals: Type.Optional(Scalar),
      in: Type.Optional(Type.Array(Scalar, { minItems: 1 })),
      notIn: Type.Optional(Type.Array(Scalar, { minItems: 1 })),
      exists: Type.Optional(Type.Boolean()),
      gt: Type.Optional(Type.Number()),
      gte: Type.Optional(Type.Number()),
      lt: Type.Optional(Type.Number()),
      lte: Type.Optional(Type.Number()),
      contains: Type.Optional(Type.String()),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
]);
export type Predicate = Static<typeof PredicateSchema>;

const Channel = Type.Union(CHANNELS.map((c) => Type.Literal(c)));

/** Which events a touchpoint or funnel step is: by name, channel and attribute predicates (all must hold). */
export const EventMatchSchema = Type.Object(
  {
    event: Type.Optional(Type.Union([Text, Type.Array(Text, { minItems: 1 })], { description: 'activity name(s)' })),
    channel: Type.Optional(Type.Union([Channel, Type.Array(Channel, { minItems: 1 })])),
    where: Type.Optional(
      Type.Record(Type.String({ pattern: '^(properties|context)\\.[^.]+(\\.[^.]+)*$' }), PredicateSchema, {
        description: 'attribute path (properties.x, context.x) → predicate',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EventMatch = Static<typeof EventMatchSchema>;

/** Emotion on the designed (or measured) curve: -2 very negative … +2 very positive. */
const Emotion = Type.Integer({ minimum: -2, maximum: 2 });

/** What a journey map says about a stage or touchpoint (the mapping side of the same file). */
const MapFields = {
  description: Type.Optional(Type.String()),
  goal: Type.Optional(Type.String()),
  actions: Type.Optional(TextList),
  thoughts: Type.Optional(TextList),
  emotion: Type.Optional(Emotion),
  painPoints: Type.Optional(TextList),
  opportunities: Type.Optional(TextList),
  momentOfTruth: Type.Optional(Type.Boolean()),
  kpis: Type.Optional(TextList),
  owner: Type.Optional(Type.String()),
};

/** Stage sets are bit sets and stage indexes bytes in the reports' kernels. */
export const MAX_STAGES = 24;

export const StageSchema = Type.Object({ name: Text, ...MapFields }, { additionalProperties: false });

export const TouchpointSchema = Type.Object(
  { name: Text, stage: Text, match: EventMatchSchema, ...MapFields },
  { additionalProperties: false },
);

/** A funnel step: a touchpoint of this journey by name, or its own match. */
export const FunnelStepSchema = Type.Object(
  { name: Type.Optional(Text), touchpoint: Type.Optional(Text), match: Type.Optional(EventMatchSchema) },
  { additionalProperties: false },
);

/** A duration such as `30m`, `48h`, `7d` or `90s`. */
export const DurationSchema = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?(s|m|h|d|w)$' });

export const FunnelSchema = Type.Object(
  {
    name: Text,
    steps: Type.Array(FunnelStepSchema, { minItems: 2, maxItems: 20 }),
    window: Type.Optional(DurationSchema),
    mode: Type.Optional(Type.Union([Type.Literal('ordered'), Type.Literal('strict'), Type.Literal('any')])),
    exclusions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            touchpoint: Type.Optional(Text),
            match: Type.Optional(EventMatchSchema),
            between: Type.Tuple([Type.Integer({ minimum: 1 }), Type.Integer({ minimum: 1 })], {
              description: 'step numbers (1-based): the exclusion applies after the first, before the second',
            }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PersonaSchema = Type.Object(
  {
    name: Text,
    description: Type.Optional(Type.String()),
    goals: Type.Optional(TextList),
    frustrations: Type.Optional(TextList),
    channels: Type.Optional(Type.Array(Channel)),
    /** How the persona is recognised in the data, e.g. `traits.persona: founder`. */
    match: Type.Optional(Type.Record(Type.String({ pattern: '^traits\\.[^.]+(\\.[^.]+)*$' }), PredicateSchema)),
  },
  { additionalProperties: false },
);

/**
 * A journey: the designed map (stages, touchpoints, persona, emotions, pain points) and how
 * each touchpoint is recognised in the events, so the same file maps and measures.
 */
export const JourneyDefinitionSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'used in URLs: lower-case letters, digits, -' }),
    name: Text,
    description: Type.Optional(Type.String()),
    scenario: Type.Optional(Type.String()),
    personas: Type.Optional(Type.Array(PersonaSchema)),
    stages: Type.Optional(
      Type.Array(StageSchema, {
        minItems: 1,
        maxItems: MAX_STAGES,
        description: 'in order; default: the five CX stages',
      }),
    ),
    touchpoints: Type.Array(TouchpointSchema, { minItems: 1 }),
    funnels: Type.Optional(Type.Array(FunnelSchema)),
  },
  { additionalProperties: false, $id: 'https://waymark.dev/schema/journey.schema.json', title: 'Waymark journey' },
);
export type JourneyDefinitionInput = Static<typeof JourneyDefinitionSchema>;
export type StageInput = Static<typeof StageSchema>;
export type TouchpointInput = Static<typeof TouchpointSchema>;
export type FunnelInput = Static<typeof FunnelSchema>;

export const DEFAULT_STAGES = [
  'Awareness',
  'Consideration',
  'Purchase',
  'Service & Support',
  'Loyalty & Advocacy',
] as const;
