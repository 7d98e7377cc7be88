/**
 * Writes the OpenAPI 3.1 document of the HTTP API (docs/openapi.json): `npm run openapi`.
 * Response schemas are generated from the TypeScript types the routes are typed with
 * (scripts/openapi/type-schemas.ts); request bodies and journey files use core's TypeBox
 * schemas, the ones the server validates with. Tests fail when the file is out of date, when a
 * route is missing from it, and when a real response does not match it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  JourneyDefinitionSchema,
  MESSAGE_TYPES,
  REPORT_NAMES,
  type ReportName,
  SegmentBatchSchema,
  SegmentMessageSchema,
} from '@waymark/core';
import { type QueryParameter, REPORT_PARAMETERS } from './openapi/report-parameters.ts';
import { type JsonSchema, responseTypeSchemas, toOpenApiSchema } from './openapi/type-schemas.ts';

const DOCUMENT = new URL('../docs/openapi.json', import.meta.url);
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

type Operation = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ok = (description: string, schema: JsonSchema) => ({ description, content: json(schema) });

/** Error answers, all `ErrorResponse` bodies, as components; operations refer to them by status. */
const ERRORS = {
  400: ['BadRequest', 'Bad input. `error` starts with the field or parameter it is about.'],
  401: ['Unauthorized', 'The credential is missing or wrong.'],
  404: ['NotFound', 'Nothing with that id.'],
  413: ['PayloadTooLarge', 'The body is over the size limit (8 MiB unless the server was started with another).'],
  429: [
    'TooManyRequests',
    'Over the rate limit (120,000 requests a minute per client address unless the server was started with another).',
  ],
  503: [
    'ServiceUnavailable',
    'The event store could not commit: nothing of this request was stored. Retry; a retry never stores a message twice.',
  ],
} as const;
type ErrorStatus = keyof typeof ERRORS;

const errors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(statuses.map((status) => [status, { $ref: `#/components/responses/${ERRORS[status][0]}` }]));

function errorResponses(): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(ERRORS).map(([name, description]) => [
      name,
      {
        description,
        ...(name === 'TooManyRequests'
          ? { headers: { 'Retry-After': { description: 'When to retry', schema: { type: 'string' } } } }
          : {}),
        content: json(ref('ErrorResponse')),
      },
    ]),
  );
}

/** A TypeBox schema as plain JSON (TypeBox marks its objects with symbol keys), in OpenAPI's dialect. */
const plain = (schema: unknown): JsonSchema => toOpenApiSchema(JSON.parse(JSON.stringify(schema)));

/** The request bodies of ingest, from the TypeBox schemas the server validates with. */
function requestSchemas(): Record<string, JsonSchema> {
  const message = plain(SegmentMessageSchema);
  const batch = plain(SegmentBatchSchema);
  const batchProperties = batch.properties as Record<string, JsonSchema>;
  return {
    SegmentMessage: { ...message, description: 'A Segment Spec message (docs/events.md).' },
    SegmentSingleMessage: {
      ...message,
      required: (message.required as string[]).filter((key) => key !== 'type'),
      description: 'One message; `type` defaults to the path. May carry the write key as `writeKey`.',
    },
    SegmentBatch: {
      ...batch,
      description:
        '`context` applies to every message that does not set the same key. Each message is checked on its own: ' +
        'bad ones are answered by index and field, good ones stored.',
      properties: { ...batchProperties, batch: { ...batchProperties.batch, items: ref('SegmentMessage') } },
    },
    JourneyDefinition: plain(JourneyDefinitionSchema),
  };
}

const gzipHeader = {
  name: 'Content-Encoding',
  in: 'header',
  description: 'Send `gzip` for a gzipped body.',
  schema: { type: 'string', enum: ['gzip'] },
};

function ingestOperation(path: string, summary: string, body: string): Operation {
  return {
    tags: ['Ingest'],
    operationId: `ingest${path[0]?.toUpperCase()}${path.slice(1)}`,
    summary,
    description:
      'Segment HTTP tracking API. `200` means every accepted message is durably stored; a message sent twice ' +
      '(same `messageId`, or same content without one) is stored once.',
    security: [{ writeKey: [] }],
    parameters: [gzipHeader],
    requestBody: { required: true, content: json(ref(body)) },
    responses: {
      200: ok(
        'What happened to each message: some may be rejected (by index and field) while the others are stored.',
        ref('IngestResponse'),
      ),
      400: {
        description:
          'Every message was rejected (listed by index and field), or the body is not JSON, not valid gzip or ' +
          'misses a required field (`error` names it).',
        content: json({ oneOf: [ref('IngestResponse'), ref('ErrorResponse')] }),
      },
      ...errors(401, 413, 429, 503),
    },
  };
}

const camel = (name: string): string =>
  name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** Summary and description of each report; `Record<ReportName, …>`, so none can be missing. */
const REPORTS: Record<ReportName, { summary: string; description: string }> = {
  dfg: {
    summary: 'Directly-follows graph (process map)',
    description:
      'Each edge A→B counts the times B comes straight after A in a customer’s journey, with the median time between them.',
  },
  variants: {
    summary: 'Variants',
    description: 'Distinct whole activity sequences, most common first.',
  },
  overview: {
    summary: 'Overview',
    description: 'Volume over time, by channel and by activity.',
  },
  'stage-funnel': {
    summary: 'Stage funnel',
    description:
      'Customers reaching each stage of a journey in order, with conversion, drop-off and time between stages.',
  },
  funnel: {
    summary: 'Event funnel',
    description: 'A journey’s funnel or ad-hoc steps, ordered, strict or in any order, with drop-off customers.',
  },
  retention: {
    summary: 'Retention cohorts',
    description: 'Cohorts by the period of their first start event, and who returned in each period after it.',
  },
  paths: {
    summary: 'Paths',
    description: 'What comes after (or leads to) an event or touchpoint: Sankey nodes and links, and the top paths.',
  },
  kpis: {
    summary: 'Contact-centre and voice-of-customer KPIs',
    description:
      'Every KPI with its numerator and denominator, in total and by queue, reason, channel, … (docs/kpis.md).',
  },
  timeline: {
    summary: 'One customer’s timeline',
    description: 'Every journey event of one customer in order, with touchpoint, stage and contact and survey details.',
  },
};

function reportOperation(name: ReportName, responseType: string): Operation {
  const parameters: QueryParameter[] = REPORT_PARAMETERS[name];
  const { summary, description } = REPORTS[name];
  return {
    tags: ['Reports'],
    operationId: `get${camel(name)}Report`,
    summary,
    description: `${description} Parameters and shapes: docs/reports.md, section \`${name}\`.`,
    ...(parameters.length === 0 ? {} : { parameters }),
    responses: {
      200: ok(summary, ref(responseType)),
      ...errors(400, 401, ...(name === 'timeline' ? ([404] as const) : []), 429),
    },
  };
}

/** A route with one JSON answer: admin token unless `open`, a path `{id}` when `id` describes one. */
interface PlainRoute {
  path: string;
  method: 'get' | 'delete';
  tag: string;
  operationId: string;
  summary: string;
  description: string;
  ok: [description: string, schema: JsonSchema];
  /** Needs no credential. */
  open?: true;
  /** What the path's `{id}` is (a `404` when nothing has it). */
  id?: string;
}

const PLAIN_ROUTES: PlainRoute[] = [
  {
    path: '/api/health',
    method: 'get',
    tag: 'Service',
    operationId: 'getHealth',
    summary: 'Health',
    description: 'Answers while the server runs; no credential, so load balancers and monitors can call it.',
    ok: ['Running', ref('HealthResponse')],
    open: true,
  },
  {
    path: '/api/openapi.json',
    method: 'get',
    tag: 'Service',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description:
      'The OpenAPI document of this server, as docs/openapi.json holds it. No credential: it describes the API ' +
      'and holds no data, and tools read it before they have a token.',
    ok: ['OpenAPI 3.1 document', { type: 'object' }],
    open: true,
  },
  {
    path: '/api/reports',
    method: 'get',
    tag: 'Reports',
    operationId: 'listReports',
    summary: 'Report names',
    description: 'The names `/api/reports/{name}` takes.',
    ok: ['Report names', ref('ReportListResponse')],
  },
  {
    path: '/api/journeys',
    method: 'get',
    tag: 'Journeys',
    operationId: 'listJourneys',
    summary: 'Journey definitions',
    description: 'The workspace’s journey definitions, summarised: stages, touchpoints and funnels.',
    ok: ['Journey definitions', ref('JourneyListResponse')],
  },
  {
    path: '/api/journeys/{id}',
    method: 'get',
    tag: 'Journeys',
    operationId: 'getJourney',
    summary: 'One journey definition',
    description: 'The journey file as written (docs/journeys.md; its JSON Schema is docs/schema/journey.schema.json).',
    ok: ['The journey definition', ref('JourneyDefinition')],
    id: 'The journey’s id',
  },
  {
    path: '/api/activities',
    method: 'get',
    tag: 'Data',
    operationId: 'listActivities',
    summary: 'Activities in the data',
    description:
      'Every activity (event name) of the journey index with its events and customers, most events first: ' +
      'what event pickers offer.',
    ok: ['Activities', ref('ActivityListResponse')],
  },
  {
    path: '/api/attributes',
    method: 'get',
    tag: 'Data',
    operationId: 'listAttributes',
    summary: 'Attribute paths in the data',
    description:
      'Every scalar attribute path stored events (`properties.x`, `context.x`) and identify calls (`traits.x`) ' +
      'have, with the type of its values: what `segment` and `breakdown` can name. Keys containing a dot are ' +
      'left out (a path cannot name them).',
    ok: ['Attribute paths', ref('AttributeListResponse')],
  },
  {
    path: '/api/customers/{id}',
    method: 'delete',
    tag: 'Customers',
    operationId: 'eraseCustomer',
    summary: 'Erase a customer (right to erasure)',
    description:
      'Deletes every event and trait of the customer the id belongs to, from the event store and the journey index ' +
      '(docs/events.md, “Right to erasure”).',
    ok: ['Erased', ref('CustomerErasedResponse')],
    id: 'Any userId or anonymousId of the customer',
  },
];

function plainOperation(route: PlainRoute): Operation {
  const { tag, operationId, summary, description, open, id } = route;
  const statuses: ErrorStatus[] = [...(open ? [] : [401 as const]), ...(id === undefined ? [] : [404 as const]), 429];
  return {
    tags: [tag],
    operationId,
    summary,
    description,
    ...(open ? { security: [] } : {}),
    ...(id === undefined
      ? {}
      : { parameters: [{ name: 'id', in: 'path', required: true, description: id, schema: { type: 'string' } }] }),
    responses: { 200: ok(...route.ok), ...errors(...statuses) },
  };
}

function paths(reportTypes: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  result['/v1/batch'] = { post: ingestOperation('batch', 'Send a batch of messages', 'SegmentBatch') };
  for (const type of MESSAGE_TYPES) {
    result[`/v1/${type}`] = { post: ingestOperation(type, `Send one ${type} message`, 'SegmentSingleMessage') };
  }
  for (const route of PLAIN_ROUTES) result[route.path] = { [route.method]: plainOperation(route) };
  for (const name of REPORT_NAMES) {
    const type = reportTypes[name];
    if (type === undefined) throw new Error(`ReportTypes has no ${name}`);
    result[`/api/reports/${name}`] = { get: reportOperation(name, type) };
  }
  result['/api/live'] = {
    get: {
      tags: ['Live'],
      operationId: 'streamLiveEvents',
      summary: 'Arriving events (server-sent events)',
      description:
        'A `text/event-stream`: one `data:` line per commit, a `LiveMessage` as JSON (its schema is this response’s ' +
        '`x-event-data`); comment lines (`: connected`, `: heartbeat` every 15 s) keep the connection open. ' +
        'Browsers’ EventSource cannot set headers, so this route also takes the token as `?token=`.',
      security: [{ adminToken: [] }, { adminTokenQuery: [] }],
      responses: {
        200: {
          description: 'The stream, open until the client closes it',
          content: {
            'text/event-stream': {
              schema: { type: 'string' },
              'x-event-data': ref('LiveMessage'),
            },
          },
        },
        ...errors(401, 429),
      },
    },
  };
  return result;
}

/** The whole document. */
export function openApiDocument(): Record<string, unknown> {
  const types = responseTypeSchemas();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark HTTP API',
      version: VERSION,
      summary: 'Segment-compatible ingest, journey reports and the admin API of a Waymark server.',
      description:
        'Ingest (`/v1/*`) takes the workspace’s write key as the HTTP Basic user name, as the Segment SDKs send it. ' +
        'The admin API (`/api/*`) takes the admin token as `Authorization: Bearer <token>`, except the health ' +
        'route and this document; a server started without a token (loopback demo only) asks for none. ' +
        'Every error is a JSON object whose `error` says what is wrong. Generated by `npm run openapi` from the ' +
        'server’s types; see docs/api.md.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [
      { name: 'Ingest', description: 'Segment HTTP tracking API (docs/events.md)' },
      { name: 'Reports', description: 'Journey reports (docs/reports.md)' },
      { name: 'Journeys', description: 'Journey definitions (docs/journeys.md)' },
      { name: 'Data', description: 'What the data holds, for pickers: activities and attribute paths' },
      { name: 'Customers', description: 'Right to erasure' },
      { name: 'Live', description: 'The stream of arriving events' },
      { name: 'Service', description: 'Health and this document' },
    ],
    security: [{ adminToken: [] }],
    paths: paths(types.reports),
    components: {
      schemas: { ...types.schemas, ...requestSchemas() },
      responses: errorResponses(),
      securitySchemes: {
        writeKey: {
          type: 'http',
          scheme: 'basic',
          description: 'The write key as the user name, the password empty (or `writeKey` in the body).',
        },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The admin token.' },
        adminTokenQuery: {
          type: 'apiKey',
          in: 'query',
          name: 'token',
          description: 'The admin token as `?token=`: `GET /api/live` only.',
        },
      },
    },
  };
}

export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('openapi.ts')) writeFileSync(DOCUMENT, openApiText());
