import type { Scheduler } from '../scheduler.ts';
import { HOUR_MS, hourOfWeek, SECOND_MS } from '../world-calendar.ts';
import { type AgentLeg, type Contact, ENDED, WAITING, WITH_AGENT } from './contact.ts';
import { ABANDON_CHECK, AGENT_FREE, LEG_END, QUEUE_ARRIVAL, STAFFING_TICK } from './event-kinds.ts';
import { PHONE_QUEUES, QUEUES } from './queues.ts';
import { FORECAST, type StaffingPlan } from './staffing.ts';

/** A long wait (estimated at arrival) above which phone queues offer a callback. */
const CALLBACK_OFFER_SECONDS = 300;
/** Patience left for the wait after a transfer: customers who were already helped once wait less. */
const TRANSFER_PATIENCE_FACTOR = 0.7;
/** Ids of agent-free entries: queue × this + agent slot. */
const SLOTS_PER_QUEUE = 100_000;
/** Abandonment checks carry the wait's epoch in the low bits of their id. */
const EPOCHS = 16;

export interface ContactCentreHooks {
  /** Decides an agent leg when an agent picks the contact up: durations, and a transfer if any. */
  planLeg(contact: Contact, queue: number): AgentLeg;
  /** The contact has ended: served to the end, or abandoned in a queue. */
  finished(contact: Contact, endMs: number): void;
}

interface QueueState {
  readonly index: number;
  onDuty: number;
  readonly busy: Uint8Array;
  readonly idleSinceMs: Float64Array;
  /** First come, first served; contacts that abandoned stay as ended tombstones until reached. */
  waiting: Contact[];
  head: number;
  waitingCount: number;
  /** Seconds an agent is busy with a contact, mean, for the wait estimate that triggers callback offers. */
  readonly busySeconds: number;
}

/**
 * The contact centre as a discrete-event simulation: queues with agents on duty by the hour,
 * first come first served, longest-idle agent first. Waits are not drawn: they come out of
 * how many contacts arrive and how many agents are there to take them. Customers abandon
 * when their patience runs out; callers facing a long wait may take a callback (they keep
 * their place off the line); agents may transfer a contact to another queue, where it waits again.
 */
export class ContactCentre {
  private readonly queues: QueueState[];
  private readonly live = new Map<number, Contact>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly staffing: StaffingPlan,
    private readonly hooks: ContactCentreHooks,
  ) {
    this.queues = QUEUES.map((_, index) => {
      const most = Math.max(1, ...(staffing.agents[index] as Int32Array));
      return {
        index,
        onDuty: 0,
        busy: new Uint8Array(most),
        idleSinceMs: new Float64Array(most),
        waiting: [],
        head: 0,
        waitingCount: 0,
        busySeconds: (FORECAST[index] as (typeof FORECAST)[number]).busySeconds,
      };
    });
  }

  /** Starts the hourly staffing changes at `startMs` (an hour boundary). */
  open(startMs: number): void {
    this.scheduler.schedule(startMs, STAFFING_TICK, 0);
  }

  /** The contact reaches `queue` at `timeMs` (after the IVR or the bot). */
  arriveAt(contact: Contact, queue: number, timeMs: number): void {
    contact.transferTo = queue;
    this.live.set(contact.id, contact);
    this.scheduler.schedule(timeMs, QUEUE_ARRIVAL, contact.id);
  }

  /** Contacts in queues or with agents. */
  get inProgress(): number {
    return this.live.size;
  }

  /** Handles one agenda entry of a contact-centre kind. */
  handle(kind: number, id: number, nowMs: number): void {
    switch (kind) {
      case QUEUE_ARRIVAL: {
        const contact = this.live.get(id) as Contact;
        this.enter(contact, contact.transferTo, nowMs);
        break;
      }
      case ABANDON_CHECK:
        this.abandonIfWaiting(Math.floor(id / EPOCHS), id % EPOCHS, nowMs);
        break;
      case LEG_END:
        this.endLeg(this.live.get(id) as Contact, nowMs);
        break;
      case AGENT_FREE:
        this.agentFree(this.queues[Math.floor(id / SLOTS_PER_QUEUE)] as QueueState, id % SLOTS_PER_QUEUE, nowMs);
        break;
      case STAFFING_TICK:
        this.restaff(nowMs);
        this.scheduler.schedule(nowMs + HOUR_MS, STAFFING_TICK, 0);
        break;
    }
  }

  private enter(contact: Contact, queueIndex: number, nowMs: number): void {
    const queue = this.queues[queueIndex] as QueueState;
    contact.queues.push(queueIndex);
    contact.transferTo = -1;
    contact.state = WAITING;
    contact.enteredQueueMs = nowMs;
    contact.waitEpoch++;
    if (queue.waitingCount === 0) {
      const agent = this.longestIdleAgent(queue);
      if (agent >= 0) {
        this.serve(queue, agent, contact, nowMs);
        return;
      }
    }
    if (
      !contact.callback &&
      contact.acceptsCallback &&
      PHONE_QUEUES.includes(queueIndex) &&
      this.estimatedWaitSeconds(queue) > CALLBACK_OFFER_SECONDS
    ) {
      contact.callback = true;
      contact.offLine = true;
    }
    queue.waiting.push(contact);
    queue.waitingCount++;
    if (!contact.offLine && Number.isFinite(contact.patienceSeconds)) {
      const giveUpMs = nowMs + Math.round(contact.patienceSeconds) * SECOND_MS;
      this.scheduler.schedule(giveUpMs, ABANDON_CHECK, contact.id * EPOCHS + (contact.waitEpoch % EPOCHS));
    }
  }

  private estimatedWaitSeconds(queue: QueueState): number {
    if (queue.onDuty === 0) return Number.POSITIVE_INFINITY;
    return ((queue.waitingCount + 1) * queue.busySeconds) / queue.onDuty;
  }

  private serve(queue: QueueState, agent: number, contact: Contact, nowMs: number): void {
    const waitedSeconds = (nowMs - contact.enteredQueueMs) / SECOND_MS;
    if (contact.offLine) contact.callbackWaitSeconds += waitedSeconds;
    else contact.queueSeconds += waitedSeconds;
    contact.offLine = false;
    contact.state = WITH_AGENT;
    contact.agentQueue = queue.index;
    contact.agentSlot = agent;
    queue.busy[agent] = 1;
    const leg = this.hooks.planLeg(contact, queue.index);
    contact.talkSeconds += leg.talkSeconds;
    contact.holdSeconds += leg.holdSeconds;
    contact.wrapSeconds += leg.wrapSeconds;
    contact.transferTo = leg.transferTo;
    const legEndMs = nowMs + (leg.talkSeconds + leg.holdSeconds) * SECOND_MS;
    this.scheduler.schedule(legEndMs, LEG_END, contact.id);
    this.scheduler.schedule(legEndMs + leg.wrapSeconds * SECOND_MS, AGENT_FREE, queue.index * SLOTS_PER_QUEUE + agent);
  }

  private endLeg(contact: Contact, nowMs: number): void {
    if (contact.transferTo >= 0) {
      contact.transfers++;
      contact.patienceSeconds *= TRANSFER_PATIENCE_FACTOR;
      this.enter(contact, contact.transferTo, nowMs);
      return;
    }
    this.end(contact, nowMs);
  }

  private abandonIfWaiting(contactId: number, epoch: number, nowMs: number): void {
    const contact = this.live.get(contactId);
    if (contact === undefined || contact.state !== WAITING || contact.waitEpoch % EPOCHS !== epoch) return;
    const queue = this.queues[contact.queues[contact.queues.length - 1] as number] as QueueState;
    queue.waitingCount--;
    contact.queueSeconds += (nowMs - contact.enteredQueueMs) / SECOND_MS;
    contact.outcome = 'abandoned';
    this.end(contact, nowMs);
  }

  private end(contact: Contact, nowMs: number): void {
    contact.state = ENDED;
    contact.endMs = nowMs;
    this.live.delete(contact.id);
    this.hooks.finished(contact, nowMs);
  }

  private agentFree(queue: QueueState, agent: number, nowMs: number): void {
    queue.busy[agent] = 0;
    queue.idleSinceMs[agent] = nowMs;
    if (agent < queue.onDuty) this.takeNext(queue, agent, nowMs, Number.POSITIVE_INFINITY);
    // An agent whose shift has ended still clears the callers who were waiting before it ended.
    else this.takeNext(queue, agent, nowMs, nowMs - (nowMs % HOUR_MS));
  }

  /** Serves the first waiting contact that entered the queue before `enteredBeforeMs`, if any. */
  private takeNext(queue: QueueState, agent: number, nowMs: number, enteredBeforeMs: number): boolean {
    while (queue.head < queue.waiting.length) {
      const contact = queue.waiting[queue.head] as Contact;
      if (contact.state === WAITING && contact.enteredQueueMs >= enteredBeforeMs) return false;
      queue.head++;
      if (contact.state !== WAITING) continue;
      queue.waitingCount--;
      if (queue.head > 1024 && queue.head * 2 > queue.waiting.length) {
        queue.waiting = queue.waiting.slice(queue.head);
        queue.head = 0;
      }
      this.serve(queue, agent, contact, nowMs);
      return true;
    }
    return false;
  }

  private longestIdleAgent(queue: QueueState): number {
    let best = -1;
    for (let agent = 0; agent < queue.onDuty; agent++) {
      if (
        queue.busy[agent] === 0 &&
        (best < 0 || (queue.idleSinceMs[agent] as number) < (queue.idleSinceMs[best] as number))
      ) {
        best = agent;
      }
    }
    return best;
  }

  /** On the hour: the agents of the new hour's plan log in; those beyond it finish their contact and log off. */
  private restaff(nowMs: number): void {
    const hour = hourOfWeek(nowMs);
    for (const queue of this.queues) {
      const before = queue.onDuty;
      queue.onDuty = (this.staffing.agents[queue.index] as Int32Array)[hour] as number;
      for (let agent = before; agent < queue.onDuty; agent++) {
        if (queue.busy[agent] === 0) queue.idleSinceMs[agent] = nowMs;
      }
      for (let agent = 0; agent < queue.onDuty && queue.waitingCount > 0; agent++) {
        if (queue.busy[agent] === 0) this.takeNext(queue, agent, nowMs, Number.POSITIVE_INFINITY);
      }
    }
  }
}

/** The agent's id as the contact-centre system names it, e.g. `billing-007`. */
export function agentId(queue: number, slot: number): string {
  return `${QUEUES[queue]}-${String(slot + 1).padStart(3, '0')}`;
}
