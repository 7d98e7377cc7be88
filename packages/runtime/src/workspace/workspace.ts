import { HashSet53, JourneyIndex } from '@waymark/core';
import { DuckDbEventStore } from '@waymark/storage';
import { IngestPipeline } from '../ingest/pipeline.ts';
import { loadIndexFromStore } from './load-index.ts';

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
  ) {}

  /** Opens a data folder (`:memory:` for a throwaway workspace) and builds the index from it. */
  static async open(dataDir: string): Promise<Workspace> {
    const store = await DuckDbEventStore.open(dataDir);
    const index = new JourneyIndex();
    await loadIndexFromStore(store, index);
    // Reports can run now; ingest waits until the dedupe prefilter is loaded.
    const seen = store.messageHashes().then((hashes) => {
      const set = new HashSet53(Math.max(1024, hashes.length));
      for (const hash of hashes) set.add(hash);
      index.identities.lookup(''); // builds the name → code map off the report path
      return set;
    });
    const pipeline = new IngestPipeline(store, index, seen, await store.maxSeq());
    return new Workspace(dataDir, store, index, pipeline);
  }

  /**
   * Right to erasure: every event and trait of the customer an id belongs to, from the store
   * and the index. Runs between commits, so no event of the customer is half-stored meanwhile.
   */
  async eraseCustomer(id: string): Promise<{ identities: string[]; events: number } | null> {
    return this.pipeline.exclusive(async () => {
      const customer = this.index.findCustomer(id);
      if (customer === undefined) return null;
      const identities = this.index.identities.membersOf(customer);
      const events = await this.store.eraseIdentities(this.index.identities.codesOf(customer));
      this.index.erase(customer);
      return { identities, events };
    });
  }

  async close(): Promise<void> {
    await this.pipeline.drain();
    await this.store.close();
  }
}
