import { EventEmitter } from 'node:events';
import { type Channel, type HashSet53, hash53, type JourneyIndex, normalizeMessage } from '@waymark/core';
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
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Dictionary codes below these are in the store; the next commit persists the rest. */
  private persistedIdentities: number;
  private persistedActivities: number;

  constructor(
    private readonly store: EventStore,
    private readonly index: JourneyIndex,
    private readonly seen: HashSet53,
    lastSeq: number,
  ) {
    super();
    this.nextSeq = lastSeq + 1;
    this.persistedIdentities = index.identities.size;
    this.persistedActivities = index.activities.size;
  }

  async submit(messages: readonly unknown[], options: SubmitOptions): Promise<IngestResult> {
    const receivedAtMs = options.receivedAtMs ?? Date.now();
    const rejected: Rejection[] = [];
    const candidates: StoredEvent[] = [];
    const maybeSeen: StoredEvent[] = [];
    const batchIds = new Set<string>();
    let duplicates = 0;
    for (let i = 0; i < messages.length; i++) {
      const result = normalizeMessage(messages[i], { receivedAtMs, defaultChannel: options.defaultChannel ?? null });
      if (!result.ok) {
        rejected.push({ position: options.positions?.[i] ?? i, errors: result.errors });
        continue;
      }
      const event = result.event as StoredEvent;
      if (batchIds.has(event.messageId)) {
        duplicates++;
        continue;
      }
      batchIds.add(event.messageId);
      event.messageHash = hash53(event.messageId);
      event.source = options.source;
      event.seq = 0;
      event.userCode = event.anonymousCode = event.previousCode = event.activityCode = -1;
      if (this.seen.has(event.messageHash)) maybeSeen.push(event);
      else candidates.push(event);
    }
    if (maybeSeen.length > 0) {
      const stored = await this.store.existingMessageIds(maybeSeen);
      for (const event of maybeSeen) {
        if (stored.has(event.messageId)) duplicates++;
        else candidates.push(event);
      }
    }
    const waits: Promise<void>[] = [];
    const fresh: StoredEvent[] = [];
    for (const event of candidates) {
      const inFlight = this.inFlight.get(event.messageId);
      if (inFlight === undefined) fresh.push(event);
      else {
        duplicates++;
        waits.push(inFlight);
      }
    }
    if (fresh.length > 0) waits.push(this.enqueue(fresh));
    await Promise.all(waits);
    return { accepted: fresh.length, duplicates, rejected };
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
      this.queue = { events: [], done, resolve, reject };
    }
    const pending = this.queue;
    for (const event of events) {
      event.seq = this.nextSeq++;
      pending.events.push(event);
      this.inFlight.set(event.messageId, pending.done);
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
          for (const event of batch.events) this.inFlight.delete(event.messageId);
          batch.reject(error);
          continue;
        }
        this.persistedIdentities = identities;
        this.persistedActivities = activities;
        for (const event of batch.events) {
          this.seen.add(event.messageHash);
          this.inFlight.delete(event.messageId);
          this.index.addEncoded(event, event);
        }
        batch.resolve();
        this.emit('committed', batch.events);
      }
    } finally {
      this.committing = false;
    }
  }
}
