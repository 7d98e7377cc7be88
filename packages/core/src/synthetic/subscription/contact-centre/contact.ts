import type { ContactMedium } from '../personas.ts';

export type ContactOutcome = 'resolved' | 'unresolved' | 'abandoned' | 'self_served';

export const WAITING = 1;
export const WITH_AGENT = 2;
export const ENDED = 3;

/**
 * One conversation from the moment the customer gets in touch until it ends, through the
 * IVR or bot, queues, agents and transfers. Durations are whole seconds.
 */
export class Contact {
  ivrSeconds = 0;
  botSeconds = 0;
  queueSeconds = 0;
  talkSeconds = 0;
  holdSeconds = 0;
  wrapSeconds = 0;
  transfers = 0;
  /** Queues in the order the contact reached them. */
  readonly queues: number[] = [];
  /** The IVR sent it to the wrong queue (the agent transfers it). */
  misrouted = false;
  /** Took a callback: an agent calls back instead of the customer holding on. */
  callback = false;
  /** Waiting for that callback now (off the line: no abandoning). */
  offLine = false;
  callbackWaitSeconds = 0;
  /** Last agent, as queue and slot (-1 when no agent). */
  agentQueue = -1;
  agentSlot = -1;
  /** Where the current leg goes next: a queue to transfer to, or -1. */
  transferTo = -1;
  state = 0;
  enteredQueueMs = 0;
  /** Bumped on every queue entry, so a stale abandonment check is ignored. */
  waitEpoch = 0;
  outcome: ContactOutcome = 'unresolved';
  /** When the contact ended (the customer is free again). */
  endMs: number;

  constructor(
    /** Sequence number in the world (the contactId is made from it). */
    readonly id: number,
    readonly customer: number,
    readonly reason: number,
    readonly medium: ContactMedium,
    /** When the customer got in touch (dialled, opened the chat, sent the e-mail). */
    readonly startMs: number,
    /** This is the customer's n-th contact about the same issue (1 = first). */
    readonly attempt: number,
    /** Seconds they will wait in a queue before giving up; Infinity for e-mail. */
    public patienceSeconds: number,
    /** Whether they would take a callback if the wait is long. */
    readonly acceptsCallback: boolean,
  ) {
    this.endMs = startMs;
  }
}

/** What the agent leg will be, decided when an agent picks the contact up. */
export interface AgentLeg {
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  /** Queue the agent transfers the contact to, or -1. */
  transferTo: number;
}
