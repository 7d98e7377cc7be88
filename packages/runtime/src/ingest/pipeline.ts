import { EventEmitter } from 'node:events';
import { type Channel, HashSet53, hash53, type JourneyIndex, normalizeMessage } from '@waymark/core';
import type { DictionaryAdditions, EventStore, JsonlBulkLoading, StoredEvent } from '@waymark/storage';
import type { IngestResult, Rejection } from './ingest-result.ts';
import { Serial } from './serial.ts';

export interface SubmitOptions {
  /** Where the batch came from (`http`, `import:<file>`), stored with each event. */
  source: string;
  receivedAtMs?: number;
  defaultChannel?: Channel | null;
  /** Positions reported in rejections: batch index (0-based) by default, or these (e.g. file lines). */
  positions?: readonly number[];
}

interface PendingCommit {
  events: StoredEvent[];
  /** Hashes of the message ids in this commit: a prefilter for "is this message in flight?". */
  hashes: HashSet53;
  /** The ids themselves, built on the first hash hit (rare: only resends hit). */
  ids: Set<string> | null;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * What a bulk load (which stores rows itself, e.g. the JSONL bulk import) uses of the pipeline
 * while it holds it, and must keep in step: the dedupe prefilter, arrival numbers, the index.
 */
export interface BulkWindow {
  /** Hashes of every stored message id (a hit is a "maybe": confirm against the store). */
  readonly seen: HashSet53;
  readonly index: JourneyIndex;
  /** Arrival numbers for `count` new events, in order; returns the first. */
  takeSeqs(count: number): number;
  /** Dictionary entries the index holds and the store does not (after a failed commit): store them first. */
  unstoredDictionary(): DictionaryAdditions | null;
  /** Everything in the index's dictionaries is now in the store. */
  dictionaryStored(): void;
}

/** What the dedupe decision left a submit to wait for. */
interface Decision {
  accepted: number;
  duplicates: number;
  waits: Promise<void>[];
}

/**
 * Validates, deduplicates and durably stores messages, then adds them to the journey index.
 *
 * - Deduplication decides for one submit at a time (including any store look-up), so two
 *   requests carrying the same message can never both store it.
 * - Group commit: batches accepted while a commit runs go into the next commit together, so
 *   many small requests cost one flush. Commits run one at a time, in order.
 * - A submit resolves only after its events are committed; a message already in flight in
 *   another request is acknowledged when that commit lands (and fails if it fails).
 */
export class IngestPipeline extends EventEmitter<{ committed: [readonly StoredEvent[]] }> {
  private nextSeq: number;
  private queue: PendingCommit | null = null;
  private readonly decisions = new Serial();
  private readonly commits = new Serial();
  /** The dedupe prefilter: hashes of every stored message id (null until loaded). */
  private seen: HashSet53 | null = null;
  private readonly seenLoading: Promise<HashSet53>;
  /** Commits queued or running: the messages in flight. */
  private readonly inFlight: PendingCommit[] = [];
  /** Dictionary codes below these are in the store; the next commit persists the rest. */
  private persistedIdentities: number;
  private persistedActivities: number;

  constructor(
    private readonly store: EventStore,
    private readonly index: JourneyIndex,
    seen: Promise<HashSet53>,
    lastSeq: number,
  ) {
    super();
    this.seenLoading = seen;
    // A failure to load surfaces in submit (which awaits seenLoading), not as an unhandled rejection.
    seen.then(
      (set) => {
        this.seen = set;
      },
      () => undefined,
    );
    this.nextSeq = lastSeq + 1;
    this.persistedIdentities = index.identities.size;
    this.persistedActivities = index.activities.size;
  }

  async submit(messages: readonly unknown[], options: SubmitOptions): Promise<IngestResult> {
    const receivedAtMs = options.receivedAtMs ?? Date.now();
    const rejected: Rejection[] = [];
    const candidates: StoredEvent[] = [];
    // Repeats within the batch: hashes first; the ids themselves only after a hash repeats
    // (rare: a resend in the same batch, or a collision), as commitHolding does.
    const batchHashes = new HashSet53(messages.length);
    let batchIds: Set<string> | null = null;
    let batchDuplicates = 0;
    for (let i = 0; i < messages.length; i++) {
      const result = normalizeMessage(messages[i], { receivedAtMs, defaultChannel: options.defaultChannel ?? null });
      if (!result.ok) {
        rejected.push({ position: options.positions?.[i] ?? i, errors: result.errors });
        continue;
      }
      const event = result.event as StoredEvent;
      const messageHash = hash53(event.messageId);
      if (!batchHashes.add(messageHash)) batchIds ??= new Set(candidates.map((candidate) => candidate.messageId));
      if (batchIds !== null) {
        if (batchIds.has(event.messageId)) {
          batchDuplicates++;
          continue;
        }
        batchIds.add(event.messageId);
      }
      event.messageHash = messageHash;
      event.source = options.source;
      event.seq = 0;
      event.userCode = event.anonymousCode = event.previousCode = event.activityCode = -1;
      candidates.push(event);
    }
    const decision = await this.decisions.run(() => this.decide(candidates));
    await Promise.all(decision.waits);
    return { accepted: decision.accepted, duplicates: batchDuplicates + decision.duplicates, rejected };
  }

  /**
   * Sorts candidates into duplicates and new messages, and queues the new ones — as one step
   * that no other submit interleaves with.
   */
  private async decide(candidates: StoredEvent[]): Promise<Decision> {
    const seen = this.seen ?? (await this.seenLoading);
    const waits: Promise<void>[] = [];
    const fresh: StoredEvent[] = [];
    const maybeStored: StoredEvent[] = [];
    let duplicates = 0;
    for (const event of candidates) {
      const inFlight = this.commitHolding(event);
      if (inFlight !== undefined) {
        duplicates++;
        waits.push(inFlight);
      } else if (seen.has(event.messageHash)) maybeStored.push(event);
      else fresh.push(event);
    }
    if (maybeStored.length > 0) {
      const stored = await this.store.existingMessageIds(maybeStored);
      for (const event of maybeStored) {
        if (stored.has(event.messageId)) duplicates++;
        else fresh.push(event);
      }
    }
    if (fresh.length > 0) waits.push(this.enqueue(fresh));
    return { accepted: fresh.length, duplicates, waits };
  }

  /**
   * Runs one step of a bulk load with no submit deciding and no commit running meanwhile, so
   * that what it stores is deduplicated against everything before it and everything after it
   * is deduplicated against it. Hold it for one block, not a whole file: HTTP ingest waits.
   */
  bulk<T>(work: (window: BulkWindow) => Promise<T>): Promise<T> {
    return this.decisions.run(() =>
      this.commits.run(async () => {
        const seen = this.seen ?? (await this.seenLoading);
        return work({
          seen,
          index: this.index,
          takeSeqs: (count) => {
            const first = this.nextSeq;
            this.nextSeq += count;
            return first;
          },
          unstoredDictionary: () => {
            const identities = this.index.identities.size;
            const activities = this.index.activities.size;
            if (identities === this.persistedIdentities && activities === this.persistedActivities) return null;
            return this.unpersistedNames();
          },
          dictionaryStored: () => {
            this.persistedIdentities = this.index.identities.size;
            this.persistedActivities = this.index.activities.size;
          },
        });
      }),
    );
  }

  /** The dictionary entries the index has and the store does not yet. */
  private unpersistedNames(): DictionaryAdditions {
    return {
      identities: {
        fromCode: this.persistedIdentities,
        names: this.index.identities.namesFrom(this.persistedIdentities),
      },
      activities: {
        fromCode: this.persistedActivities,
        names: this.index.activities.values.slice(this.persistedActivities),
      },
    };
  }

  /**
   * A bulk JSONL loader, when the store can load JSONL itself — and the workspace does not link
   * identities by traits: the bulk rows reach the index without their traits, so identify calls'
   * e-mails and phones would link nothing until the next start. Imports then go the pipeline's way.
   */
  openJsonlBulkLoader(): Promise<JsonlBulkLoading> | null {
    if (this.index.linkBy.size > 0) return null;
    return this.store.openJsonlBulkLoader?.() ?? null;
  }

  /** Memory held by the dedupe prefilter. */
  async dedupeBytes(): Promise<number> {
    return (await this.seenLoading).byteLength;
  }

  /**
   * Runs `work` between commits, with no commit running or starting meanwhile (e.g. erasure,
   * which must not interleave with events of the customer being stored).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.commits.run(work);
  }

  /** Resolves once every commit queued before it has finished, and background loading is done (for orderly shutdown). */
  async drain(): Promise<void> {
    await this.seenLoading.catch(() => undefined);
    await this.commits.run(async () => undefined);
  }

  private enqueue(events: StoredEvent[]): Promise<void> {
    if (this.queue === null) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Every waiter awaits `done`; this only keeps a failed commit from counting as unhandled
      // in the moment before they do.
      done.catch(() => undefined);
      this.queue = { events: [], hashes: new HashSet53(events.length), ids: null, done, resolve, reject };
      this.inFlight.push(this.queue);
      void this.commits.run(() => this.commitQueued());
    }
    const pending = this.queue;
    for (const event of events) {
      event.seq = this.nextSeq++;
      pending.events.push(event);
      pending.hashes.add(event.messageHash);
      pending.ids?.add(event.messageId);
    }
    return pending.done;
  }

  /** Commits the queued batch (one run of the commit queue per batch). */
  private async commitQueued(): Promise<void> {
    const batch = this.queue;
    if (batch === null) return;
    this.queue = null;
    // Codes are given here, in commit order, so dictionaries only grow in one place.
    for (const event of batch.events) this.index.encode(event, event);
    const identities = this.index.identities.size;
    const activities = this.index.activities.size;
    try {
      await this.store.append(batch.events, this.unpersistedNames());
    } catch (error) {
      this.forgetInFlight(batch);
      batch.reject(error);
      return;
    }
    this.persistedIdentities = identities;
    this.persistedActivities = activities;
    for (const event of batch.events) {
      this.seen?.add(event.messageHash);
      this.index.addEncoded(event, event);
    }
    this.forgetInFlight(batch);
    batch.resolve();
    this.emit('committed', batch.events);
  }

  private forgetInFlight(batch: PendingCommit): void {
    const position = this.inFlight.indexOf(batch);
    if (position >= 0) this.inFlight.splice(position, 1);
  }

  /** The commit in flight that holds this exact message id, if any. */
  private commitHolding(event: StoredEvent): Promise<void> | undefined {
    for (const commit of this.inFlight) {
      if (!commit.hashes.has(event.messageHash)) continue;
      commit.ids ??= new Set(commit.events.map((e) => e.messageId));
      if (commit.ids.has(event.messageId)) return commit.done;
    }
    return undefined;
  }
}
