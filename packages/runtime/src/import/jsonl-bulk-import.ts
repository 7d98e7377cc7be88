import { type Channel, normalizeMessage } from '@waymark/core';
import type { BlockCommit, BlockEvent, JsonlBulkLoading, StagedBlock } from '@waymark/storage';
import type { Rejection } from '../ingest/ingest-result.ts';
import type { BulkWindow, IngestPipeline } from '../ingest/pipeline.ts';
import { BlockCandidates } from './block-candidates.ts';
import { readJsonlLine } from './jsonl-reader.ts';

/** Bytes of the file per block: parsed, deduplicated and committed together. */
export const BULK_BLOCK_BYTES = 32 << 20;

export interface BulkImportOptions {
  source: string;
  defaultChannel: Channel | null;
  /** The receive time of a block (messages without a timestamp get it). */
  now: () => number;
  /** Called after each block is stored. */
  onBlock: (counts: BlockCounts) => void;
  reject: (rejection: Rejection) => void;
}

export interface BlockCounts {
  records: number;
  accepted: number;
  duplicates: number;
  /** Lines validated in the store, and lines (blank ones included) left to normalizeMessage. */
  storeLines: number;
  javascriptLines: number;
}

/**
 * JSONL import the fast way: DuckDB splits, parses and normalizes each block of lines and
 * stores the accepted ones itself (the store's JSONL bulk loader); only the lines it is not
 * certain about go through normalizeMessage here, so they are judged — and their errors named —
 * exactly as on the ingest pipeline. Dedupe, arrival numbers and the journey index stay the
 * pipeline's: each block is decided and stored inside {@link IngestPipeline.bulk}, and the
 * index is brought up to date from the stored rows' codes. One block is parsed while the
 * previous one is stored.
 */
export async function importJsonlBulk(
  pipeline: IngestPipeline,
  loader: JsonlBulkLoading,
  blocks: AsyncIterator<Buffer>,
  options: BulkImportOptions,
): Promise<void> {
  // The file is read one block ahead of the block being staged.
  let bytesAhead = blocks.next();
  const stageNext = async (): Promise<{ staged: StagedBlock; receivedAtMs: number } | null> => {
    const next = await bytesAhead;
    if (next.done === true) return null;
    bytesAhead = blocks.next();
    bytesAhead.catch(() => undefined);
    const receivedAtMs = options.now();
    return { staged: await loader.stage(next.value), receivedAtMs };
  };
  let firstLine = 1;
  let next = stageNext();
  try {
    for (let block = await next; block !== null; block = await next) {
      next = stageNext();
      // Awaited at the top of the loop (or dropped with the error that ends it).
      next.catch(() => undefined);
      const { staged, receivedAtMs } = block;
      const counts: BlockCounts = {
        records: staged.sqlLines.line.length,
        accepted: 0,
        duplicates: 0,
        storeLines: staged.sqlLines.line.length,
        javascriptLines: staged.jsLines.line.length,
      };
      const candidates = candidatesOf(staged, firstLine, receivedAtMs, options, counts);
      await pipeline.bulk((window) => storeBlock(window, loader, staged, candidates, receivedAtMs, options, counts));
      await loader.release(staged);
      firstLine += staged.lineCount;
      options.onBlock(counts);
    }
  } finally {
    const pending = await next.catch(() => null);
    if (pending !== null) await loader.release(pending.staged);
  }
}

/**
 * Judges the lines DuckDB left to JavaScript, exactly as the JSONL reader and the pipeline do,
 * and merges the good ones with DuckDB's into line order, dropping repeats within the block.
 */
function candidatesOf(
  staged: StagedBlock,
  firstLine: number,
  receivedAtMs: number,
  options: BulkImportOptions,
  counts: BlockCounts,
): BlockCandidates {
  const events = new Map<number, BlockEvent>();
  const { line: jsLine, text } = staged.jsLines;
  for (let i = 0; i < jsLine.length; i++) {
    const line = jsLine[i] as number;
    const position = firstLine + line - 1;
    const record = readJsonlLine(text[i] as string, position);
    if (record === null) continue;
    counts.records++;
    if ('errors' in record) {
      options.reject({ position, errors: record.errors });
      continue;
    }
    const result = normalizeMessage(record.message, { receivedAtMs, defaultChannel: options.defaultChannel });
    if (result.ok) events.set(line, { line, event: result.event });
    else options.reject({ position, errors: result.errors });
  }
  const candidates = BlockCandidates.of(staged, events);
  counts.duplicates += candidates.duplicates;
  return candidates;
}

/** Decides which candidates are new (against the store), stores them, and brings the pipeline up to date. */
async function storeBlock(
  window: BulkWindow,
  loader: JsonlBulkLoading,
  staged: StagedBlock,
  candidates: BlockCandidates,
  receivedAtMs: number,
  options: BulkImportOptions,
  counts: BlockCounts,
): Promise<void> {
  const { seen, index } = window;
  const maybe: number[] = [];
  for (let i = 0; i < candidates.length; i++) if (seen.has(candidates.messageHash[i] as number)) maybe.push(i);
  const stored = new Set<number>();
  if (maybe.length > 0) {
    const ids = await loader.storedMessageIds(Float64Array.from(maybe, (i) => candidates.messageHash[i] as number));
    for (const i of maybe) if (ids.has(candidates.messageId(i))) stored.add(i);
  }
  const length = candidates.length - stored.size;
  const line = new Int32Array(length);
  const seq = new Float64Array(length);
  const messageHash = new Float64Array(length);
  const events: BlockEvent[] = [];
  const firstSeq = window.takeSeqs(length);
  for (let i = 0, n = 0; i < candidates.length; i++) {
    if (stored.has(i)) continue;
    line[n] = candidates.line[i] as number;
    seq[n] = firstSeq + n;
    messageHash[n] = candidates.messageHash[i] as number;
    const event = candidates.events.get(line[n] as number);
    if (event !== undefined) events.push(event);
    n++;
  }
  counts.duplicates += stored.size;
  counts.accepted = length;
  if (length === 0) return;

  const unstored = window.unstoredDictionary();
  if (unstored !== null) {
    await loader.storeDictionary(unstored);
    window.dictionaryStored();
  }
  const identities = index.identities.size;
  const activities = index.activities.size;
  const commit: BlockCommit = {
    accepted: { length, line, seq, messageHash },
    events,
    source: options.source,
    receivedAtMs,
    defaultChannel: options.defaultChannel,
    firstNewIdentityCode: identities,
    firstNewActivityCode: activities,
  };
  // The names are stored before the rows (see JsonlBulkLoading.commitNames), and known to the
  // index as soon as they are: should storing the rows fail, store and index still agree.
  const names = await loader.commitNames(staged, commit);
  // The store gave new names the codes the index gives next; anything else is a bug to stop at.
  names.identities.forEach((name, i) => {
    if (index.identities.codeOf(name) !== identities + i) throw new Error(`identity code mismatch for ${name}`);
  });
  names.activities.forEach((name, i) => {
    if (index.activities.codeOf(name) !== activities + i) throw new Error(`activity code mismatch for ${name}`);
  });
  window.dictionaryStored();
  index.addEncodedColumns(await loader.commitRows(staged, commit));
  seen.reserve(seen.size + length);
  for (let i = 0; i < length; i++) seen.add(messageHash[i] as number);
}
