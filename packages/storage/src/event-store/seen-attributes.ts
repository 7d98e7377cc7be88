import type { DuckDBConnection } from '@duckdb/node-api';
import type { AttributeValueType, SeenAttribute } from '@waymark/core';

/** Where each scope's JSON is read from: properties and context of any event, traits of identify calls. */
const SCOPES = [
  { scope: 'properties', where: 'properties IS NOT NULL' },
  { scope: 'context', where: 'context IS NOT NULL' },
  { scope: 'traits', where: "type = 'identify' AND traits IS NOT NULL" },
] as const;

/**
 * Every scalar attribute path in the stored events, with its value type, sorted by path. DuckDB
 * merges the JSON structure of every row in one pass (`json_group_structure`); the structure is
 * walked here. Keys containing a dot cannot be named by a path and are left out, and so are
 * arrays and values that were only ever null.
 */
export async function readSeenAttributes(connection: DuckDBConnection): Promise<SeenAttribute[]> {
  const seen: SeenAttribute[] = [];
  for (const { scope, where } of SCOPES) {
    const result = await connection.runAndReadAll(
      `SELECT json_group_structure(${scope}::JSON)::VARCHAR FROM events WHERE ${where}`,
    );
    const text = result.getRows()[0]?.[0];
    if (typeof text === 'string') walk(JSON.parse(text), scope, seen);
  }
  return seen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(structure: unknown, path: string, seen: SeenAttribute[]): void {
  if (typeof structure === 'string') {
    const type = valueType(structure);
    if (type !== null) seen.push({ path, type });
    return;
  }
  if (structure === null || typeof structure !== 'object' || Array.isArray(structure)) return;
  for (const [key, inner] of Object.entries(structure)) {
    if (key === '' || key.includes('.')) continue;
    walk(inner, `${path}.${key}`, seen);
  }
}

/** DuckDB's JSON type names as an attribute's value type; null for NULL (never a value). */
function valueType(duckType: string): AttributeValueType | null {
  if (duckType === 'VARCHAR') return 'string';
  if (duckType === 'BOOLEAN') return 'boolean';
  if (duckType === 'NULL') return null;
  if (/^(U?BIGINT|DOUBLE|HUGEINT|UHUGEINT)$/.test(duckType)) return 'number';
  return 'mixed';
}
