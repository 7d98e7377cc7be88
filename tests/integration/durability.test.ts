import { DuckDbEventStore } from '@waymark/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, stopServerProcess } from './server-process.ts';
import { tempDir } from './temp-dir.ts';

const AUTH = `Basic ${Buffer.from('wk:').toString('base64')}`;
const startChild = (dataDir: string) => startServerProcess(dataDir, { writeKey: 'wk', adminToken: 't' });

function batchOf(client: number, round: number): Array<Record<string, unknown>> {
  return Array.from({ length: 50 }, (_, i) => ({
    type: 'track',
    messageId: `c${client}-r${round}-${i}`,
    userId: `user-${client}-${i % 7}`,
    event: `Step ${i % 5}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + round * 1000 + i).toISOString(),
  }));
}

async function storedIds(dataDir: string): Promise<Map<string, number>> {
  const store = await DuckDbEventStore.open(dataDir);
  const rows = await store.query('SELECT message_id, count(*)::INTEGER AS n FROM events GROUP BY 1');
  await store.close();
  return new Map(rows.map((row) => [row.message_id as string, row.n as number]));
}

describe('durability', () => {
  const dir = tempDir('durable');
  afterAll(() => dir.remove());

  it('keeps every acknowledged event across SIGKILL mid-load, none twice, and a resend stores the rest once', async () => {
    const first = await startChild(dir.path);
    const acked = new Set<string>();
    const sent: Array<Array<Record<string, unknown>>> = [];
    let killed = false;
    const client = async (id: number) => {
      for (let round = 0; !killed; round++) {
        const batch = batchOf(id, round);
        sent.push(batch);
        try {
          const response = await fetch(`${first.url}/v1/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: AUTH },
            body: JSON.stringify({ batch }),
          });
          if (response.status === 200) for (const m of batch) acked.add(m.messageId as string);
        } catch {
          return; // the server died under us: this batch was never acknowledged
        }
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    while (acked.size < 4000) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    await stopServerProcess(first.child, 'SIGKILL');
    await Promise.all(clients);

    // Each client had a batch in flight when the server died: those were never acknowledged.
    expect(sent.length * 50).toBeGreaterThan(acked.size);
    const afterCrash = await storedIds(dir.path);
    const lost = [...acked].filter((id) => !afterCrash.has(id));
    expect(lost).toEqual([]);
    expect([...afterCrash.values()].every((n) => n === 1)).toBe(true);

    const second = await startChild(dir.path);
    for (const batch of sent) {
      const response = await fetch(`${second.url}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTH },
        body: JSON.stringify({ batch }),
      });
      expect(response.status).toBe(200);
    }
    await stopServerProcess(second.child);
    const afterResend = await storedIds(dir.path);
    expect(afterResend.size).toBe(sent.length * 50);
    expect([...afterResend.values()].every((n) => n === 1)).toBe(true);
  });
});
