import type { DuckDBConnection } from '@duckdb/node-api';
import type { EncodedColumns } from '@waymark/core';
import { copyNumberColumn } from '../vectors.ts';
import { replaySql } from './commit-sql.ts';

/** The rows stored from `firstSeq` on (`expected` of them), as the journey index takes them, in arrival order. */
export async function readStoredRows(
  connection: DuckDBConnection,
  firstSeq: number,
  expected: number,
): Promise<EncodedColumns> {
  const rows: EncodedColumns = {
    length: 0,
    seq: new Float64Array(expected),
    timestampMs: new Float64Array(expected),
    channel: new Uint8Array(expected),
    userCode: new Int32Array(expected),
    anonymousCode: new Int32Array(expected),
    previousCode: new Int32Array(expected),
    activityCode: new Int32Array(expected),
    alias: new Uint8Array(expected),
  };
  if (expected === 0) return rows;
  const columns = [
    rows.seq,
    rows.timestampMs,
    rows.channel,
    rows.userCode,
    rows.anonymousCode,
    rows.previousCode,
    rows.activityCode,
    rows.alias,
  ];
  for await (const chunk of await connection.stream(replaySql(firstSeq))) {
    if (rows.length + chunk.rowCount > expected) throw new Error('the store holds more rows than were committed');
    columns.forEach((column, c) => {
      copyNumberColumn(chunk, c, column, rows.length);
    });
    rows.length += chunk.rowCount;
  }
  if (rows.length !== expected) throw new Error(`committed ${expected} rows but read back ${rows.length}`);
  return rows;
}
