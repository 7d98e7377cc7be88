import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJourney } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { journeySchemaText } from '../../scripts/journey-schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('journey files', () => {
  it('the published JSON Schema is the one core validates with (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(ROOT, 'docs/schema/journey.schema.json'), 'utf8')).toBe(journeySchemaText());
  });

  it('every example journey is valid', () => {
    const folder = join(ROOT, 'examples/journeys');
    const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const result = parseJourney(readFileSync(join(folder, file), 'utf8'));
      expect(result.ok ? [] : result.errors, file).toEqual([]);
    }
  });
});
