/**
 * Writes the published JSON Schema of journey files (docs/schema/journey.schema.json) from
 * the one TypeBox declaration in core: `npm run schema`. A test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { JourneyDefinitionSchema } from '@waymark/core';

export function journeySchemaText(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...JourneyDefinitionSchema }, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('journey-schema.ts')) {
  writeFileSync(new URL('../docs/schema/journey.schema.json', import.meta.url), journeySchemaText());
}
