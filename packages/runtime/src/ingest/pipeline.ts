import { EventEmitter } from 'node:events';
import { type Channel, HashSet53, hash53, type JourneyIndex, normalizeMessage } from '@waymark/core';
import type { EventStore, StoredEvent } from '@waymark/storage';
import type { IngestResult, Rejection } from './ingest-result.ts';

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
  /** Hashes of the message ids in this commit. */
  hashes: HashSet53;
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Validates, deduplicates and durably stores messages, then adds them to the journey index.
 * Batches that arrive while a commit is running are grouped into the next commit (group
 * commit), so many small requests cost one flush. A submit resolves only after its events
 * are committed; a message already in flight is acknowledged when that commit lands.
 */
export class IngestPipeline extends EventEmitter<{ committed: [readonly StoredEvent[]] }> {
  private nextSeq: number;
  private queue: PendingCommit | null = null;
  private committing = false;
  /** The dedupe prefilter: hashes of every stored message id (null until loaded). */
  private seen: HashSet53 | null = null;
  private readonly seenLoading: Promise<HashSet53>;
  /** The commit running and the one queued behind it: messages in flight. */
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
    void seen.then((set) => {
      this.seen = set;
    });
    this.nextSeq = lastSeq + 1;
    this.persistedIdentities = index.identities.size;
    this.persistedActivities = index.activities.size;
  }

  async submit(messages: readonly unknown[], options: SubmitOptions): Promise<IngestResult> {
    const receivedAtMs = options.receivedAtMs ?? Date.now();
    const seen = this.seen ?? (await this.seenLoading);
    const rejected: Rejection[] = [];
    let pending: StoredEvent[] = [];
    const maybeStored: StoredEvent[] = [];
    const batchIds = new Map<number, string>();
    let duplicates = 0;
    for (let i = 0; i < messages.length; i++) {
      const result = normalizeMessage(messages[i], { receivedAtMs, defaultChannel: options.defaultChannel ?? null });
      if (!result.ok) {
        rejected.push({ position: options.positions?.[i] ?? i, errors: result.errors });
        continue;
      }
      const event = result.event as StoredEvent;
      event.messageHash = hash53(event.messageId);
      const sameHash = batchIds.get(event.messageHash);
      if (sameHash === event.messageId) {
        duplicates++;
        continue;
      }
      // A different id with the same hash (vanishingly rare) is checked the slow, exact way.
      if (sameHash !== undefined) maybeStored.push(event);
      else batchIds.set(event.messageHash, event.messageId);
      event.source = options.source;
      event.seq = 0;
      event.userCode = event.anonymousCode = event.previousCode = event.activityCode = -1;
      if (sameHash === undefined) (seen.has(event.messageHash) ? maybeStored : pending).push(event);
    }
    if (maybeStored.length > 0) {
      const stored = await this.store.existingMessageIds(maybeStored);
      const exact = new Set<string>();
      for (const event of maybeStored) {
        if (stored.has(event.messageId) || exact.has(event.messageId)) duplicates++;
        else {
          exact.add(event.messageId);
          pending.push(event);
        }
      }
    }
    // Messages whose hash is in a commit still running wait for it, then are checked again.
    const commits: Promise<void>[] = [];
    let accepted = 0;
    while (pending.length > 0) {
      const fresh: StoredEvent[] = [];
      const recheck: StoredEvent[] = [];
      const running: Promise<void>[] = [];
      for (const event of pending) {
        const commit = this.commitHolding(event.messageHash);
        if (commit === undefined) fresh.push(event);
        else {
          recheck.push(event);
          running.push(commit);
        }
      }
      if (fresh.length > 0) {
        accepted += fresh.length;
        commits.push(this.enqueue(fresh));
      }
      if (recheck.length === 0) break;
      await Promise.allSettled(running);
      const stored = await this.store.existingMessageIds(recheck);
      duplicates += recheck.filter((event) => stored.has(event.messageId)).length;
      pending = recheck.filter((event) => !stored.has(event.messageId));
    }
    await Promise.all(commits);
    return { accepted, duplicates, rejected };
  }

  /** Memory held by the dedupe prefilter. */
  async dedupeBytes(): Promise<number> {
    return (await this.seenLoading).byteLength;
  }

  /** Resolves once nothing is queued or committing (for orderly shutdown). */
  async drain(): Promise<void> {
    while (this.queue !== null || this.committing) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private enqueue(events: StoredEvent[]): Promise<void> {
    if (this.queue === null) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.queue = { events: [], hashes: new HashSet53(events.length), done, resolve, reject };
      this.inFlight.push(this.queue);
    }
    const pending = this.queue;
    for (const event of events) {
      event.seq = this.nextSeq++;
      pending.events.push(event);
      pending.hashes.add(event.messageHash);
    }
    if (!this.committing) setImmediate(() => void this.commitLoop());
    return pending.done;
  }

  private async commitLoop(): Promise<void> {
    if (this.committing) return;
    this.committing = true;
    try {
      while (this.queue !== null) {
        const batch = this.queue;
        this.queue = null;
        // Codes are given here, in commit order, so dictionaries only grow in one place.
        for (const event of batch.events) this.index.encode(event, event);
        const identities = this.index.identities.size;
        const activities = this.index.activities.size;
        try {
          await this.store.append(batch.events, {
            identities: {
              fromCode: this.persistedIdentities,
              names: this.index.identities.namesFrom(this.persistedIdentities),
            },
            activities: {
              fromCode: this.persistedActivities,
              names: this.index.activities.values.slice(this.persistedActivities),
            },
          });
        } catch (error) {
          this.forgetInFlight(batch);
          batch.reject(error);
          continue;
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
    } finally {
      this.committing = false;
    }
  }

  private forgetInFlight(batch: PendingCommit): void {
    const position = this.inFlight.indexOf(batch);
    if (position >= 0) this.inFlight.splice(position, 1);
  }

  /** The commit in flight that may hold this message hash (a hash hit; the caller re-checks). */
  private commitHolding(hash: number): Promise<void> | undefined {
    for (const commit of this.inFlight) if (commit.hashes.has(hash)) return commit.done;
    return undefined;
  }
}
