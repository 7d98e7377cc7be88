import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startWaymarkProcess, stopServerProcess } from './server-process.ts';
import { tempDir } from './temp-dir.ts';

const BIN = new URL('../../bin/waymark.mjs', import.meta.url).pathname;
const run = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args]);

describe('waymark CLI', () => {
  const dir = tempDir('cli');
  afterAll(() => dir.remove());

  it('report --link-by links identities sharing an e-mail; waymark.yaml sets it for a data folder', async () => {
    const lines = [
      '{"type":"identify","messageId":"k1","userId":"u1","traits":{"email":"Ann@Example.com"},"timestamp":"2026-01-01T10:00:00Z"}',
      '{"type":"track","messageId":"k2","userId":"u1","event":"A","timestamp":"2026-01-01T10:01:00Z"}',
      '{"type":"identify","messageId":"k3","userId":"u2","traits":{"email":"ann@example.com"},"timestamp":"2026-01-01T10:02:00Z"}',
      '{"type":"track","messageId":"k4","userId":"u2","event":"B","timestamp":"2026-01-01T10:03:00Z"}',
    ];
    const file = join(dir.path, 'shared-email.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const customers = async (...args: string[]) =>
      JSON.parse((await run('report', 'overview', ...args, '--json')).stdout).customers;
    expect(await customers('--input', file)).toBe(2);
    expect(await customers('--input', file, '--link-by', 'email')).toBe(1);
    await expect(run('report', 'overview', '--input', file, '--link-by', 'fax')).rejects.toThrow(/--link-by: expected/);
    const data = join(dir.path, 'linked');
    await run('import', file, '--data', data);
    expect(await customers('--data', data)).toBe(2);
    writeFileSync(join(data, 'waymark.yaml'), 'identity:\n  linkBy: [email]\n');
    expect(await customers('--data', data)).toBe(1);
    expect(await customers('--data', data, '--link-by', 'none')).toBe(2);
  });

  it('report --breakdown groups paths and retention, in JSON and as text', async () => {
    const lines = [
      '{"type":"track","messageId":"b1","userId":"u1","event":"A","timestamp":"2026-01-01T10:00:00Z","context":{"channel":"web"}}',
      '{"type":"track","messageId":"b2","userId":"u1","event":"B","timestamp":"2026-01-02T10:00:00Z"}',
      '{"type":"track","messageId":"b3","userId":"u2","event":"A","timestamp":"2026-01-01T11:00:00Z","context":{"channel":"app"}}',
    ];
    const file = join(dir.path, 'breakdown.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const json = async (name: string) =>
      JSON.parse((await run('report', name, '--input', file, '--breakdown', 'firstTouch', '--json')).stdout);
    expect((await json('paths')).groups.map((g: { name: string }) => g.name)).toEqual(['app', 'web']);
    expect(
      (await json('retention')).groups.map((g: { name: string; customers: number }) => [g.name, g.customers]),
    ).toEqual([
      ['app', 1],
      ['web', 1],
    ]);
    const text = (await run('report', 'retention', '--input', file, '--breakdown', 'firstTouch', '-p', 'period=day'))
      .stdout;
    expect(text).toMatch(/web: 1 customers\n/);
  });

  it('imports a gzipped JSONL file: keeps good lines, names bad lines, counts duplicates on re-import', async () => {
    const lines = [
      '{"type":"track","messageId":"m1","userId":"u1","event":"A","timestamp":"2026-01-01T10:00:00Z"}',
      '{"type":"track","messageId":"m2","userId":"u1","event":"B","timestamp":"2026-01-01T10:05:00Z"}',
      '{"type":"track","messageId":"m3","userId":"u1"',
      '',
      '{"type":"track","messageId":"m4","event":"C","timestamp":"2026-01-01T10:06:00Z"}',
      '{"type":"track","messageId":"m5","userId":"u2","event":"A","timestamp":"01/02/2026"}',
      '{"type":"track","messageId":"m1","userId":"u1","event":"A","timestamp":"2026-01-01T10:00:00Z"}',
    ];
    const file = join(dir.path, 'events.jsonl.gz');
    writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
    const data = join(dir.path, 'data');
    const first = JSON.parse((await run('import', file, '--data', data, '--json')).stdout);
    expect(first).toMatchObject({ format: 'jsonl', records: 6, accepted: 2, duplicates: 1, rejectedCount: 3 });
    expect(
      first.rejected.map((r: { position: number; errors: { field: string }[] }) => [r.position, r.errors[0]?.field]),
    ).toEqual([
      [3, '(line)'],
      [5, 'userId'],
      [6, 'timestamp'],
    ]);
    const text = (await run('import', file, '--data', data)).stdout;
    expect(text).toMatch(/accepted\s+0/);
    expect(text).toMatch(/duplicates 3/);
    expect(text).toMatch(/line 6: timestamp: expected ISO 8601/);
    const variants = JSON.parse((await run('report', 'variants', '--data', data, '--json')).stdout);
    expect(variants).toEqual({ cases: 1, variantCount: 1, variants: [{ activities: ['A', 'B'], count: 1 }] });
  });

  it('generates the same events for the same seed, and other events for another', async () => {
    const a = join(dir.path, 'a.jsonl.gz');
    const b = join(dir.path, 'b.jsonl');
    const c = join(dir.path, 'c.jsonl');
    await run('generate', '--customers', '300', '--seed', '5', '--out', a);
    await run('generate', '--customers', '300', '--seed', '5', '--out', b);
    await run('generate', '--customers', '300', '--seed', '6', '--out', c);
    const plain = readFileSync(b, 'utf8');
    expect(gunzipSync(readFileSync(a)).toString('utf8')).toBe(plain);
    expect(readFileSync(c, 'utf8')).not.toBe(plain);
    const first = JSON.parse(plain.split('\n')[0] as string);
    expect(first).toMatchObject({ type: 'track', messageId: 'g5-0-0', anonymousId: 'a5-0' });
  });

  it("serve --journey loads a journey file besides the data folder's, for the API and the web app", async () => {
    const journey = new URL('../../examples/journeys/running-example.yaml', import.meta.url).pathname;
    const data = join(dir.path, 'serve-journey');
    await run(
      'import',
      new URL('../../../shared/data/public/running-example.xes', import.meta.url).pathname,
      '--data',
      data,
    );
    const server = await startWaymarkProcess([
      'serve',
      '--data',
      data,
      '--port',
      '0',
      '--admin-token',
      't',
      '--journey',
      journey,
    ]);
    try {
      const get = async (path: string) =>
        (await fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer t' } })).json();
      const { journeys } = (await get('/api/journeys')) as { journeys: Array<{ id: string }> };
      expect(journeys.map((j) => j.id)).toEqual(['running-example']);
      // Cases 2, 3 and 6 of the six are compensated (see journey-reports-sql.test.ts).
      const funnel = (await get('/api/reports/funnel?journey=running-example&funnel=Compensated')) as {
        total: { steps: Array<{ customers: number }> };
      };
      expect(funnel.total.steps.map((step) => step.customers)).toEqual([6, 6, 3]);
    } finally {
      await stopServerProcess(server.child);
    }
  });

  it('explains bad arguments', async () => {
    await expect(run('report', 'nope', '--data', dir.path)).rejects.toMatchObject({
      stderr: expect.stringContaining('no report named nope'),
    });
    await expect(run('import', join(dir.path, 'x.txt'), '--data', dir.path)).rejects.toMatchObject({
      stderr: expect.stringContaining('cannot tell the format'),
    });
  });
});
