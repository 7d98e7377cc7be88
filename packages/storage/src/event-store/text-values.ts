import type { DuckDBConnection } from '@duckdb/node-api';

/** A BLOB as @duckdb/node-api gives it. */
export type BlobValue = Uint8Array | { bytes: Uint8Array };

export function bytesOf(value: BlobValue): Uint8Array {
  return value instanceof Uint8Array ? value : value.bytes;
}

/**
 * Text read as bytes (select `encode(text)`): @duckdb/node-api decodes VARCHAR with a
 * TextDecoder, which drops a leading U+FEFF — and an id, a name or a line may begin with one.
 */
export function textOf(value: BlobValue): string {
  const bytes = bytesOf(value);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** The columns of a query's rows; those listed in `texts` must be selected as `encode(…)` and come back as text. */
export async function readColumnsWithTexts(
  connection: DuckDBConnection,
  sql: string,
  texts: readonly number[],
  params?: Record<string, unknown>,
): Promise<unknown[][]> {
  const result = await connection.runAndReadAll(sql, params as never);
  const columns = result.getColumns() as unknown[][];
  for (const c of texts) columns[c] = (columns[c] ?? []).map((v) => (v === null ? null : textOf(v as BlobValue)));
  return columns;
}
