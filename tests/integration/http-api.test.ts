import { type RunningServer, startServer } from '@waymark/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

describe('HTTP API: bad input, auth, limits and erasure', () => {
  const dir = tempDir('http');
  let server: RunningServer;
  const post = (path: string, body: string | object, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic('wk'), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { authorization: 'Bearer tok' } });

  beforeAll(async () => {
    server = await startServer({
      dataDir: dir.path,
      writeKey: 'wk',
      adminToken: 'tok',
      webDir: null,
      bodyLimitBytes: 64 * 1024,
    });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('keeps the good messages of a batch and names the field of each bad one', async () => {
    const response = await post('/v1/batch', {
      batch: [
        { type: 'track', userId: 'u1', event: 'A', timestamp: '2026-01-01T10:00:00Z', messageId: 'ok-1' },
        { type: 'track', event: 'B', timestamp: '2026-01-01T10:01:00Z' },
        { type: 'track', userId: 'u1', event: 'C', timestamp: 'last tuesday' },
        { type: 'track', userId: 'u1', event: 'D', timestamp: '2026-01-01T10:02:00Z', messageId: 'ok-2' },
      ],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.accepted).toBe(2);
    expect(
      body.rejected.map((r: { index: number; errors: { field: string }[] }) => [r.index, r.errors[0]?.field]),
    ).toEqual([
      [1, 'userId'],
      [2, 'timestamp'],
    ]);
    const again = await (
      await post('/v1/batch', { batch: [{ type: 'track', userId: 'u1', event: 'A', messageId: 'ok-1' }] })
    ).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('answers malformed JSON, a missing batch and oversize bodies with clear errors, and keeps serving', async () => {
    const broken = await post('/v1/batch', '{"batch": [');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toMatch(/invalid JSON/);
    const noBatch = await post('/v1/batch', { events: [] });
    expect(noBatch.status).toBe(400);
    expect((await noBatch.json()).error).toBe("body: must have required property 'batch'");
    const notArray = await post('/v1/batch', { batch: 5 });
    expect((await notArray.json()).error).toBe('body.batch: must be array');
    const badGzip = await post('/v1/batch', 'not gzip at all', { 'content-encoding': 'gzip' });
    expect(badGzip.status).toBe(400);
    expect((await badGzip.json()).error).toMatch(/^body: not valid gzip/);
    const huge = await post('/v1/batch', { batch: [{ type: 'track', userId: 'u', event: 'x'.repeat(100_000) }] });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error).toMatch(/larger than the limit/);
    const single = await post('/v1/track', { userId: 'u2', event: 'Signed Up', timestamp: '2026-01-01T11:00:00Z' });
    expect(single.status).toBe(200);
    expect((await (await fetch(`${server.url}/api/health`)).json()).ok).toBe(true);
  });

  it('requires the write key for ingest and the admin token for the API', async () => {
    expect((await post('/v1/track', { userId: 'u', event: 'A' }, { authorization: basic('wrong') })).status).toBe(401);
    expect((await fetch(`${server.url}/api/reports/dfg`)).status).toBe(401);
    expect((await admin('/api/reports/dfg')).status).toBe(200);
    const unknown = await admin('/api/reports/nope');
    expect(unknown.status).toBe(404);
    const badTop = await admin('/api/reports/variants?top=-1');
    expect(badTop.status).toBe(400);
    expect((await badTop.json()).error).toMatch(/^top: expected a positive integer/);
  });

  it('takes ?token= only on the live stream, and refuses to start with an empty secret', async () => {
    expect((await fetch(`${server.url}/api/reports/dfg?token=tok`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/customers/nobody?token=tok`, { method: 'DELETE' })).status).toBe(401);
    const live = await fetch(`${server.url}/api/live?token=tok`);
    expect(live.status).toBe(200);
    await live.body?.cancel();
    await expect(startServer({ dataDir: ':memory:', writeKey: '', webDir: null })).rejects.toThrow(
      /write key is empty/,
    );
    await expect(startServer({ dataDir: ':memory:', adminToken: '', webDir: null })).rejects.toThrow(
      /admin token is empty/,
    );
  });

  it('lists the activities with their counts, and the attribute paths with their types, for pickers', async () => {
    const track = (userId: string, event: string, properties: object, context: object = {}) => ({
      type: 'track',
      userId,
      event,
      properties,
      context,
      timestamp: '2026-01-03T10:00:00Z',
    });
    await post('/v1/batch', {
      batch: [
        track('p1', 'Picked', { plan: 'pro', card: { type: 'amex', digits: [1, 2] }, 'a.b': 1 }, { locale: 'en' }),
        track('p1', 'Picked', { plan: 'basic', score: 3, paid: true }),
        track('p2', 'Picked', { score: 'high', nothing: null }),
        { type: 'identify', userId: 'p2', traits: { persona: 'founder', address: { city: 'Oslo' } } },
      ],
    });
    const activities = await (await admin('/api/activities')).json();
    expect(activities.activities).toContainEqual({ activity: 'Picked', events: 3, customers: 2 });
    const { attributes } = await (await admin('/api/attributes')).json();
    const paths = new Map(attributes.map((a: { path: string; type: string }) => [a.path, a.type]));
    expect(
      Object.fromEntries(
        [...paths].filter(([path]) =>
          /^(properties|context|traits)\.(plan|card|score|paid|locale|persona|address|nothing|a)/.test(path as string),
        ),
      ),
    ).toEqual({
      'properties.plan': 'string',
      'properties.card.type': 'string',
      'properties.score': 'mixed',
      'properties.paid': 'boolean',
      'context.locale': 'string',
      'traits.persona': 'string',
      'traits.address.city': 'string',
    });
    expect(attributes.map((a: { path: string }) => a.path)).toEqual(
      [...attributes.map((a: { path: string }) => a.path)].sort(),
    );
    // A new event with a new property shows up at once (the list is kept only until the store changes).
    await post('/v1/batch', { batch: [track('p3', 'Picked', { coupon: 'SPRING' })] });
    const again = await (await admin('/api/attributes')).json();
    expect(again.attributes).toContainEqual({ path: 'properties.coupon', type: 'string' });
  });

  it('erases a customer from the store and the index', async () => {
    await post('/v1/batch', {
      batch: [
        { type: 'track', anonymousId: 'anon-e', event: 'Home Viewed', timestamp: '2026-01-02T10:00:00Z' },
        { type: 'identify', anonymousId: 'anon-e', userId: 'erase-me', traits: { email: 'e@example.com' } },
        { type: 'track', userId: 'erase-me', event: 'Order Completed', timestamp: '2026-01-02T10:05:00Z' },
      ],
    });
    const before = await (await admin('/api/reports/dfg')).json();
    const storedBefore = await server.workspace.store.count();
    const response = await admin('/api/customers/anon-e', { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ erased: true, events: 3 });
    const after = await (await admin('/api/reports/dfg')).json();
    expect(after.cases).toBe(before.cases - 1);
    expect(after.events).toBe(before.events - 2);
    expect(await server.workspace.store.count()).toBe(storedBefore - 3);
    const names = await server.workspace.store.query(
      "SELECT count(*)::INTEGER AS n FROM identities WHERE name IN ('erase-me', 'anon-e')",
    );
    expect(names).toEqual([{ n: 0 }]);
    expect((await admin('/api/customers/erase-me', { method: 'DELETE' })).status).toBe(404);
  });
});
