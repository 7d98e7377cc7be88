/** Where a customer is in their life with the business. */
export const PROSPECT = 0;
export const BROWSING = 1;
export const CHECKOUT = 2;
export const INSTALLING = 3;
export const ACTIVE = 4;
export const PAUSED = 5;
export const GONE = 6;

/** What a customer does when their next step comes up. */
export const BROWSE = 1;
export const CHECK_OUT = 2;
export const GET_IN_TOUCH = 3;
export const ACTIVATE = 4;
export const LIVE = 5;
export const RESUME = 6;

/** Flags. */
export const IDENTIFIED = 1;
export const SUBSCRIBED_AT_START = 2;
/** Will first browse on a second device, anonymously, then sign in. */
export const SECOND_DEVICE = 4;
export const NPS_ANSWERED = 8;
export const UPGRADE_EMAILED = 16;
export const TRAITS_SENT = 32;
export const PAYMENT_FAILED_ONCE = 64;
export const WANTED_PAUSE = 128;

/**
 * Every customer's state as columns of typed arrays (about 60 bytes a customer), so a world
 * of a million customers is a few tens of megabytes and no object per customer lives long.
 */
export class CustomerState {
  readonly persona: Uint8Array;
  readonly plan: Uint8Array;
  readonly card: Uint8Array;
  readonly phase: Uint8Array;
  readonly action: Uint8Array;
  readonly flags: Uint8Array;
  readonly sessionsDone: Uint8Array;
  readonly sessionsWanted: Uint8Array;
  /** The open issue's reason index + 1 (0 = none), and how many contacts it has had. */
  readonly issue: Uint8Array;
  readonly issueContacts: Uint8Array;
  /** Medium of the next contact about the issue (CONTACT_MEDIA index + 1; 0 = by habit). */
  readonly nextMedium: Uint8Array;
  readonly paymentAttempts: Uint8Array;
  readonly lastDriver: Uint8Array;
  readonly mood: Float32Array;
  readonly nextBillMs: Float64Array;
  readonly nextNeedMs: Float64Array;
  readonly npsMs: Float64Array;

  constructor(readonly customers: number) {
    this.persona = new Uint8Array(customers);
    this.plan = new Uint8Array(customers);
    this.card = new Uint8Array(customers);
    this.phase = new Uint8Array(customers);
    this.action = new Uint8Array(customers);
    this.flags = new Uint8Array(customers);
    this.sessionsDone = new Uint8Array(customers);
    this.sessionsWanted = new Uint8Array(customers);
    this.issue = new Uint8Array(customers);
    this.issueContacts = new Uint8Array(customers);
    this.nextMedium = new Uint8Array(customers);
    this.paymentAttempts = new Uint8Array(customers);
    this.lastDriver = new Uint8Array(customers);
    this.mood = new Float32Array(customers);
    this.nextBillMs = new Float64Array(customers);
    this.nextNeedMs = new Float64Array(customers);
    this.npsMs = new Float64Array(customers);
  }

  has(customer: number, flag: number): boolean {
    return ((this.flags[customer] as number) & flag) !== 0;
  }

  set(customer: number, flag: number): void {
    this.flags[customer] = (this.flags[customer] as number) | flag;
  }

  clear(customer: number, flag: number): void {
    this.flags[customer] = (this.flags[customer] as number) & ~flag;
  }
}
