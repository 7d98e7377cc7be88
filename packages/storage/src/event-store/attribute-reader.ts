import type { DuckDBConnection } from '@duckdb/node-api';
import type { AttributePath, LoadedEventAttribute, LoadedTrait } from '@waymark/core';
import { readColumns } from './vectors.ts';

// Scalars only: objects and arrays are not attribute values (as core's attributeValue says).
const SCALAR_TYPES = `('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')`;

/** DuckDB's JSON path for the keys below a scope: `$."card"."type"`. */
export function jsonPath(keys: readonly string[]): string {
  return `$${keys.map((key) => `.${JSON.stringify(key)}`).join('')}`;
}

/**
 * Event attributes of every journey row, dictionary-encoded in SQL so only integers and the
 * distinct values cross into JavaScript. Each scope's JSON (properties, context) is parsed
 * once for all its paths: DuckDB extracts a list of values per row, then each path is coded
 * from its place in the list.
 */
export async function readEventAttributes(
  connection: DuckDBConnection,
  paths: readonly AttributePath[],
): Promise<LoadedEventAttribute[]> {
  const loaded = new Map<AttributePath, LoadedEventAttribute>();
  for (const scope of ['properties', 'context'] as const) {
    const inScope = paths.filter((path) => (path.scope === 'properties' ? 'properties' : 'context') === scope);
    if (inScope.length === 0) continue;
    const list = `[${inScope.map((path) => sqlText(jsonPath(path.keys))).join(', ')}]`;
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE attribute_lists AS
       SELECT seq, json_extract_string(${scope}, ${list}) AS v, json_type(${scope}, ${list}) AS t
       FROM events WHERE activity_code IS NOT NULL AND ${scope} IS NOT NULL`,
    );
    try {
      for (const [i, path] of inScope.entries()) {
        const rows = `SELECT seq, v[${i + 1}] AS value FROM attribute_lists WHERE t[${i + 1}] IN ${SCALAR_TYPES}`;
        const { values, seq, code } = await readCoded(connection, rows, []);
        loaded.set(path, { values, seq, code });
      }
    } finally {
      await connection.run('DROP TABLE IF EXISTS attribute_lists');
    }
  }
  return paths.map((path) => loaded.get(path) as LoadedEventAttribute);
}

/** A SQL string literal. */
function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A trait's identify history in arrival order: who (identity code), when (seq), what. */
export async function readTrait(connection: DuckDBConnection, path: AttributePath): Promise<LoadedTrait> {
  const at = sqlText(jsonPath(path.keys));
  const rows = `SELECT seq, coalesce(user_code, anonymous_code) AS identity, json_extract_string(traits, ${at}) AS value
    FROM events WHERE type = 'identify' AND json_type(traits, ${at}) IN ${SCALAR_TYPES}`;
  const { values, seq, code, extra } = await readCoded(connection, rows, ['identity']);
  return { values, seq, code, identity: extra[0] as Int32Array };
}

async function readCoded(
  connection: DuckDBConnection,
  rows: string,
  extraIntegerColumns: readonly string[],
): Promise<{ values: string[]; seq: Float64Array; code: Int32Array; extra: Int32Array[] }> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE attribute_rows AS ${rows}`);
  try {
    const valueRows = (
      await connection.runAndReadAll('SELECT DISTINCT value FROM attribute_rows ORDER BY value')
    ).getColumns()[0] as string[] | undefined;
    const values = valueRows ?? [];
    const extras = extraIntegerColumns.map((name) => `, r.${name}`).join('');
    const [seq, code, ...extra] = await readColumns(
      connection,
      `SELECT r.seq, d.code${extras} FROM attribute_rows r
       JOIN (SELECT value, (row_number() OVER (ORDER BY value) - 1)::INTEGER AS code
             FROM (SELECT DISTINCT value FROM attribute_rows)) d USING (value)
       ORDER BY r.seq`,
      [Float64Array, Int32Array, ...extraIntegerColumns.map(() => Int32Array)] as never,
    );
    return { values, seq: seq as Float64Array, code: code as Int32Array, extra: extra as Int32Array[] };
  } finally {
    await connection.run('DROP TABLE IF EXISTS attribute_rows');
  }
}
