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
 * An event attribute of every journey row, dictionary-encoded in SQL so only integers and the
 * distinct values cross into JavaScript.
 */
export async function readEventAttribute(
  connection: DuckDBConnection,
  path: AttributePath,
): Promise<LoadedEventAttribute> {
  const column = path.scope === 'properties' ? 'properties' : 'context';
  const rows = `SELECT seq, json_extract_string(${column}, $path) AS value FROM events
    WHERE activity_code IS NOT NULL AND json_type(${column}, $path) IN ${SCALAR_TYPES}`;
  const { values, seq, code } = await readCoded(connection, rows, path, []);
  return { values, seq, code };
}

/** A trait's identify history in arrival order: who (identity code), when (seq), what. */
export async function readTrait(connection: DuckDBConnection, path: AttributePath): Promise<LoadedTrait> {
  const rows = `SELECT seq, coalesce(user_code, anonymous_code) AS identity, json_extract_string(traits, $path) AS value
    FROM events WHERE type = 'identify' AND json_type(traits, $path) IN ${SCALAR_TYPES}`;
  const { values, seq, code, extra } = await readCoded(connection, rows, path, ['identity']);
  return { values, seq, code, identity: extra[0] as Int32Array };
}

async function readCoded(
  connection: DuckDBConnection,
  rows: string,
  path: AttributePath,
  extraIntegerColumns: readonly string[],
): Promise<{ values: string[]; seq: Float64Array; code: Int32Array; extra: Int32Array[] }> {
  const params = { path: jsonPath(path.keys) };
  await connection.run(`CREATE OR REPLACE TEMP TABLE attribute_rows AS ${rows}`, params);
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
