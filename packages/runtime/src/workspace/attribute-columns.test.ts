import { attributeValue, parseAttributePath } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace.ts';

/** Properties and context as customers send them: nesting, odd keys, every JSON type. */
const PROPERTIES: Array<Record<string, unknown> | undefined> = [
  { plan: 'pro', "it's": 'quoted key', card: { type: 'visa' }, score: 7 },
  { plan: 'basic', card: { type: 'amex', last4: '0005' }, score: 7.5, flag: true },
  { plan: ['not', 'a', 'value'], card: 'flat', score: -3, flag: false },
  { plan: { nested: 'object' }, "it's": 12, score: null },
  undefined,
  {},
];
const PATHS = ['properties.plan', "properties.it's", 'properties.card.type', 'properties.score', 'properties.flag'];

describe('attribute columns loaded from the store', () => {
  it('hold, for every journey row, the value the live path computes from the message, all paths in one read', async () => {
    const workspace = await Workspace.open(':memory:');
    const messages = PROPERTIES.map((properties, i) => ({
      type: 'track',
      messageId: `m${i}`,
      userId: `u${i % 3}`,
      event: `E${i % 2}`,
      timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      ...(properties === undefined ? {} : { properties }),
      context: { campaign: i % 2 === 0 ? `c${i}` : undefined, channel: 'web' },
    }));
    const result = await workspace.pipeline.submit(messages, { source: 'test' });
    expect(result.rejected).toEqual([]);
    await workspace.track([...PATHS, 'context.campaign']);

    const rows = workspace.index.rows();
    // Messages arrive in batch order: the first has the smallest arrival number.
    const firstSeq = Math.min(...rows.seq);
    for (const path of [...PATHS, 'context.campaign']) {
      const column = workspace.index.eventAttribute(path);
      if (column === undefined) throw new Error(`${path} not tracked`);
      const { scope, keys } = parseAttributePath(path);
      const shown = Array.from({ length: rows.length }, (_, row) => {
        const code = column.codes[row] as number;
        return code < 0 ? null : column.values[code];
      });
      const expected = Array.from({ length: rows.length }, (_, row) => {
        const message = messages[(rows.seq[row] as number) - firstSeq] as (typeof messages)[number];
        const source = scope === 'properties' ? message.properties : message.context;
        return attributeValue((source ?? null) as never, keys);
      });
      expect({ path, values: shown }).toEqual({ path, values: expected });
    }
    expect(workspace.index.eventAttribute("properties.it's")?.values).toEqual(['12', 'quoted key']);
    await workspace.close();
  });
});
