/**
 * The query parameters of each report (docs/reports.md), as OpenAPI parameter objects. Keyed by
 * core's `ReportName`, so a new report does not type-check until its parameters are here; and
 * tests/integration/openapi.test.ts fails when a report reads a parameter not listed here, or a
 * listed one is never read.
 */
import type { ReportName } from '@waymark/core';

export interface QueryParameter {
  name: string;
  in: 'query';
  description: string;
  required?: true;
  schema: Record<string, unknown>;
  example?: string | number | boolean;
}

const query = (
  name: string,
  description: string,
  schema: Record<string, unknown> = { type: 'string' },
  example?: string | number | boolean,
): QueryParameter => ({ name, in: 'query', description, schema, ...(example === undefined ? {} : { example }) });

const positive = (fallback: number, maximum?: number) => ({
  type: 'integer',
  minimum: 1,
  ...(maximum === undefined ? {} : { maximum }),
  default: fallback,
});

const journey = query(
  'journey',
  "The journey definition's id (`GET /api/journeys`); default: the only one the workspace has.",
  { type: 'string' },
  'simple-subscription',
);

/** `from`, `to`, `segment`, `breakdown`: the filter the journey reports share. */
const sharedFilter = (): QueryParameter[] => [
  query(
    'from',
    'Only events at or after this time count: an ISO date or date-time, UTC unless it has an offset.',
    { type: 'string' },
    '2026-01-01',
  ),
  query('to', 'Only events before this time count (exclusive); as `from`.', { type: 'string' }, '2026-03-01'),
  query(
    'segment',
    'Customers matching every condition, `;`-separated: `path=value`, `!=`, `>=`, `>`, `<=`, `<`, `~` (contains); ' +
      '`a|b` for one of several values. `traits.x` is the customer’s latest identify value; `properties.x` and ' +
      '`context.x` hold when any of their events in range has it.',
    { type: 'string' },
    'traits.persona=founder;properties.plan!=basic',
  ),
  query(
    'breakdown',
    'Group customers by `firstTouch` (channel of their first event in range), `lastTouch`, `traits.x` or ' +
      '`properties.x` (their first value in range), in `groups`; customers without a value are `(none)`.',
    { type: 'string' },
    'firstTouch',
  ),
];

const window = (what: string) =>
  query('window', `${what}: a duration like \`30m\`, \`48h\` or \`7d\`.`, { type: 'string', pattern: '^\\d' }, '7d');

export const REPORT_PARAMETERS: { [K in ReportName]: QueryParameter[] } = {
  dfg: [],
  variants: [
    query('top', 'Keep the N most common variants (`variantCount` still counts all).', { type: 'integer', minimum: 1 }),
  ],
  overview: [
    query(
      'bucket',
      'Width of the volume series’ buckets; widened when the data would need more than 2,000 points.',
      { type: 'string', enum: ['hour', 'day', 'week'], default: 'day' },
      'day',
    ),
  ],
  'stage-funnel': [
    journey,
    window('A stage counts only within this long after the latest event of the previous stage (default: unlimited)'),
    ...sharedFilter(),
  ],
  funnel: [
    journey,
    query('funnel', 'A funnel of the journey, by name; default its first.', { type: 'string' }, 'Checkout'),
    query(
      'steps',
      'Ad-hoc steps instead of a journey funnel: two or more event names joined by `>`.',
      { type: 'string' },
      'Home Viewed>Plans Viewed>Signed Up',
    ),
    query(
      'mode',
      '`ordered`: the steps in order, anything in between; `strict`: each step the very next event; ' +
        '`any`: that many distinct steps within one window, in any order. Default: the funnel’s own (ad-hoc: ordered).',
      { type: 'string', enum: ['ordered', 'strict', 'any'] },
    ),
    window('Each step within this long of the first (default: the funnel’s own; ad-hoc: unlimited)'),
    query(
      'dropOffAfter',
      'List the customers who reached this step (1-based) but not the next, in `dropOff`.',
      { type: 'integer', minimum: 1 },
      1,
    ),
    query('limit', 'At most this many drop-off customers listed.', positive(100)),
    ...sharedFilter(),
  ],
  retention: [
    query(
      'startEvent',
      'The event that puts a customer in a cohort (their first one); default any event.',
      { type: 'string' },
      'Order Completed',
    ),
    query('returnEvent', 'The event that counts as returning; default any event.', { type: 'string' }, 'App Opened'),
    query(
      'period',
      'Cohort and return period (UTC calendar days, Monday-based weeks, months; a month returns 30 days).',
      { type: 'string', enum: ['day', 'week', 'month'], default: 'week' },
    ),
    query('periods', 'How many periods after the start.', positive(8, 366)),
    ...sharedFilter(),
  ],
  paths: [
    query(
      'startEvent',
      'Paths after this event (from each customer’s first occurrence).',
      { type: 'string' },
      'Plans Viewed',
    ),
    query('startTouchpoint', 'Paths after this touchpoint of the journey.', { type: 'string' }, 'Plans compared'),
    query('endEvent', 'Paths leading to this event.', { type: 'string' }, 'Order Completed'),
    query('endTouchpoint', 'Paths leading to this touchpoint of the journey.', { type: 'string' }, 'Order placed'),
    query('depth', 'Steps from the anchor.', positive(5, 10)),
    query('top', 'Labels kept per step; the rest are summed as `Other`.', positive(8)),
    query('variants', 'Most common whole paths listed.', positive(10)),
    query('by', 'Label steps by event name or by the journey’s touchpoints.', {
      type: 'string',
      enum: ['event', 'touchpoint'],
      default: 'event',
    }),
    journey,
    ...sharedFilter(),
  ],
  kpis: [
    query(
      'by',
      'Group the KPIs by a property of the contact or survey, its channel, or its stage or touchpoint in the journey.',
      { type: 'string', enum: ['queue', 'reason', 'channel', 'medium', 'stage', 'touchpoint', 'none'] },
      'queue',
    ),
    journey,
    query('serviceLevelSeconds', 'Service level: answered within this many seconds of queueing.', {
      type: 'number',
      minimum: 0,
      default: 20,
    }),
    query('shortAbandonSeconds', 'An abandon after less queue time than this is a short abandon.', {
      type: 'number',
      minimum: 0,
      default: 5,
    }),
    query('excludeShortAbandons', 'Whether short abandons leave abandon rate and service level.', {
      type: 'boolean',
      default: true,
    }),
    query('fcrDays', 'A further contact within this many days makes a contact a repeat (first-contact resolution).', {
      type: 'number',
      exclusiveMinimum: 0,
      default: 7,
    }),
    query(
      'containmentHours',
      'A self-served contact is contained when no agent contact follows within this many hours.',
      {
        type: 'number',
        exclusiveMinimum: 0,
        default: 24,
      },
    ),
    ...sharedFilter(),
  ],
  timeline: [
    {
      ...query(
        'customer',
        'Any userId or anonymousId stitched into the customer; without it, the customer whose journey crossed the most channels.',
        { type: 'string', minLength: 1 },
      ),
    },
    query(
      'journey',
      'The journey whose touchpoints and stages label the events; default the only one (none without journeys).',
    ),
  ],
};
