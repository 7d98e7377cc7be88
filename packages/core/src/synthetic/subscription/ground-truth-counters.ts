import type { Contact } from './contact-centre/contact.ts';
import { REASONS } from './contact-centre/contact-reasons.ts';
import { QUEUES } from './contact-centre/queues.ts';
import { isMondayMorning } from './planted-friction.ts';
import { CARD_TYPES } from './products.ts';
import { hourOfDay, weekdayOf } from './world-calendar.ts';

/** Offered, answered and abandoned calls of one queue (or one slice of it), with their waits. */
export class QueueTally {
  answered = 0;
  abandoned = 0;
  queueSecondsAnswered = 0;
  queueSecondsAbandoned = 0;
  transferred = 0;

  add(contact: Contact): void {
    if (contact.outcome === 'abandoned') {
      this.abandoned++;
      this.queueSecondsAbandoned += contact.queueSeconds;
    } else {
      this.answered++;
      this.queueSecondsAnswered += contact.queueSeconds;
      if (contact.transfers > 0) this.transferred++;
    }
  }

  toJSON(): Record<string, number | null> {
    const offered = this.answered + this.abandoned;
    return {
      offered,
      answered: this.answered,
      abandoned: this.abandoned,
      queueSecondsAnswered: this.queueSecondsAnswered,
      asaSeconds: this.answered > 0 ? this.queueSecondsAnswered / this.answered : null,
      abandonRate: offered > 0 ? this.abandoned / offered : null,
      transferred: this.transferred,
    };
  }
}

function countMap(names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((name) => [name, 0]));
}

/**
 * Counts kept while the world is generated, from the very messages written: raw numbers
 * only; the ground-truth document derives the rates.
 */
export class TruthCounters {
  readonly paymentAttempts = countMap(CARD_TYPES);
  readonly paymentFailures = countMap(CARD_TYPES);
  /** Customers with at least one failed payment, by card type. */
  readonly customersWithFailedPayment = countMap(CARD_TYPES);
  /** Of those, customers who never completed an order. */
  readonly customersLostAfterFailedPayment = countMap(CARD_TYPES);
  /** Orders completed after a failed payment, by the channel that finally took the order. */
  readonly ordersAfterFailedPayment: Record<string, number> = {};
  readonly paymentFailedContactsByMedium: Record<string, number> = {};

  readonly contactsByReason = countMap(REASONS);
  readonly contactsByMedium: Record<string, number> = {};
  readonly contactsByOutcome: Record<string, number> = {};
  /** Calls (medium `call`) by the queue they first reached. */
  readonly callsByQueue = QUEUES.map(() => new QueueTally());
  readonly callbacksByQueue = countMap(QUEUES);
  /** Billing calls started on Monday mornings, and at all other times. */
  readonly billingMondayMorning = new QueueTally();
  readonly billingOtherTimes = new QueueTally();
  repeatContacts = 0;

  readonly pauseContactsByMediumOutcome: Record<string, number> = {};
  customersWantingPause = 0;

  /** Answered calls (medium call or callback) about refunds and about everything else, and those transferred. */
  refundAnswered = 0;
  refundTransferred = 0;
  refundTransfers = 0;
  otherAnswered = 0;
  otherTransferred = 0;

  readonly npsScores = new Array<number>(11).fill(0);
  readonly csatScores = new Array<number>(6).fill(0);
  readonly cesScores = new Array<number>(8).fill(0);

  /** One `Contact Completed` written, with the medium it ended as. */
  recordContact(contact: Contact, medium: string): void {
    const reason = REASONS[contact.reason] as string;
    this.contactsByReason[reason] = (this.contactsByReason[reason] ?? 0) + 1;
    this.contactsByMedium[medium] = (this.contactsByMedium[medium] ?? 0) + 1;
    this.contactsByOutcome[contact.outcome] = (this.contactsByOutcome[contact.outcome] ?? 0) + 1;
    if (contact.attempt > 1) this.repeatContacts++;
    if (reason === 'pause_subscription') {
      const key = `${medium}:${contact.outcome}`;
      this.pauseContactsByMediumOutcome[key] = (this.pauseContactsByMediumOutcome[key] ?? 0) + 1;
    }
    if (reason === 'payment_failed') {
      this.paymentFailedContactsByMedium[medium] = (this.paymentFailedContactsByMedium[medium] ?? 0) + 1;
    }
    const firstQueue = contact.queues[0];
    if (firstQueue === undefined) return;
    if (medium === 'callback') this.callbacksByQueue[QUEUES[firstQueue] as string]++;
    if (medium === 'call') {
      (this.callsByQueue[firstQueue] as QueueTally).add(contact);
      if (QUEUES[firstQueue] === 'billing') {
        const monday = isMondayMorning(weekdayOf(contact.startMs), hourOfDay(contact.startMs));
        (monday ? this.billingMondayMorning : this.billingOtherTimes).add(contact);
      }
    }
    const answeredCall = (medium === 'call' || medium === 'callback') && contact.outcome !== 'abandoned';
    if (answeredCall) {
      if (reason === 'refund') {
        this.refundAnswered++;
        this.refundTransfers += contact.transfers;
        if (contact.transfers > 0) this.refundTransferred++;
      } else {
        this.otherAnswered++;
        if (contact.transfers > 0) this.otherTransferred++;
      }
    }
  }

  recordPayment(card: number, failed: boolean): void {
    const name = CARD_TYPES[card] as string;
    this.paymentAttempts[name]++;
    if (failed) this.paymentFailures[name]++;
  }
}
