import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimelineReport } from '@waymark/core';
import { type RunningServer, startServer } from '@waymark/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

const JOURNEY = fileURLToPath(new URL('../../examples/journeys/simple-subscription.yaml', import.meta.url));
const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

const MESSAGES = [
  { type: 'track', anonymousId: 'a-1', event: 'Home Viewed', timestamp: at(0), context: { channel: 'web' } },
  { type: 'track', anonymousId: 'a-1', event: 'Plans Viewed', timestamp: at(1), context: { channel: 'web' } },
  { type: 'identify', userId: 'u-1', anonymousId: 'a-1', timestamp: at(2), traits: { name: 'Ann', tier: 'vip' } },
  {
    type: 'track',
    userId: 'u-1',
    anonymousId: 'a-1',
    event: 'Signed Up',
    timestamp: at(3),
    context: { channel: 'web' },
  },
  {
    type: 'track',
    userId: 'u-1',
    event: 'Contact Completed',
    timestamp: at(30),
    context: { channel: 'phone' },
    properties: {
      contactId: 'k1',
      medium: 'call',
      queue: 'care',
      reason: 'billing',
      outcome: 'resolved',
      queueSeconds: 42,
      talkSeconds: 300,
      transcript: 'Hello …',
    },
  },
  {
    type: 'track',
    userId: 'u-1',
    event: 'Survey Answered',
    timestamp: at(45),
    context: { channel: 'email' },
    properties: { survey: 'csat', score: 5, comment: 'Sorted quickly', contactId: 'k1' },
  },
  { type: 'track', userId: 'u-2', event: 'Home Viewed', timestamp: at(5), context: { channel: 'web' } },
];

describe('customer timeline over the HTTP API', () => {
  const dir = tempDir('timeline');
  let server: RunningServer;
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer tok' } });

  beforeAll(async () => {
    mkdirSync(join(dir.path, 'journeys'));
    copyFileSync(JOURNEY, join(dir.path, 'journeys', 'simple-subscription.yaml'));
    server = await startServer({ dataDir: dir.path, writeKey: 'wk', adminToken: 'tok', webDir: null });
    const response = await fetch(`${server.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('wk:').toString('base64')}` },
      body: JSON.stringify({ batch: MESSAGES }),
    });
    expect((await response.json()).accepted).toBe(MESSAGES.length);
  });
  afterAll(async () => {
    await server.close();
    dir.remove();
  });

  it('stitches the anonymous history to the identified customer, with details from the store', async () => {
    const response = await get('/api/reports/timeline?customer=a-1');
    expect(response.status).toBe(200);
    const timeline = (await response.json()) as TimelineReport;
    expect(timeline).toMatchObject({
      customer: 'u-1',
      identities: ['a-1', 'u-1'],
      journey: 'simple-subscription',
      traits: { name: 'Ann', tier: 'vip' },
    });
    expect(
      timeline.events.map((e) => [e.activity, e.userId ?? e.anonymousId, e.touchpoint, e.stage, e.stageChanged]),
    ).toEqual([
      ['Home Viewed', 'a-1', 'Home page', 'Awareness', true],
      ['Plans Viewed', 'a-1', 'Plans compared', 'Consideration', true],
      ['Signed Up', 'u-1', 'Sign-up', 'Purchase', true],
      ['Contact Completed', 'u-1', 'Support call', 'Service & Support', true],
      ['Survey Answered', 'u-1', null, null, false], // a 5 is no promoter
    ]);
    expect(timeline.events[3]?.contact).toMatchObject({ reason: 'billing', outcome: 'resolved', queueSeconds: 42 });
    expect(timeline.events[3]?.properties).toMatchObject({ contactId: 'k1', medium: 'call', talkSeconds: 300 });
    expect(timeline.events[3]?.properties).not.toHaveProperty('transcript');
    expect(timeline.events[0]?.properties).toEqual({});
    expect(timeline.events[4]?.survey).toEqual({
      survey: 'csat',
      score: 5,
      comment: 'Sorted quickly',
      contactId: 'k1',
    });
    expect(await (await get('/api/reports/timeline?customer=u-1')).json()).toEqual(timeline);
  });

  it('answers 404 for an unknown customer, and for one erased', async () => {
    const unknown = await get('/api/reports/timeline?customer=nobody');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/no customer with id "nobody"/);
    const erased = await fetch(`${server.url}/api/customers/a-1`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer tok' },
    });
    expect(await erased.json()).toMatchObject({ identities: ['a-1', 'u-1'], events: 6 });
    for (const id of ['a-1', 'u-1']) expect((await get(`/api/reports/timeline?customer=${id}`)).status).toBe(404);
    expect((await get('/api/reports/timeline?customer=u-2')).status).toBe(200);
    expect((await get('/api/reports/timeline?customer=')).status).toBe(400);
    // With no customer named, the timeline opens on one still there.
    const suggested = await get('/api/reports/timeline');
    expect(suggested.status).toBe(200);
    expect((await suggested.json()).customer).toBe('u-2');
  });
});
