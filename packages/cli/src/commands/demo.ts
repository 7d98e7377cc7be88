import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSimpleJourneys } from '@waymark/core';
import { journeysFolder } from '@waymark/runtime';
import { startServer } from '@waymark/server';
import { announce, parsePort, stopOnSignal } from './serve.ts';

const DEMO_CUSTOMERS = 5000;
const DEMO_SEED = 7;
const DEMO_JOURNEY = fileURLToPath(new URL('../../../../examples/journeys/simple-subscription.yaml', import.meta.url));

/**
 * `waymark demo` (what `npm start` runs): a data folder seeded with generated journeys on
 * first start, served on loopback without an admin token.
 */
export async function demoCommand(flags: { data?: string; port?: string }): Promise<void> {
  const dataDir = flags.data ?? '.waymark-demo';
  const fresh = !existsSync(dataDir);
  if (fresh) {
    // The demo's journey definition, so the journey reports have something to report on.
    mkdirSync(journeysFolder(dataDir), { recursive: true });
    copyFileSync(DEMO_JOURNEY, join(journeysFolder(dataDir), 'simple-subscription.yaml'));
  }
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: parsePort(flags.port ?? process.env.WAYMARK_PORT ?? '4400'),
    writeKey: process.env.WAYMARK_WRITE_KEY ?? 'demo-write-key',
    adminToken: null,
  });
  if (fresh || server.workspace.index.eventCount === 0) {
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: DEMO_CUSTOMERS, seed: DEMO_SEED }, (line) => messages.push(JSON.parse(line)));
    await server.workspace.pipeline.submit(messages, { source: 'demo' });
  }
  announce(server.url, server.writeKey, server.adminToken, server.workspace.index.eventCount);
  stopOnSignal(server.close);
}
