import {
  type ActivityCount,
  activityCounts,
  HashSet53,
  type JourneyDefinition,
  JourneyIndex,
  type LinkTrait,
  type LoadedEventAttribute,
  parseAttributePath,
  type ReportEnvironment,
  type ReportName,
  type ReportParams,
  type ReportTypes,
  reportNeeds,
  reportPlan,
  runReport,
  type SeenAttribute,
  type TimelineReport,
} from '@waymark/core';
import { DuckDbEventStore } from '@waymark/storage';
import { IngestPipeline } from '../ingest/pipeline.ts';
import { ParallelKernels } from '../parallel/parallel-kernels.ts';
import { journeyFilesIn, journeysFolder, loadJourneyFiles } from './journeys.ts';
import { loadIndexFromStore } from './load-index.ts';
import { loadWorkspaceSettings, type WorkspaceSettings } from './settings.ts';
import { timelineFromStore } from './timeline-from-store.ts';

export interface OpenOptions {
  /**
   * Run the heavy kernels on both cores (a worker thread, started in the background). Worth it
   * for a server; a one-shot CLI report would spend more starting the worker than it saves.
   */
  parallelKernels?: boolean;
  /** Journey files to load besides `<data>/journeys/*.yaml`. */
  journeyFiles?: readonly string[];
  /**
   * Identify traits whose shared value links identities (`email`, `phone`); overrides
   * `identity.linkBy` of `<data>/waymark.yaml`. Off (none) by default.
   */
  linkBy?: readonly LinkTrait[];
}

/**
 * A Waymark workspace on the embedded default: the event store in a data folder, the
 * journey index in memory, and the ingest pipeline that keeps both current.
 */
export class Workspace {
  private constructor(
    readonly dataDir: string,
    readonly store: DuckDbEventStore,
    readonly index: JourneyIndex,
    readonly pipeline: IngestPipeline,
    private readonly kernelsStarting: Promise<ParallelKernels | null>,
    /** The journey definitions, by id. */
    readonly journeys: Map<string, JourneyDefinition>,
    /** The settings it runs with (`<data>/waymark.yaml`, then the open options). */
    readonly settings: WorkspaceSettings,
  ) {
    void kernelsStarting.then((kernels) => {
      this.kernels = kernels;
    });
  }

  /** The parallel kernels once started; until then (or without them) reports run on this thread. */
  private kernels: ParallelKernels | null = null;

  /**
   * Runs a report (the entry point the server and CLI share). The same result as core's
   * `runReport`; the DFG and the reports built on split kernels run on both cores when the
   * parallel kernels are up, and the timeline gets the details only the store holds.
   */
  async report<K extends ReportName>(name: K, params: ReportParams = {}): Promise<ReportTypes[K]> {
    if (name === 'dfg' && this.kernels !== null) {
      return (await this.kernels.directlyFollows(this.index.rows(), this.index.activities.values)) as ReportTypes[K];
    }
    const environment = this.environment();
    await this.track(reportNeeds(name, params, environment));
    const plan = this.kernels === null ? undefined : reportPlan(this.index, name, params, environment);
    const report =
      plan !== undefined && this.kernels !== null
        ? await this.kernels.runPlan(plan)
        : runReport(this.index, name, params, environment);
    if (name !== 'timeline') return report;
    return (await timelineFromStore(this.store, this.index, report as TimelineReport)) as ReportTypes[K];
  }

  /** Every activity in the index with its events and customers, most events first (for pickers). */
  activities(): ActivityCount[] {
    return activityCounts(this.index.rows(), this.index.activities.values);
  }

  /** The attribute paths stored events and identify calls have, kept until the store changes. */
  async attributes(): Promise<SeenAttribute[]> {
    // Events in the store and the latest arrival: any ingest or erasure changes one of them.
    const key = `${await this.store.count()}/${await this.store.maxSeq()}`;
    if (this.seenAttributes?.key !== key) this.seenAttributes = { key, attributes: await this.store.seenAttributes() };
    return this.seenAttributes.attributes;
  }

  private seenAttributes: { key: string; attributes: SeenAttribute[] } | null = null;

  environment(): ReportEnvironment {
    return { journeys: this.journeys };
  }

  /**
   * Makes the index keep these attributes (event attributes and traits), loading each from
   * the store the first time; between commits, so no event is missed or counted twice.
   */
  async track(paths: readonly string[]): Promise<void> {
    const index = this.index;
    const tracked = index.attributes;
    const missing = (path: string): boolean =>
      path.startsWith('traits.') ? !tracked.traits.has(path) : !tracked.events.has(path);
    if (!tracked.stale && !paths.some(missing)) return;
    await this.pipeline.exclusive(async () => {
      const stale = tracked.stale;
      const reload = stale ? [...tracked.events.keys(), ...tracked.traits.keys()] : [];
      const wanted = [...new Set([...paths.filter(missing), ...reload])];
      const events = wanted.filter((path) => !path.startsWith('traits.'));
      const loaded = await this.store.eventAttributes(events.map(parseAttributePath));
      for (const [i, path] of events.entries()) index.trackEventAttribute(path, loaded[i] as LoadedEventAttribute);
      for (const path of wanted.filter((p) => p.startsWith('traits.'))) {
        index.trackTrait(path, await this.store.traitHistory(parseAttributePath(path)));
      }
      if (stale) tracked.stale = false;
    });
  }

  /** Opens a data folder (`:memory:` for a throwaway workspace) and builds the index from it. */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<Workspace> {
    const fromFile = await loadWorkspaceSettings(dataDir);
    const settings: WorkspaceSettings = {
      identity: { linkBy: options.linkBy === undefined ? fromFile.identity.linkBy : [...new Set(options.linkBy)] },
    };
    const journeys = await loadJourneyFiles([
      ...(dataDir === ':memory:' ? [] : await journeyFilesIn(journeysFolder(dataDir))),
      ...(options.journeyFiles ?? []),
    ]);
    const store = await DuckDbEventStore.open(dataDir);
    const index = new JourneyIndex({ linkBy: settings.identity.linkBy });
    await loadIndexFromStore(store, index);
    // Reports can run now; ingest waits until the dedupe prefilter is loaded.
    const seen = store.messageHashes().then((hashes) => {
      const set = new HashSet53(Math.max(1024, hashes.length));
      for (const hash of hashes) set.add(hash);
      index.identities.lookup(''); // builds the name → code map off the report path
      return set;
    });
    const pipeline = new IngestPipeline(store, index, seen, await store.maxSeq());
    // Until the worker is up (or if it cannot start), reports run on this thread.
    const kernels =
      options.parallelKernels === true ? ParallelKernels.start().catch(() => null) : Promise.resolve(null);
    return new Workspace(dataDir, store, index, pipeline, kernels, journeys, settings);
  }

  /**
   * Right to erasure: every event and trait of the customer an id belongs to, from the store
   * and the index. Runs between commits, so no event of the customer is half-stored meanwhile.
   */
  async eraseCustomer(id: string): Promise<{ identities: string[]; events: number } | null> {
    return this.pipeline.exclusive(async () => {
      const customer = this.index.findCustomer(id);
      if (customer === undefined) return null;
      const events = await this.store.eraseIdentities(this.index.identities.codesOf(customer));
      const identities = this.index.erase(customer);
      return { identities, events };
    });
  }

  async close(): Promise<void> {
    await (await this.kernelsStarting)?.close();
    await this.pipeline.drain();
    await this.store.close();
  }
}
