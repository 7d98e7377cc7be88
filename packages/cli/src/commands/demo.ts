import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SubscriptionWorld } from '@waymark/core';
import { journeysFolder, SETTINGS_FILE } from '@waymark/runtime';
import { startServer } from '@waymark/server';
import { announce, parsePort, stopOnSignal } from './serve.ts';

/** Big enough for queues to form at the contact centre's peaks, small enough to load in seconds. */
const DEMO_CUSTOMERS = 20_000;
const DEMO_SEED = 7;
/** The journey as the team designed it, for the demo world's data (docs/demo-world.md). */
const DEMO_JOURNEY = fileURLToPath(new URL('../../../../examples/journeys/home-internet.yaml', import.meta.url));

/** The demo workspace's settings (`<data>/waymark.yaml`): identities linked by shared e-mail and phone traits. */
export const DEMO_SETTINGS = 'identity:\n  linkBy: [email, phone]\n';

/** The ground truth of the demo world, kept in the data folder so it is removed (and remade) with the data. */
export const DEMO_TRUTH_FILE = 'ground-truth.json';

/**
 * `waymark demo` (what `npm start` runs): a data folder seeded on first start with the
 * subscription world (a home-internet business over twelve weeks, docs/demo-world.md), its
 * journey definition and its ground truth, served on loopback without an admin token.
 */
export async function demoCommand(flags: { data?: string; port?: string }): Promise<void> {
  const dataDir = flags.data ?? '.waymark-demo';
  const fresh = !existsSync(dataDir);
  if (fresh) {
    // The demo's journey definition, so the journey reports have something to report on.
    mkdirSync(journeysFolder(dataDir), { recursive: true });
    copyFileSync(DEMO_JOURNEY, join(journeysFolder(dataDir), 'home-internet.yaml'));
    // Store leads who later sign up share an e-mail address or phone number with their account: one customer.
    writeFileSync(join(dataDir, SETTINGS_FILE), DEMO_SETTINGS);
  }
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: parsePort(flags.port ?? process.env.WAYMARK_PORT ?? '4400'),
    writeKey: process.env.WAYMARK_WRITE_KEY ?? 'demo-write-key',
    adminToken: null,
  });
  if (fresh || server.workspace.index.eventCount === 0) {
    process.stdout.write(`Generating the demo world (${DEMO_CUSTOMERS.toLocaleString('en-US')} customers)…\n`);
    const started = performance.now();
    const world = new SubscriptionWorld({ customers: DEMO_CUSTOMERS, seed: DEMO_SEED });
    // A week at a time (fewer, larger commits store faster), generating the next week while the last is stored.
    let stored: Promise<unknown> = Promise.resolve();
    while (!world.done) {
      const messages: unknown[] = [];
      for (let day = 0; day < 7 && !world.done; day++) world.simulateNextDay((line) => messages.push(JSON.parse(line)));
      await stored;
      stored = server.workspace.pipeline.submit(messages, { source: 'demo' });
    }
    await stored;
    const truthPath = join(dataDir, DEMO_TRUTH_FILE);
    const truth = world.groundTruth();
    await writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Generated and stored ${truth.messages.total.toLocaleString('en-US')} messages in ${seconds} s\n`,
    );
    process.stdout.write(`Ground truth of the planted friction: ${truthPath}\n`);
  }
  announce(server.url, server.writeKey, server.adminToken, server.workspace.index.eventCount);
  stopOnSignal(server.close);
}
