import { generateSimpleJourneys, REPORT_NAMES, runReport } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.ts';

function messages(customers: number, seed: number): unknown[] {
  const out: unknown[] = [];
  generateSimpleJourneys({ customers, seed }, (line) => out.push(JSON.parse(line)));
  return out;
}

function reports(workspace: Workspace): unknown[] {
  return REPORT_NAMES.map((name) => runReport(workspace.index, name));
}

describe('workspace rebuilt from the store', () => {
  it('gives the same reports after a restart, with stitching and erasure, and keeps accepting events', async () => {
    const dir = tempDir('reopen');
    const first = messages(1500, 11);
    const later = messages(300, 12);
    const alias = [{ type: 'alias', userId: 'c11-3', previousId: 'c11-4', timestamp: '2026-05-01T00:00:00Z' }];

    // Reference: everything in one process, in memory.
    const reference = await Workspace.open(':memory:');
    await reference.pipeline.submit(first, { source: 't' });
    await reference.pipeline.submit(alias, { source: 't' });
    await reference.eraseCustomer('c11-7');
    await reference.pipeline.submit(later, { source: 't' });

    const workspace = await Workspace.open(dir.path);
    await workspace.pipeline.submit(first, { source: 't' });
    await workspace.pipeline.submit(alias, { source: 't' });
    expect(await workspace.eraseCustomer('c11-7')).toMatchObject({ identities: ['a11-7', 'c11-7'] });
    const before = reports(workspace);
    await workspace.close();

    const reopened = await Workspace.open(dir.path);
    expect(reports(reopened)).toEqual(before);
    expect(reopened.index.findCustomer('c11-7')).toBeUndefined();
    expect(reopened.index.findCustomer('c11-4')).toBe(reopened.index.findCustomer('c11-3'));
    const again = await reopened.pipeline.submit(first.slice(0, 50), { source: 't' });
    expect(again).toMatchObject({ accepted: 0, duplicates: 50 });
    await reopened.pipeline.submit(later, { source: 't' });
    expect(reports(reopened)).toEqual(reports(reference));
    await reopened.close();

    const third = await Workspace.open(dir.path);
    expect(reports(third)).toEqual(reports(reference));
    await third.close();
    await reference.close();
    dir.remove();
  });
});
