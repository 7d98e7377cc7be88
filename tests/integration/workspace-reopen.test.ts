import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSimpleJourneys, REPORT_NAMES } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { customerJourneys } from './customer-journeys.ts';
import { tempDir } from './temp-dir.ts';

function messages(customers: number, seed: number): unknown[] {
  const out: unknown[] = [];
  generateSimpleJourneys({ customers, seed }, (line) => out.push(JSON.parse(line)));
  return out;
}

const JOURNEY = fileURLToPath(new URL('../../examples/journeys/simple-subscription.yaml', import.meta.url));

/** Every report, the journey ones with filters and breakdowns that read properties and traits. */
async function reports(workspace: Workspace): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const name of REPORT_NAMES)
    out.push(await workspace.report(name, name === 'timeline' ? { customer: 'c11-3' } : {}));
  out.push(await workspace.report('stage-funnel', { breakdown: 'properties.plan', segment: 'properties.score>=5' }));
  out.push(await workspace.report('funnel', { funnel: 'Checkout', breakdown: 'lastTouch', dropOffAfter: '1' }));
  return out;
}

const open = (dir: string) => Workspace.open(dir, { journeyFiles: [JOURNEY] });

describe('workspace rebuilt from the store', () => {
  it('gives the same reports after a restart, with stitching and erasure, and keeps accepting events', async () => {
    const dir = tempDir('reopen');
    const first = messages(1500, 11);
    const later = messages(300, 12);
    const alias = [{ type: 'alias', userId: 'c11-3', previousId: 'c11-4', timestamp: '2026-05-01T00:00:00Z' }];

    // Reference: everything in one process, in memory.
    const reference = await open(':memory:');
    await reference.pipeline.submit(first, { source: 't' });
    await reference.pipeline.submit(alias, { source: 't' });
    await reference.eraseCustomer('c11-7');
    await reference.pipeline.submit(later, { source: 't' });

    const workspace = await open(dir.path);
    await workspace.pipeline.submit(first.slice(0, 700), { source: 't' });
    await reports(workspace); // properties tracked from here on: the rest arrive into tracked columns
    await workspace.pipeline.submit(first.slice(700), { source: 't' });
    await workspace.pipeline.submit(alias, { source: 't' });
    expect(await workspace.eraseCustomer('c11-7')).toMatchObject({ identities: ['a11-7', 'c11-7'] });
    const before = await reports(workspace);
    await workspace.close();

    const reopened = await open(dir.path);
    expect(await reports(reopened)).toEqual(before);
    expect(reopened.index.findCustomer('c11-7')).toBeUndefined();
    expect(reopened.index.findCustomer('c11-4')).toBe(reopened.index.findCustomer('c11-3'));
    const again = await reopened.pipeline.submit(first.slice(0, 50), { source: 't' });
    expect(again).toMatchObject({ accepted: 0, duplicates: 50 });
    await reopened.pipeline.submit(later, { source: 't' });
    expect(await reports(reopened)).toEqual(await reports(reference));
    await reopened.close();

    const third = await open(dir.path);
    expect(await reports(third)).toEqual(await reports(reference));
    await third.close();
    await reference.close();
    dir.remove();
  });
});

describe('stitching and erasure survive grouping and restarts (review regressions)', () => {
  const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

  const journeys = customerJourneys;

  it('links the same way whether messages arrive in one commit or two, and after a restart', async () => {
    const messages = [
      { type: 'track', anonymousId: 'X', userId: 'u1', event: 'A', timestamp: t(1), messageId: 'i1' },
      { type: 'track', userId: 'X', event: 'B', timestamp: t(2), messageId: 'i2' },
    ];
    const results: Array<Record<string, string[]>> = [];
    for (const grouping of [[messages], [[messages[0]], [messages[1]]]]) {
      const dir = tempDir('ident');
      const workspace = await Workspace.open(dir.path);
      for (const group of grouping) await workspace.pipeline.submit(group, { source: 't' });
      results.push(journeys(workspace));
      await workspace.close();
      const reopened = await Workspace.open(dir.path);
      results.push(journeys(reopened));
      await reopened.close();
      dir.remove();
    }
    expect(results[0]).toEqual({ u1: ['A', 'B'] });
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it('links by shared traits (workspace setting) the same way in one commit or many, and after a restart', async () => {
    // Hand-computed: d's first user is u1 (u2 on the same device stays apart); u3 shares d's
    // e-mail, so u3 joins d's customer, named u1 (a userId, seen before u3); u2 is aliased to u4.
    const messages = [
      { type: 'track', anonymousId: 'd', event: 'A', timestamp: t(1), messageId: 't1' },
      { type: 'identify', anonymousId: 'd', traits: { email: 'ann@example.com' }, timestamp: t(2), messageId: 't2' },
      { type: 'track', anonymousId: 'd', userId: 'u1', event: 'B', timestamp: t(3), messageId: 't3' },
      { type: 'track', anonymousId: 'd', userId: 'u2', event: 'C', timestamp: t(4), messageId: 't4' },
      { type: 'identify', userId: 'u3', traits: { email: 'ANN@example.com ' }, timestamp: t(5), messageId: 't5' },
      { type: 'track', userId: 'u3', event: 'D', timestamp: t(6), messageId: 't6' },
      { type: 'alias', previousId: 'u2', userId: 'u4', timestamp: t(7), messageId: 't7' },
      { type: 'track', userId: 'u4', event: 'E', timestamp: t(8), messageId: 't8' },
    ];
    const results: Array<Record<string, string[]>> = [];
    for (const grouping of [[messages], messages.map((m) => [m])]) {
      const dir = tempDir('ident-traits');
      writeFileSync(join(dir.path, 'waymark.yaml'), 'identity:\n  linkBy: [email]\n');
      const workspace = await Workspace.open(dir.path);
      for (const group of grouping) await workspace.pipeline.submit(group, { source: 't' });
      results.push(journeys(workspace));
      await workspace.close();
      const reopened = await Workspace.open(dir.path);
      results.push(journeys(reopened));
      await reopened.close();
      const unlinked = await Workspace.open(dir.path, { linkBy: [] });
      expect(journeys(unlinked)).toEqual({ u1: ['A', 'B'], u3: ['D'], u4: ['C', 'E'] });
      await unlinked.close();
      dir.remove();
    }
    expect(results[0]).toEqual({ u1: ['A', 'B', 'D'], u4: ['C', 'E'] });
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it('erasing a customer keeps another customer’s events from the same device', async () => {
    const dir = tempDir('shared');
    const workspace = await Workspace.open(dir.path);
    await workspace.pipeline.submit(
      [
        { type: 'track', anonymousId: 'd', event: 'A', timestamp: t(1), messageId: 's1' },
        { type: 'track', anonymousId: 'd', userId: 'u1', event: 'B', timestamp: t(2), messageId: 's2' },
        { type: 'track', anonymousId: 'd', userId: 'u2', event: 'C', timestamp: t(3), messageId: 's3' },
      ],
      { source: 't' },
    );
    expect(journeys(workspace)).toEqual({ u1: ['A', 'B'], u2: ['C'] });
    expect(await workspace.eraseCustomer('u1')).toMatchObject({ events: 2 });
    expect(journeys(workspace)).toEqual({ u2: ['C'] });
    await workspace.pipeline.submit([{ type: 'track', userId: 'new', event: 'D', timestamp: t(4), messageId: 's4' }], {
      source: 't',
    });
    await workspace.close();
    const reopened = await Workspace.open(dir.path);
    expect(journeys(reopened)).toEqual({ u2: ['C'], new: ['D'] });
    expect(await reopened.store.count()).toBe(2);
    await reopened.close();
    dir.remove();
  });
});
