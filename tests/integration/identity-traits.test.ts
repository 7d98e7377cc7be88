import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, parseWorkspaceSettings, Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { customerJourneys } from './customer-journeys.ts';
import { tempDir } from './temp-dir.ts';

const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();

const journeys = customerJourneys;

/**
 * Hand-computed: u1 (laptop, anonymous first) and u2 (phone app) are one person by e-mail;
 * u3 is the same person again by phone (formatted differently); u4 shares nothing.
 *   u1: A (anonymous, d1) → identify u1+d1 email Ann@… → B
 *   u2: C → identify u2 email " ann@example.com " → D
 *   u3: identify u3 phone "+1 (555) 010-0200" → E;   u1 later identifies with phone "+1 555 0100200"
 *   u4: identify u4 email bob@… → F
 * With email+phone linking: u1 = {d1, u1, u2, u3}: A B C D E in time order; u4: F. Two customers.
 * Off: d1's A joins u1 (anonymous stitching), so u1: A B, u2: C D, u3: E, u4: F. Four customers.
 */
const MESSAGES = [
  { type: 'track', anonymousId: 'd1', event: 'A', timestamp: t(1), messageId: 'm1' },
  {
    type: 'identify',
    anonymousId: 'd1',
    userId: 'u1',
    traits: { email: 'Ann@Example.com' },
    timestamp: t(2),
    messageId: 'm2',
  },
  { type: 'track', userId: 'u1', event: 'B', timestamp: t(3), messageId: 'm3' },
  { type: 'track', userId: 'u2', event: 'C', timestamp: t(4), messageId: 'm4' },
  { type: 'identify', userId: 'u2', traits: { email: ' ann@example.com ' }, timestamp: t(5), messageId: 'm5' },
  { type: 'track', userId: 'u2', event: 'D', timestamp: t(6), messageId: 'm6' },
  { type: 'identify', userId: 'u3', traits: { phone: '+1 (555) 010-0200' }, timestamp: t(7), messageId: 'm7' },
  { type: 'track', userId: 'u3', event: 'E', timestamp: t(8), messageId: 'm8' },
  { type: 'identify', userId: 'u4', traits: { email: 'bob@example.com' }, timestamp: t(9), messageId: 'm9' },
  { type: 'track', userId: 'u4', event: 'F', timestamp: t(10), messageId: 'm10' },
  { type: 'identify', userId: 'u1', traits: { phone: '+1 555 0100200' }, timestamp: t(11), messageId: 'm11' },
];

const LINKED = { u1: ['A', 'B', 'C', 'D', 'E'], u4: ['F'] };
const UNLINKED = { u1: ['A', 'B'], u2: ['C', 'D'], u3: ['E'], u4: ['F'] };

async function customers(workspace: Workspace): Promise<number> {
  return (await workspace.report('overview')).customers;
}

describe('linking identities by shared email/phone traits', () => {
  it('is off by default: a shared e-mail leaves separate customers', async () => {
    const workspace = await Workspace.open(':memory:');
    await workspace.pipeline.submit(MESSAGES.slice(0, 6), { source: 't' });
    expect(journeys(workspace)).toEqual({ u1: ['A', 'B'], u2: ['C', 'D'] });
    expect(await customers(workspace)).toBe(2);
    await workspace.pipeline.submit(MESSAGES.slice(6), { source: 't' });
    expect(journeys(workspace)).toEqual(UNLINKED);
    expect(workspace.index.identities.traitKeyCount).toBe(0);
    await workspace.close();
  });

  it('two userIds sharing an e-mail become one customer (reports count 1)', async () => {
    const workspace = await Workspace.open(':memory:', { linkBy: ['email'] });
    await workspace.pipeline.submit(MESSAGES.slice(0, 6), { source: 't' });
    expect(journeys(workspace)).toEqual({ u1: ['A', 'B', 'C', 'D'] });
    expect(await customers(workspace)).toBe(1);
    expect(workspace.index.findCustomer('u2')).toBe(workspace.index.findCustomer('u1'));
    await workspace.close();
  });

  it('links by a phone number however it is formatted, only when phone is enabled', async () => {
    const byEmail = await Workspace.open(':memory:', { linkBy: ['email'] });
    const both = await Workspace.open(':memory:', { linkBy: ['email', 'phone'] });
    for (const workspace of [byEmail, both]) await workspace.pipeline.submit(MESSAGES, { source: 't' });
    expect(journeys(byEmail)).toEqual({ u1: ['A', 'B', 'C', 'D'], u3: ['E'], u4: ['F'] });
    expect(journeys(both)).toEqual(LINKED);
    expect(await customers(both)).toBe(2);
    await byEmail.close();
    await both.close();
  });

  it('gives the same customers in one batch, one message a request, and after restarts (setting from waymark.yaml)', async () => {
    const results: Array<Record<string, string[]>> = [];
    for (const grouping of [[MESSAGES], MESSAGES.map((m) => [m]), [MESSAGES.slice(0, 5), MESSAGES.slice(5)]]) {
      const dir = tempDir('traits');
      writeFileSync(join(dir.path, 'waymark.yaml'), 'identity:\n  linkBy: [email, phone]\n');
      const workspace = await Workspace.open(dir.path);
      expect(workspace.settings.identity.linkBy).toEqual(['email', 'phone']);
      // Concurrent requests: grouped into commits however they land.
      await Promise.all(grouping.map((group) => workspace.pipeline.submit(group, { source: 't' })));
      results.push(journeys(workspace));
      await workspace.close();
      const reopened = await Workspace.open(dir.path);
      results.push(journeys(reopened));
      expect(await customers(reopened)).toBe(2);
      // Still linking after the restart: a new device identifying with the e-mail joins u1.
      await reopened.pipeline.submit(
        [
          { type: 'track', anonymousId: 'd9', event: 'G', timestamp: t(20), messageId: 'n1' },
          {
            type: 'identify',
            anonymousId: 'd9',
            traits: { email: 'ANN@example.com' },
            timestamp: t(21),
            messageId: 'n2',
          },
        ],
        { source: 't' },
      );
      expect(journeys(reopened)).toEqual({ u1: [...LINKED.u1, 'G'], u4: ['F'] });
      await reopened.close();
      // The setting is a view over the stored history: switched off, the same store gives the unlinked customers.
      const off = await Workspace.open(dir.path, { linkBy: [] });
      expect(journeys(off)).toEqual({ ...UNLINKED, d9: ['G'] });
      await off.close();
      dir.remove();
    }
    for (const result of results) expect(result).toEqual(LINKED);
  });

  it('a JSONL import links live as the restart does (it skips the bulk loader, whose rows carry no traits)', async () => {
    const dir = tempDir('traits-import');
    const file = join(dir.path, 'messages.jsonl');
    writeFileSync(file, `${MESSAGES.map((m) => JSON.stringify(m)).join('\n')}\n`);
    const data = join(dir.path, 'data');
    const workspace = await Workspace.open(data, { linkBy: ['email', 'phone'] });
    const summary = await importFile(workspace.pipeline, file);
    expect(summary).toMatchObject({ accepted: MESSAGES.length, rejectedCount: 0 });
    expect(summary.bulk).toBeUndefined();
    expect(journeys(workspace)).toEqual(LINKED);
    await workspace.close();
    const reopened = await Workspace.open(data, { linkBy: ['email', 'phone'] });
    expect(journeys(reopened)).toEqual(LINKED);
    await reopened.close();
    dir.remove();
  });

  it('erasure forgets the linked customer with their e-mail and phone, in memory and in the store', async () => {
    const dir = tempDir('traits-erase');
    const workspace = await Workspace.open(dir.path, { linkBy: ['email', 'phone'] });
    await workspace.pipeline.submit(MESSAGES, { source: 't' });
    // Tracked traits and event attributes hold values too.
    await workspace.track(['traits.email', 'traits.phone', 'properties.contact']);
    await workspace.pipeline.submit(
      [
        {
          type: 'track',
          userId: 'u2',
          event: 'Z',
          properties: { contact: '+1 555 0100200' },
          timestamp: t(12),
          messageId: 'z1',
        },
        {
          type: 'track',
          userId: 'u4',
          event: 'Y',
          properties: { contact: 'bob@example.com' },
          timestamp: t(13),
          messageId: 'z2',
        },
      ],
      { source: 't' },
    );
    expect(workspace.index.identities.traitKeyCount).toBe(3); // ann@, +15550100200, bob@
    const erased = await workspace.eraseCustomer('u2');
    expect(erased?.identities.sort()).toEqual(['d1', 'u1', 'u2', 'u3']);
    expect(erased?.events).toBe(10);
    expect(journeys(workspace)).toEqual({ u4: ['F', 'Y'] });
    expect(workspace.index.identities.traitKeyCount).toBe(1); // bob@ only
    const attributes = workspace.index.attributes;
    const held = [
      ...[...attributes.traits.values()].map((trait) => trait.values.values),
      ...[...attributes.events.values()].map((attribute) => attribute.values.values),
    ].map((values) => values.filter((value) => value !== ''));
    expect(held).toEqual([['bob@example.com'], [], ['bob@example.com']]); // email, phone, properties.contact
    const stored = JSON.stringify(await workspace.store.query('SELECT * FROM events_view'));
    const names = JSON.stringify(await workspace.store.query('SELECT name FROM identities'));
    for (const text of [stored, names]) {
      expect(text.toLowerCase()).not.toContain('ann@example.com');
      expect(text).not.toContain('555');
      expect(text).not.toMatch(/"u1"|"u2"|"u3"|"d1"/);
    }
    // A new sign-up with the erased e-mail links to nobody left.
    await workspace.pipeline.submit(
      [
        { type: 'identify', userId: 'u5', traits: { email: 'ann@example.com' }, timestamp: t(30), messageId: 'e1' },
        { type: 'track', userId: 'u5', event: 'H', timestamp: t(31), messageId: 'e2' },
      ],
      { source: 't' },
    );
    expect(journeys(workspace)).toEqual({ u4: ['F', 'Y'], u5: ['H'] });
    await workspace.close();
    const reopened = await Workspace.open(dir.path, { linkBy: ['email', 'phone'] });
    expect(journeys(reopened)).toEqual({ u4: ['F', 'Y'], u5: ['H'] });
    expect(reopened.index.findCustomer('u1')).toBeUndefined();
    await reopened.close();
    dir.remove();
  });

  it('rejects an invalid settings file, naming the field', async () => {
    expect(() => parseWorkspaceSettings('identity:\n  linkBy: [email, fax]\n', 'waymark.yaml')).toThrow(
      /waymark\.yaml identity\.linkBy\[1\]: Expected one of "email", "phone"/,
    );
    expect(() => parseWorkspaceSettings('identity:\n  linkby: [email]\n', 'waymark.yaml')).toThrow(
      /waymark\.yaml identity(\.linkby)?: /,
    );
    expect(parseWorkspaceSettings('', 'waymark.yaml')).toEqual({ identity: { linkBy: [] } });
    const dir = tempDir('traits-bad');
    writeFileSync(join(dir.path, 'waymark.yaml'), 'identity: { linkBy: email }\n');
    await expect(Workspace.open(dir.path)).rejects.toThrow(/identity\.linkBy: /);
    dir.remove();
  });
});
