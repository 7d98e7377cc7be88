/**
 * A real server on generated journeys (the example journey's data) answers every route, each
 * report with its typical parameters, and each error, with exactly what docs/openapi.json says;
 * and the reports read exactly the query parameters the document lists for them.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateSimpleJourneys,
  REPORT_NAMES,
  type ReportName,
  type ReportParams,
  reportNeeds,
  runReport,
} from '@waymark/core';
import { type RunningServer, startServer } from '@waymark/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Check, OPENAPI_DOCUMENT, OpenApiSchemas } from './openapi-schemas.ts';
import { tempDir } from './temp-dir.ts';

const TOKEN = 'openapi-token';
const WRITE_KEY = 'openapi-write-key';
const JOURNEY = 'simple-subscription';
const JOURNEY_FILE = fileURLToPath(new URL(`../../examples/journeys/${JOURNEY}.yaml`, import.meta.url));
const BODY_LIMIT = 256 * 1024;
const PERSONAS = ['founder', 'family', 'student'];

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const expectValid = (check: Check, what: string) => expect(check.errors, what).toEqual([]);

/** Typical calls of every report; together they give every parameter the document lists. */
const REPORT_CALLS: Array<[ReportName, ReportParams]> = [
  ['dfg', {}],
  ['variants', {}],
  ['variants', { top: '3' }],
  ['overview', {}],
  ['overview', { bucket: 'week' }],
  ['overview', { bucket: 'hour' }],
  ['stage-funnel', {}],
  ['stage-funnel', { journey: JOURNEY, window: '7d', breakdown: 'firstTouch' }],
  ['stage-funnel', { from: '2026-01-15', to: '2026-03-01T00:00:00Z', segment: 'traits.persona=founder|family' }],
  ['funnel', {}],
  ['funnel', { journey: JOURNEY, funnel: 'Checkout', mode: 'strict', dropOffAfter: '1', limit: '5' }],
  ['funnel', { steps: 'Home Viewed>Plans Viewed>Signed Up', mode: 'any', window: '2d', breakdown: 'traits.persona' }],
  ['funnel', { funnel: 'Plans to order', segment: 'properties.plan=pro', from: '2026-01-01', to: '2026-04-01' }],
  ['retention', {}],
  ['retention', { startEvent: 'Order Completed', returnEvent: 'App Opened', period: 'day', periods: '4' }],
  ['retention', { period: 'month', segment: 'traits.persona!=student', from: '2026-01-01', to: '2026-06-01' }],
  ['retention', { breakdown: 'lastTouch' }],
  ['retention', { startEvent: 'Order Completed', period: 'month', breakdown: 'traits.persona' }],
  ['paths', {}],
  ['paths', { startEvent: 'Plans Viewed', depth: '4', top: '3', variants: '5' }],
  ['paths', { startTouchpoint: 'Plans compared', by: 'touchpoint', journey: JOURNEY }],
  ['paths', { endEvent: 'Order Completed', segment: 'context.channel=web', from: '2026-01-01', to: '2026-05-01' }],
  ['paths', { endTouchpoint: 'Order placed', breakdown: 'firstTouch' }],
  ['kpis', {}],
  ['kpis', { by: 'queue' }],
  [
    'kpis',
    {
      by: 'stage',
      journey: JOURNEY,
      serviceLevelSeconds: '30',
      shortAbandonSeconds: '10',
      excludeShortAbandons: 'false',
      fcrDays: '3',
      containmentHours: '12',
    },
  ],
  [
    'kpis',
    { by: 'reason', breakdown: 'firstTouch', segment: 'traits.persona=founder', from: '2026-02-01', to: '2026-04-01' },
  ],
  ['timeline', { customer: 'c7-1' }],
  ['timeline', { customer: 'a7-2', journey: JOURNEY }],
  ['timeline', {}],
];

/** One bad value per report (not dfg: it takes none), and the parameter its error must name. */
const BAD_PARAMETERS: Array<[ReportName, ReportParams, string]> = [
  ['variants', { top: '-1' }, 'top'],
  ['overview', { bucket: 'year' }, 'bucket'],
  ['stage-funnel', { window: 'soon' }, 'window'],
  ['funnel', { mode: 'sideways' }, 'mode'],
  ['retention', { period: 'year' }, 'period'],
  ['paths', { depth: '11' }, 'depth'],
  ['kpis', { by: 'planet' }, 'by'],
  ['timeline', { customer: '' }, 'customer'],
  ['funnel', { from: 'yesterday' }, 'from'],
];

describe('OpenAPI: real responses match docs/openapi.json', () => {
  const dir = tempDir('openapi');
  const schemas = new OpenApiSchemas();
  let server: RunningServer;
  const url = (path: string, params: ReportParams = {}) => {
    const query = new URLSearchParams(params as Record<string, string>).toString();
    return `${server.url}${path}${query === '' ? '' : `?${query}`}`;
  };
  const admin = (path: string, params: ReportParams = {}, init: RequestInit = {}) =>
    fetch(url(path, params), { ...init, headers: { authorization: `Bearer ${TOKEN}` } });
  const ingest = (path: string, body: string | object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(WRITE_KEY), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** Asserts the status, then that the body is what the document says that operation answers with it. */
  const answers = async (response: Response, path: string, method: string, status: number): Promise<unknown> => {
    const body: unknown = await response.json();
    expect(response.status, `${method.toUpperCase()} ${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
    expectValid(schemas.checkResponse(path, method, status, body), `${method.toUpperCase()} ${path} ${status}`);
    return body;
  };
  const reportBodies = new Map<ReportName, unknown>();

  beforeAll(async () => {
    await mkdir(join(dir.path, 'journeys'));
    await copyFile(JOURNEY_FILE, join(dir.path, 'journeys', `${JOURNEY}.yaml`));
    server = await startServer({
      dataDir: dir.path,
      writeKey: WRITE_KEY,
      adminToken: TOKEN,
      webDir: null,
      bodyLimitBytes: BODY_LIMIT,
    });
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: 400, seed: 7 }, (line) => messages.push(JSON.parse(line)));
    const result = await server.workspace.pipeline.submit(messages, { source: 'test' });
    expect(result.rejected).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  it('ingest: a batch and each single-message route answer as documented', async () => {
    const identifies = Array.from({ length: 60 }, (_, c) => ({
      type: 'identify',
      userId: `c7-${c}`,
      traits: { persona: PERSONAS[c % PERSONAS.length] },
      messageId: `persona-${c}`,
    }));
    const batch = await answers(
      await ingest('/v1/batch', { batch: identifies, context: { channel: 'web' } }),
      '/v1/batch',
      'post',
      200,
    );
    expect(batch).toMatchObject({ success: true, accepted: 60 });
    const singles: Record<string, object> = {
      track: { userId: 'c7-0', event: 'App Opened', timestamp: '2026-03-30T08:00:00Z', context: { channel: 'app' } },
      identify: { userId: 'c7-1', traits: { persona: 'founder', tier: 'vip' } },
      page: { anonymousId: 'a7-5', name: 'Home Viewed', timestamp: '2026-03-30T08:01:00Z' },
      screen: { userId: 'c7-2', name: 'Plans', timestamp: '2026-03-30T08:02:00+02:00' },
      alias: { userId: 'c7-3', previousId: 'old-id-3' },
      group: { userId: 'c7-4', groupId: 'household-4' },
    };
    for (const [type, message] of Object.entries(singles)) {
      const body = await answers(await ingest(`/v1/${type}`, message), `/v1/${type}`, 'post', 200);
      expect(body, type).toMatchObject({ success: true, accepted: 1, duplicates: 0 });
    }
    // The same message again is a duplicate: still a documented 200.
    const again = await answers(await ingest('/v1/track', singles.track as object), '/v1/track', 'post', 200);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('ingest errors: 400 naming the field, 401, 413', async () => {
    const partly = await answers(
      await ingest('/v1/batch', {
        batch: [
          { type: 'track', event: 'A' },
          { type: 'track', userId: 'u', event: 'B' },
        ],
      }),
      '/v1/batch',
      'post',
      200,
    );
    expect(partly).toMatchObject({
      success: false,
      accepted: 1,
      rejected: [{ index: 0, errors: [{ field: 'userId' }] }],
    });
    const allBad = await answers(
      await ingest('/v1/batch', { batch: [{ type: 'track', userId: 'u', event: 'C', timestamp: 'last tuesday' }] }),
      '/v1/batch',
      'post',
      400,
    );
    expect(allBad).toMatchObject({ success: false, rejected: [{ errors: [{ field: 'timestamp' }] }] });
    const noBatch = await answers(await ingest('/v1/batch', { events: [] }), '/v1/batch', 'post', 400);
    expect(noBatch).toEqual({ success: false, error: "body: must have required property 'batch'" });
    const notJson = await answers(await ingest('/v1/track', '{"userId": '), '/v1/track', 'post', 400);
    expect((notJson as { error: string }).error).toMatch(/^body: invalid JSON/);
    const notObject = await answers(await ingest('/v1/page', '[1, 2]'), '/v1/page', 'post', 400);
    expect((notObject as { error: string }).error).toMatch(/^body: /);
    await answers(
      await ingest('/v1/track', { userId: 'u', event: 'A' }, { authorization: basic('wrong') }),
      '/v1/track',
      'post',
      401,
    );
    const big = { batch: [{ type: 'track', userId: 'u', event: 'x'.repeat(BODY_LIMIT) }] };
    const tooLarge = await answers(await ingest('/v1/batch', big), '/v1/batch', 'post', 413);
    expect((tooLarge as { error: string }).error).toMatch(/^body: larger than the limit/);
  });

  it('every report, with typical parameters, answers with its documented schema; reports read exactly the documented parameters', async () => {
    const read = new Map<ReportName, Set<string>>(REPORT_NAMES.map((name) => [name, new Set<string>()]));
    for (const [name, params] of REPORT_CALLS) {
      const path = `/api/reports/${name}`;
      const body = await answers(await admin(path, params), path, 'get', 200);
      if (!reportBodies.has(name)) reportBodies.set(name, body);
      // The same run in this process, with parameters that note what the report reads.
      const noted = new Proxy(params, {
        get(target, key) {
          if (typeof key === 'string') read.get(name)?.add(key);
          return Reflect.get(target, key);
        },
      });
      const environment = server.workspace.environment();
      reportNeeds(name, noted, environment);
      runReport(server.workspace.index, name, noted, environment);
    }
    expect([...reportBodies.keys()].sort()).toEqual([...REPORT_NAMES].sort());
    for (const name of REPORT_NAMES) {
      const documented = (OPENAPI_DOCUMENT.paths[`/api/reports/${name}`]?.get?.parameters ?? []).map((p) => p.name);
      expect([...(read.get(name) ?? [])].sort(), `${name}: parameters read vs documented`).toEqual(
        [...new Set(documented)].sort(),
      );
    }
    // The data really exercises the shapes: breakdown groups, drop-off customers, contacts.
    const funnel = await (await admin('/api/reports/funnel', { funnel: 'Checkout', dropOffAfter: '1' })).json();
    expect(funnel.dropOff.customers.length).toBeGreaterThan(0);
    const kpis = await (await admin('/api/reports/kpis', { by: 'queue' })).json();
    expect(kpis.total.kpis.contactCentre.contacts).toBeGreaterThan(0);
    const grouped = await (await admin('/api/reports/stage-funnel', { breakdown: 'traits.persona' })).json();
    expect(grouped.groups.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(PERSONAS));
  });

  it('the validation fails for responses that differ from the document', () => {
    /** The report's real body with the value at a JSON Pointer replaced (undefined: removed). */
    const mutated = (name: ReportName, at: string, value?: unknown): Check => {
      const body = structuredClone(reportBodies.get(name));
      const keys = at.split('/').slice(1);
      const last = keys.pop() as string;
      const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], body) as Record<
        string,
        unknown
      >;
      if (value === undefined) delete parent[last];
      else parent[last] = value;
      return schemas.checkResponse(`/api/reports/${name}`, 'get', 200, body);
    };
    const failures: Array<[Check, RegExp]> = [
      [mutated('dfg', '/edges'), /must have required property 'edges'/],
      [mutated('variants', '/variants/0/count', '2'), /\/variants\/0\/count must be number/],
      [mutated('stage-funnel', '/total/steps/0/extra', 1), /must NOT have additional properties/],
      [mutated('funnel', '/mode', 'sideways'), /\/mode must be equal to one of the allowed values/],
      [mutated('retention', '/cohorts/0/returned/0', 'x'), /\/cohorts\/0\/returned\/0 must be/],
      [mutated('paths', '/nodes/0/label', null), /\/nodes\/0\/label must be string/],
      [mutated('kpis', '/total/kpis/contactCentre/abandonRate/rate', 'high'), /abandonRate\/rate/],
      [mutated('timeline', '/events/0/channel', 'carrier pigeon'), /\/events\/0\/channel/],
      [mutated('overview', '/bucket', 'year'), /\/bucket/],
    ];
    for (const [check, error] of failures) {
      expect(check.valid).toBe(false);
      expect(check.errors.join('\n')).toMatch(error);
    }
    for (const name of REPORT_NAMES) {
      expectValid(schemas.checkResponse(`/api/reports/${name}`, 'get', 200, reportBodies.get(name)), name);
    }
    expect(schemas.checkResponse('/api/health', 'get', 200, { ok: true }).valid).toBe(false);
    expect(schemas.checkResponse('/api/reports/dfg', 'get', 400, { message: 'top: bad' }).valid).toBe(false);
  });

  it('report errors: 400 naming the parameter, 401 without the token, 404 for an unknown customer', async () => {
    for (const [name, params, parameter] of BAD_PARAMETERS) {
      const path = `/api/reports/${name}`;
      const body = (await answers(await admin(path, params), path, 'get', 400)) as { error: string };
      expect(body.error, name).toMatch(new RegExp(`^${parameter}: `));
    }
    await answers(await fetch(url('/api/reports/dfg')), '/api/reports/dfg', 'get', 401);
    await answers(await fetch(url('/api/reports/kpis', { token: TOKEN })), '/api/reports/kpis', 'get', 401);
    const unknown = await answers(
      await admin('/api/reports/timeline', { customer: 'nobody' }),
      '/api/reports/timeline',
      'get',
      404,
    );
    expect((unknown as { error: string }).error).toMatch(/^customer: /);
    await answers(await admin('/api/reports'), '/api/reports', 'get', 200);
  });

  it('health, this document, journeys, activities, attributes and erasure answer as documented', async () => {
    const health = await answers(await fetch(url('/api/health')), '/api/health', 'get', 200);
    expect(health).toMatchObject({ ok: true });
    const served = await fetch(url('/api/openapi.json'));
    expect(served.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answers(served, '/api/openapi.json', 'get', 200)).toEqual(OPENAPI_DOCUMENT);

    const journeys = (await answers(await admin('/api/journeys'), '/api/journeys', 'get', 200)) as {
      journeys: Array<{ id: string }>;
    };
    expect(journeys.journeys.map((j) => j.id)).toEqual([JOURNEY]);
    await answers(await admin(`/api/journeys/${JOURNEY}`), '/api/journeys/{id}', 'get', 200);
    await answers(await admin('/api/journeys/nope'), '/api/journeys/{id}', 'get', 404);
    await answers(await fetch(url('/api/journeys')), '/api/journeys', 'get', 401);

    const activities = (await answers(await admin('/api/activities'), '/api/activities', 'get', 200)) as {
      activities: Array<{ activity: string; events: number; customers: number }>;
    };
    expect(activities.activities.map((a) => a.activity)).toContain('Order Completed');
    const attributes = (await answers(await admin('/api/attributes'), '/api/attributes', 'get', 200)) as {
      attributes: Array<{ path: string; type: string }>;
    };
    expect(attributes.attributes).toContainEqual({ path: 'properties.plan', type: 'string' });
    await answers(await fetch(url('/api/attributes')), '/api/attributes', 'get', 401);

    const erase = (id: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
      fetch(url(`/api/customers/${id}`), { method: 'DELETE', headers });
    await answers(await erase('c7-9', {}), '/api/customers/{id}', 'delete', 401);
    const erased = await answers(await erase('c7-9'), '/api/customers/{id}', 'delete', 200);
    expect(erased).toMatchObject({ erased: true, identities: expect.arrayContaining(['c7-9', 'a7-9']) });
    await answers(await erase('c7-9'), '/api/customers/{id}', 'delete', 404);
    const elsewhere = await admin('/api/nothing-here');
    expect(elsewhere.status).toBe(404);
    expectValid(schemas.check('/components/schemas/ErrorResponse', await elsewhere.json()), 'unknown route');
  });

  it('the live stream sends documented messages, and takes the token as ?token=', async () => {
    const denied = await fetch(url('/api/live', { token: 'wrong' }));
    await answers(denied, '/api/live', 'get', 401);
    const controller = new AbortController();
    const live = await fetch(url('/api/live', { token: TOKEN }), { signal: controller.signal });
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toBe('text/event-stream');
    const reader = (live.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readMore = async () => {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended: ${text}`);
      text += decoder.decode(value, { stream: true });
    };
    while (!text.includes(': connected\n\n')) await readMore();
    await ingest('/v1/batch', {
      batch: [
        { type: 'track', userId: 'live-1', event: 'Home Viewed', context: { channel: 'web' } },
        { type: 'identify', userId: 'live-1', traits: { persona: 'family' } },
      ],
    });
    while (!/^data: .*\n\n/m.test(text)) await readMore();
    controller.abort();
    const data = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? 'null');
    const stream = OPENAPI_DOCUMENT.paths['/api/live']?.get?.responses['200']?.content?.['text/event-stream'];
    const dataPointer = (stream?.['x-event-data']?.$ref ?? '').slice(1);
    expectValid(schemas.check(dataPointer, data), 'live message');
    expect(data).toMatchObject({
      total: 2,
      events: [{ activity: 'Home Viewed' }, { type: 'identify', activity: null }],
    });
    expect(schemas.check(dataPointer, { ...data, total: '2' }).valid).toBe(false);
  });

  it('429 over the rate limit, with Retry-After', async () => {
    const limited = await startServer({
      dataDir: ':memory:',
      writeKey: 'w',
      adminToken: 't',
      webDir: null,
      rateLimitPerMinute: 1,
    });
    try {
      await answers(await fetch(`${limited.url}/api/health`), '/api/health', 'get', 200);
      const over = await fetch(`${limited.url}/api/health`);
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = await answers(over, '/api/health', 'get', 429);
      expect((body as { error: string }).error).toMatch(/^rate limit: /);
    } finally {
      await limited.close();
    }
  });
});
