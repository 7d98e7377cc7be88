import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBVector,
} from '@duckdb/node-api';

export type NumberArray = Int32Array | Float64Array | Uint8Array;

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

type Writable = DuckDBVector & { items?: unknown; setItem(index: number, value: number): void; flush(): void };

/**
 * Appends number columns (no NULLs) as data chunks: each vector's typed array is filled whole
 * and copied into DuckDB in one call, instead of one conversion per value. The chunk's types
 * must match the arrays (INTEGER ↔ Int32Array, DOUBLE ↔ Float64Array, UTINYINT ↔ Uint8Array).
 */
export function appendNumberColumns(
  appender: DuckDBAppender,
  types: readonly DuckDBType[],
  columns: readonly NumberArray[],
  length: number,
): void {
  const size = 2048;
  for (let start = 0; start < length; start += size) {
    const end = Math.min(length, start + size);
    const chunk = DuckDBDataChunk.create([...types], end - start);
    columns.forEach((column, c) => {
      const vector = chunk.getColumnVector(c) as Writable;
      const part = column.subarray(start, end);
      if (vector.items instanceof column.constructor && (vector.items as NumberArray).length >= part.length) {
        (vector.items as NumberArray).set(part as never);
      } else {
        for (let i = 0; i < part.length; i++) vector.setItem(i, part[i] as number);
      }
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
}

/**
 * The columns of a query as typed arrays, one per kind given (INTEGER → Int32Array,
 * DOUBLE → Float64Array; no NULLs: coalesce in SQL), copied from DuckDB's vectors whole.
 */
export async function readColumns<T extends Int32Array | Float64Array>(
  connection: DuckDBConnection,
  sql: string,
  kinds: ReadonlyArray<{ new (length: number): T }>,
  params?: Record<string, DuckDBValue>,
): Promise<T[]> {
  const result = await connection.stream(sql, params);
  let columns = kinds.map((Kind) => new Kind(1 << 16));
  let n = 0;
  for await (const chunk of result) {
    if (n + chunk.rowCount > (columns[0] as T).length) {
      const size = Math.max((columns[0] as T).length * 2, n + chunk.rowCount);
      columns = columns.map((old, c) => {
        const grown = new (kinds[c] as { new (length: number): T })(size);
        grown.set(old as never);
        return grown;
      });
    }
    for (let c = 0; c < columns.length; c++) copyNumberColumn(chunk, c, columns[c] as T, n);
    n += chunk.rowCount;
  }
  return columns.map((column) => column.subarray(0, n) as T);
}
