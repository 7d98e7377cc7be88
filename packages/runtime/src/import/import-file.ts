import { basename } from 'node:path';
import type { Channel } from '@waymark/core';
import type { Rejection } from '../ingest/ingest-result.ts';
import type { IngestPipeline } from '../ingest/pipeline.ts';
import { BULK_BLOCK_BYTES, importJsonlBulk } from './jsonl-bulk-import.ts';
import { readJsonl } from './jsonl-reader.ts';
import { openLineBlocks } from './line-blocks.ts';
import { openInput } from './open-input.ts';
import type { RecordReader } from './source-record.ts';

export type ImportFormat = 'jsonl' | 'xes' | 'csv';

export interface ImportOptions {
  format?: ImportFormat;
  /** Required for CSV: the mapping file that says which column is what. */
  mappingPath?: string;
  defaultChannel?: Channel | null;
  /** Called about every batch with bytes of the file read so far and in all. */
  onProgress?: (progress: { bytesRead: number; totalBytes: number; records: number }) => void;
  /** Rejections kept in the summary (the count is always exact). */
  maxRejectionsListed?: number;
  /**
   * JSONL: let the store read, validate and store the common lines itself (default true when
   * the store can; the embedded DuckDB store can). False sends every line through the ingest
   * pipeline; the summary, the stored events and the index are the same either way.
   */
  jsonlBulk?: boolean;
  /** The receive time of each batch (messages without a timestamp get it); default Date.now. */
  now?: () => number;
  /** JSONL bulk import: bytes per block (tests use small blocks to cross block boundaries). */
  bulkBlockBytes?: number;
}

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  records: number;
  accepted: number;
  duplicates: number;
  rejectedCount: number;
  /** The first rejections, each with its 1-based line and the reasons. */
  rejected: Rejection[];
  seconds: number;
  /** JSONL bulk import: how many lines the store validated itself, and how many went to normalizeMessage. */
  bulk?: { storeLines: number; javascriptLines: number };
}

// Big commits: DuckDB writes row groups of this size straight to the database file (no WAL copy).
const BATCH = 122_880;

/** Infers the format from the file name (ignoring a trailing .gz). */
export function formatOf(path: string): ImportFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson') || name.endsWith('.json')) return 'jsonl';
  throw new Error(`cannot tell the format of ${path}: name it .jsonl, .xes or .csv (optionally .gz), or pass --format`);
}

/**
 * Streams a file through the ingest pipeline in batches: memory stays flat whatever the file
 * size, and each batch is durable before the next is read. JSONL goes the bulk way when the
 * store can load it itself (see jsonl-bulk-import.ts), with the same results.
 */
export async function importFile(
  pipeline: IngestPipeline,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const format = options.format ?? formatOf(path);
  if (format === 'csv' && options.mappingPath === undefined) {
    throw new Error('CSV import needs a mapping file (--mapping FILE)');
  }
  const source = `import:${basename(path)}`;
  const maxListed = options.maxRejectionsListed ?? 100;
  const summary: ImportSummary = {
    file: path,
    format,
    records: 0,
    accepted: 0,
    duplicates: 0,
    rejectedCount: 0,
    rejected: [],
    seconds: 0,
  };
  const reject = (rejection: Rejection): void => {
    summary.rejectedCount++;
    if (summary.rejected.length < maxListed) summary.rejected.push(rejection);
  };
  const now = options.now ?? Date.now;
  const defaultChannel = options.defaultChannel ?? null;

  const bulkLoader = format === 'jsonl' && options.jsonlBulk !== false ? pipeline.openJsonlBulkLoader() : null;
  if (bulkLoader !== null) {
    const loader = await bulkLoader;
    const input = await openLineBlocks(path, options.bulkBlockBytes ?? BULK_BLOCK_BYTES);
    try {
      await importJsonlBulk(pipeline, loader, input.blocks, {
        source,
        defaultChannel,
        now,
        reject,
        onBlock: (counts) => {
          summary.bulk ??= { storeLines: 0, javascriptLines: 0 };
          summary.bulk.storeLines += counts.storeLines;
          summary.bulk.javascriptLines += counts.javascriptLines;
          summary.records += counts.records;
          summary.accepted += counts.accepted;
          summary.duplicates += counts.duplicates;
          options.onProgress?.({
            bytesRead: input.bytesRead(),
            totalBytes: input.totalBytes,
            records: summary.records,
          });
        },
      });
    } finally {
      await input.blocks.return?.();
      await loader.close();
    }
    summary.seconds = (performance.now() - started) / 1000;
    return summary;
  }

  const input = await openInput(path);
  const progress = () =>
    options.onProgress?.({ bytesRead: input.bytesRead(), totalBytes: input.totalBytes, records: summary.records });
  // XES and CSV readers (and their parsers) load only when a file of theirs is imported.
  let reader: RecordReader;
  if (format === 'jsonl') reader = readJsonl(input.stream);
  else if (format === 'xes') reader = (await import('./xes-reader.ts')).readXes(input.stream, { source });
  else {
    const { loadCsvMapping } = await import('./csv-mapping.ts');
    const mapping = await loadCsvMapping(options.mappingPath as string);
    reader = (await import('./csv-reader.ts')).readCsv(input.stream, mapping);
  }
  let messages: unknown[] = [];
  let lines: number[] = [];
  // One batch commits while the next is read and validated: reading and storing overlap.
  let committing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    if (messages.length === 0) return;
    const submitted = pipeline
      .submit(messages, { source, positions: lines, defaultChannel, receivedAtMs: now() })
      .then((result) => {
        summary.accepted += result.accepted;
        summary.duplicates += result.duplicates;
        for (const rejection of result.rejected) reject(rejection);
        progress();
      });
    // Awaited below or at the end; this only keeps a failure from counting as unhandled meanwhile.
    submitted.catch(() => undefined);
    messages = [];
    lines = [];
    if (committing !== null) await committing;
    committing = submitted;
  };
  for await (const records of reader) {
    for (const record of records) {
      summary.records++;
      if ('errors' in record) reject({ position: record.line, errors: record.errors });
      else {
        messages.push(record.message);
        lines.push(record.line);
        if (messages.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  await committing;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
