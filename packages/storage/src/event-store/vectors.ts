import type { DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';

type NumberArray = Int32Array | Float64Array | Uint8Array;

/**
 * Copies a numeric column of a result chunk into `out` at `offset`. DuckDB's vectors hold their
 * values in a typed array (a private field of @duckdb/node-api, version pinned by the lock
 * file); copying that whole is ~10× faster than a getItem() call per value, which is the
 * fallback should the field ever change. The column must have no NULLs (coalesce in SQL).
 */
export function copyNumberColumn(chunk: DuckDBDataChunk, column: number, out: NumberArray, offset: number): void {
  const vector = chunk.getColumnVector(column) as DuckDBVector & { items?: unknown };
  const n = chunk.rowCount;
  const items = vector.items;
  if (
    (items instanceof Int32Array || items instanceof Float64Array || items instanceof Uint8Array) &&
    items.constructor === out.constructor &&
    items.length >= n
  ) {
    out.set(items.subarray(0, n) as never, offset);
    return;
  }
  for (let i = 0; i < n; i++) out[offset + i] = vector.getItem(i) as number;
}
