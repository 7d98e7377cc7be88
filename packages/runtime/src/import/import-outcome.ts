import { Workspace } from '../workspace/workspace.ts';
import { type ImportOptions, type ImportSummary, importFile } from './import-file.ts';

/** Everything an import leaves behind that a user can see: for comparing two ways of importing (tests). */
export interface ImportOutcome {
  summaries: Array<Omit<ImportSummary, 'seconds' | 'bulk'>>;
  /** Lines the bulk import validated in the store and in JavaScript, over all files. */
  bulk: { storeLines: number; javascriptLines: number };
  rows: Record<string, unknown>[];
  reports: unknown;
  /** The same reports from the index rebuilt from the store. */
  reportsAfterReopen: unknown;
}

const RECEIVED_AT = Date.UTC(2026, 5, 1);

/**
 * Every stored event by name, texts as bytes (reading VARCHAR drops a leading U+FEFF), and the
 * JSON columns as stored (events_view's JSON cast refuses the escaped lone surrogates that
 * JSON.stringify writes).
 */
const STORED_ROWS = `
  SELECT v.seq, encode(v.message_id) AS message_id, e.message_hash, v.type, encode(v.user_id) AS user_id,
         encode(v.anonymous_id) AS anonymous_id, encode(v.previous_id) AS previous_id, encode(v.activity) AS activity,
         v.channel, e.timestamp_ms, e.received_ms, encode(e.properties) AS properties, encode(e.traits) AS traits,
         encode(e.context) AS context, v.source
  FROM events_view v JOIN events e USING (seq) ORDER BY seq`;

/**
 * Opens a workspace in `dataDir`, submits `before` through the pipeline, has the index track the
 * attributes in `track`, imports each file, submits `after`, and reads back the summaries, the
 * stored events and the reports (the tracked attributes' values among them) — live, and again
 * after reopening the folder (the index rebuilt from the store).
 */
export async function importOutcome(
  dataDir: string,
  files: readonly string[],
  options: ImportOptions & { before?: readonly unknown[]; after?: readonly unknown[]; track?: readonly string[] },
): Promise<ImportOutcome> {
  const workspace = await Workspace.open(dataDir);
  const summaries: ImportOutcome['summaries'] = [];
  const bulk = { storeLines: 0, javascriptLines: 0 };
  try {
    const submit = (messages: readonly unknown[] | undefined) =>
      messages === undefined
        ? undefined
        : workspace.pipeline.submit(messages, { source: 'test', receivedAtMs: RECEIVED_AT });
    const before = await submit(options.before);
    const track = options.track ?? [];
    await workspace.track(track);
    for (const file of files) {
      const {
        seconds: _seconds,
        bulk: lines,
        ...summary
      } = await importFile(workspace.pipeline, file, {
        now: () => RECEIVED_AT,
        maxRejectionsListed: Number.POSITIVE_INFINITY,
        ...options,
      });
      summary.rejected.sort((a, b) => a.position - b.position);
      bulk.storeLines += lines?.storeLines ?? 0;
      bulk.javascriptLines += lines?.javascriptLines ?? 0;
      summaries.push(summary);
    }
    // Submitted after the import: its dedupe prefilter, arrival numbers and dictionaries must be current.
    const after = await submit(options.after);
    const reports = { before, after, ...(await reportsOf(workspace, track)) };
    const rows = await workspace.store.query(STORED_ROWS);
    await workspace.close();
    const reopened = await Workspace.open(dataDir);
    const reportsAfterReopen = await reportsOf(reopened, track);
    await reopened.close();
    return { summaries, bulk, rows, reports, reportsAfterReopen };
  } catch (error) {
    await workspace.close().catch(() => undefined);
    throw error;
  }
}

async function reportsOf(workspace: Workspace, track: readonly string[]) {
  await workspace.track(track);
  const index = workspace.index;
  // By value, not by code: a reloaded attribute may number its values in another order.
  const valuesOf = (path: string) => {
    const trait = index.customerTrait(path);
    if (trait !== undefined) return Array.from(trait.byRun, (code) => trait.values[code] ?? null);
    const attribute = index.eventAttribute(path);
    return attribute === undefined ? undefined : Array.from(attribute.codes, (code) => attribute.values[code] ?? null);
  };
  return {
    attributes: Object.fromEntries(track.map((path) => [path, valuesOf(path)])),
    dfg: await workspace.report('dfg'),
    variants: await workspace.report('variants'),
    overview: await workspace.report('overview'),
    // The dictionaries by code: the same codes, not only the same names.
    identities: workspace.index.identities.namesFrom(0),
    activities: [...workspace.index.activities.values],
  };
}
