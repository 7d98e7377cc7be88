import { Analytics } from '@segment/analytics-node';
import { type RunningServer, startServer } from '@waymark/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

// The official Segment SDK, unchanged, pointed at a real Waymark server.
describe('Segment SDK → Waymark', () => {
  const dir = tempDir('sdk');
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ dataDir: dir.path, writeKey: 'wk_test', adminToken: 'admin', webDir: null });
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('delivers track, identify, page, screen and alias; anonymous history joins the user', async () => {
    const analytics = new Analytics({ writeKey: 'wk_test', host: server.url, path: '/v1/batch', flushInterval: 50 });
    const errors: unknown[] = [];
    analytics.on('error', (error) => errors.push(error));
    const t0 = Date.UTC(2026, 3, 1, 9, 0);
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    analytics.page({ anonymousId: 'anon-1', name: 'Home', timestamp: at(0), context: { channel: 'web' } });
    analytics.track({ anonymousId: 'anon-1', event: 'Plans Viewed', timestamp: at(1), context: { channel: 'web' } });
    analytics.identify({ anonymousId: 'anon-1', userId: 'cust-1', traits: { tier: 'vip' }, timestamp: at(2) });
    analytics.track({ userId: 'cust-1', event: 'Order Completed', properties: { plan: 'pro' }, timestamp: at(3) });
    analytics.screen({ userId: 'cust-1', name: 'Account', timestamp: at(4), context: { channel: 'app' } });
    analytics.track({
      anonymousId: 'phone-9',
      event: 'Contact Completed',
      timestamp: at(5),
      context: { channel: 'phone' },
    });
    analytics.alias({ userId: 'cust-1', previousId: 'phone-9', timestamp: at(6) });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    const headers = { authorization: 'Bearer admin' };
    const variants = await (await fetch(`${server.url}/api/reports/variants`, { headers })).json();
    expect(variants).toEqual({
      cases: 1,
      variantCount: 1,
      variants: [{ activities: ['Home', 'Plans Viewed', 'Order Completed', 'Account', 'Contact Completed'], count: 1 }],
    });
    const stored = await server.workspace.store.query(
      'SELECT type, count(*)::INTEGER AS n FROM events GROUP BY type ORDER BY type',
    );
    expect(stored).toEqual([
      { type: 'alias', n: 1 },
      { type: 'identify', n: 1 },
      { type: 'page', n: 1 },
      { type: 'screen', n: 1 },
      { type: 'track', n: 3 },
    ]);
    const traits = await server.workspace.store.query("SELECT traits FROM events WHERE type = 'identify'");
    expect(JSON.parse(traits[0]?.traits as string)).toEqual({ tier: 'vip' });
  });
});
