import { describe, expect, it } from 'vitest';
import { Workspace } from '../workspace/workspace.ts';

const batch = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'track',
    messageId: `${prefix}-${i}`,
    userId: `u${i % 10}`,
    event: 'Step',
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  }));

/** Makes the store's `failingCall`-th append (1-based) fail after `delayMs`, as a full disk would. */
function failAppend(workspace: Workspace, failingCall: number, delayMs = 0): void {
  const store = workspace.store;
  const append = store.append.bind(store);
  let calls = 0;
  store.append = async (events, additions) => {
    calls++;
    if (calls === failingCall) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      throw new Error('disk full');
    }
    return append(events, additions);
  };
}

describe('IngestPipeline', () => {
  it('stores a message sent concurrently twice exactly once, acknowledging both', async () => {
    const workspace = await Workspace.open(':memory:');
    const messages = batch('m', 500);
    const [a, b, c] = await Promise.all([
      workspace.pipeline.submit(messages, { source: 't' }),
      workspace.pipeline.submit(messages, { source: 't' }),
      workspace.pipeline.submit([...messages.slice(0, 10), ...messages.slice(0, 10)], { source: 't' }),
    ]);
    expect((a?.accepted ?? 0) + (b?.accepted ?? 0) + (c?.accepted ?? 0)).toBe(500);
    expect((a?.duplicates ?? 0) + (b?.duplicates ?? 0) + (c?.duplicates ?? 0)).toBe(500 + 20);
    expect(await workspace.store.count()).toBe(500);
    expect(workspace.index.rows().length).toBe(500);
    await workspace.close();
  });

  it('acknowledges nothing when the commit fails, and stores the batch once when it is sent again', async () => {
    const workspace = await Workspace.open(':memory:');
    const store = workspace.store;
    failAppend(workspace, 1);
    const messages = batch('f', 50);
    await expect(workspace.pipeline.submit(messages, { source: 't' })).rejects.toThrow('disk full');
    expect(await store.count()).toBe(0);
    expect(workspace.index.rows().length).toBe(0);
    expect(await workspace.pipeline.submit(messages, { source: 't' })).toMatchObject({ accepted: 50, duplicates: 0 });
    expect(await store.count()).toBe(50);
    expect(workspace.index.rows().length).toBe(50);
    await workspace.close();
  });
});

describe('IngestPipeline races (review regressions)', () => {
  it('stores a message once when it races a batch that needs a store look-up', async () => {
    const workspace = await Workspace.open(':memory:');
    const stored = batch('old', 2000);
    await workspace.pipeline.submit(stored, { source: 't' });
    for (let round = 0; round < 5; round++) {
      const m = batch(`race-${round}`, 1);
      // The second submit hits the prefilter (2000 stored ids) and must ask the store.
      await Promise.all([
        workspace.pipeline.submit(m, { source: 't' }),
        workspace.pipeline.submit([...stored, ...m], { source: 't' }),
      ]);
    }
    expect(await workspace.store.count()).toBe(2005);
    expect(workspace.index.rows().length).toBe(2005);
    await workspace.close();
  });

  it('answers every waiter with the error when a commit fails, without an unhandled rejection', async () => {
    const workspace = await Workspace.open(':memory:');
    const store = workspace.store;
    failAppend(workspace, 2, 20);
    const first = batch('a', 10);
    const second = batch('b', 10);
    await workspace.pipeline.submit(first, { source: 't' });
    const results = await Promise.allSettled([
      workspace.pipeline.submit(second, { source: 't' }),
      workspace.pipeline.submit([...first, ...second], { source: 't' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await workspace.pipeline.submit(second, { source: 't' })).toMatchObject({ accepted: 10 });
    expect(await store.count()).toBe(20);
    await workspace.close();
  });
});
