import type { Channel } from '../../../events/channel.ts';
import { type AgentLeg, Contact } from '../contact-centre/contact.ts';
import { contactTimeMs } from '../contact-centre/contact-hours.ts';
import { HANDLING_BY_INDEX, REASONS } from '../contact-centre/contact-reasons.ts';
import { BILLING, CARE, CHAT, EMAIL, PHONE_QUEUES, WRAP_SECONDS } from '../contact-centre/queues.ts';
import { GET_IN_TOUCH, IDENTIFIED } from '../customer-state.ts';
import { CONTACT_MEDIA, type ContactMedium, PERSONAS } from '../personas.ts';
import { REFUND_PING_PONG } from '../planted-friction.ts';
import { AMEX } from '../products.ts';
import { SECOND_MS } from '../world-calendar.ts';
import { contactEnded } from './contact-completed.ts';
import { type JourneyContext, wake } from './context.ts';

const PAUSE = REASONS.indexOf('pause_subscription');
const PAYMENT = REASONS.indexOf('payment_failed');
const REFUND = REASONS.indexOf('refund');
const CANCEL_OR_MOVE = new Set([REASONS.indexOf('cancel'), REASONS.indexOf('move_home'), PAUSE]);

/** The medium a customer picks for a reason, by their habits (prospects can only use the chat on the page). */
function habitualMedium(context: JourneyContext, customer: number, reason: number): ContactMedium {
  const { random, state } = context;
  if (!state.has(customer, IDENTIFIED)) return 'chat';
  const [call, chat, email] = (PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number])
    .contactMediumWeights;
  const callBias = CANCEL_OR_MOVE.has(reason) ? 1.5 : 1;
  return CONTACT_MEDIA[random.weighted(customer, [call * callBias, chat, email])] as ContactMedium;
}

/**
 * The customer has an issue from `needMs`: they will get in touch about it on `medium` (or
 * their usual one) when the line is open. `urgent` issues are taken up the same day when possible.
 */
export function raiseIssue(
  context: JourneyContext,
  customer: number,
  reason: number,
  needMs: number,
  medium: ContactMedium | null,
  urgent: boolean,
): void {
  const { state } = context;
  state.issue[customer] = reason + 1;
  state.issueContacts[customer] = 0;
  contactAgain(context, customer, needMs, medium ?? habitualMedium(context, customer, reason), urgent);
}

/** Schedules the next contact about the open issue. */
export function contactAgain(
  context: JourneyContext,
  customer: number,
  needMs: number,
  medium: ContactMedium,
  urgent: boolean,
): void {
  const chosen = context.state.has(customer, IDENTIFIED) ? medium : 'chat';
  context.state.nextMedium[customer] = CONTACT_MEDIA.indexOf(chosen) + 1;
  wake(context, customer, contactTimeMs(needMs, chosen, context.random.streamOf(customer), urgent), GET_IN_TOUCH);
}

/** Dials, opens the chat or sends the e-mail: the IVR or the bot first, then a queue. */
export function getInTouch(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, state, centre } = context;
  const reason = (state.issue[customer] as number) - 1;
  const medium = CONTACT_MEDIA[(state.nextMedium[customer] as number) - 1] as ContactMedium;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  state.issueContacts[customer] = (state.issueContacts[customer] as number) + 1;
  // Patience is Erlang-2 around the persona's mean (few hang up within seconds, a long tail
  // holds on); people wait longer for a chat (they do other things meanwhile), e-mails wait for ever.
  const patienceSeconds =
    medium === 'email'
      ? Number.POSITIVE_INFINITY
      : Math.max(
          3,
          ((random.exponential(customer, 1) + random.exponential(customer, 1)) / 2) *
            persona.patienceSeconds *
            (medium === 'chat' ? 2 : 1),
        );
  const contact = new Contact(
    context.nextContactId(),
    customer,
    reason,
    medium,
    nowMs,
    state.issueContacts[customer] as number,
    patienceSeconds,
    random.chance(customer, persona.callbackAcceptance),
  );
  if (medium === 'email') centre.arriveAt(contact, EMAIL, nowMs);
  else if (medium === 'chat') throughBot(context, contact, nowMs);
  else throughIvr(context, contact, nowMs);
}

/** The bot contains the chat, dead-ends it, or hands it to the chat queue. */
function throughBot(context: JourneyContext, contact: Contact, nowMs: number): void {
  const { random } = context;
  const customer = contact.customer;
  const handling = HANDLING_BY_INDEX[contact.reason] as (typeof HANDLING_BY_INDEX)[number];
  contact.botSeconds = random.integer(customer, 30, 150);
  const botEndMs = nowMs + contact.botSeconds * SECOND_MS;
  if (random.chance(customer, handling.botContainment)) selfServiceEnded(context, contact, 'self_served', botEndMs);
  else if (random.chance(customer, handling.botGiveUp)) selfServiceEnded(context, contact, 'unresolved', botEndMs);
  else context.centre.arriveAt(contact, CHAT, botEndMs);
}

/** The IVR contains the call, dead-ends it, or routes it to a phone queue (now and then the wrong one). */
function throughIvr(context: JourneyContext, contact: Contact, nowMs: number): void {
  const { random, state } = context;
  const customer = contact.customer;
  const reason = contact.reason;
  const handling = HANDLING_BY_INDEX[reason] as (typeof HANDLING_BY_INDEX)[number];
  contact.ivrSeconds = random.integer(customer, 25, 70);
  // Paying by keypad goes through the same failing card check for Amex; pausing has no menu option at all.
  const ivrCannot = (reason === PAYMENT && state.card[customer] === AMEX) || reason === PAUSE;
  if (ivrCannot) contact.ivrSeconds += random.integer(customer, 40, 150);
  else if (random.chance(customer, handling.ivrContainment)) {
    contact.ivrSeconds += random.integer(customer, 30, 90);
    selfServiceEnded(context, contact, 'self_served', nowMs + contact.ivrSeconds * SECOND_MS);
    return;
  }
  const ivrEndMs = nowMs + contact.ivrSeconds * SECOND_MS;
  if (random.chance(customer, handling.ivrHangUp)) {
    selfServiceEnded(context, contact, 'unresolved', ivrEndMs);
    return;
  }
  let queue = handling.phoneQueue;
  if (reason !== PAUSE && random.chance(customer, REFUND_PING_PONG.misrouteRate)) {
    queue = random.pick(
      customer,
      PHONE_QUEUES.filter((q) => q !== handling.phoneQueue),
    );
    contact.misrouted = true;
  }
  context.centre.arriveAt(contact, queue, ivrEndMs);
}

function selfServiceEnded(
  context: JourneyContext,
  contact: Contact,
  outcome: 'self_served' | 'unresolved',
  endMs: number,
): void {
  contact.outcome = outcome;
  contact.endMs = endMs;
  contactEnded(context, contact, endMs);
}

/** What the agent who picks the contact up does: how long it takes, and whether they transfer it. */
export function planLeg(context: JourneyContext, contact: Contact, queue: number): AgentLeg {
  const { random } = context;
  const customer = contact.customer;
  const handling = HANDLING_BY_INDEX[contact.reason] as (typeof HANDLING_BY_INDEX)[number];
  const wrapSeconds = Math.max(10, Math.round(random.logNormal(customer, WRAP_SECONDS[queue] as number, 0.4)));
  const previousQueue = contact.queues[contact.queues.length - 2];
  let transferTo = -1;
  if (contact.misrouted && contact.transfers === 0) transferTo = handling.phoneQueue;
  else if (contact.reason === REFUND && contact.transfers < 3) {
    if (queue === BILLING && previousQueue !== CARE && random.chance(customer, REFUND_PING_PONG.transferToCare))
      transferTo = CARE;
    else if (queue === CARE && previousQueue === BILLING && random.chance(customer, REFUND_PING_PONG.transferBack))
      transferTo = BILLING;
  }
  if (contact.misrouted && contact.transfers === 0) {
    // "You have come through to the wrong team": a short leg.
    return { talkSeconds: random.integer(customer, 45, 120), holdSeconds: 0, wrapSeconds, transferTo };
  }
  const scale = queue === CHAT ? 1.3 : queue === EMAIL ? 0.6 : transferTo >= 0 ? 0.6 : 1;
  const talkSeconds = Math.max(30, Math.round(random.logNormal(customer, handling.talkSeconds * scale, 0.45)));
  const holdSeconds = random.chance(customer, handling.holdChance)
    ? Math.round(random.exponential(customer, handling.holdSeconds))
    : 0;
  return { talkSeconds, holdSeconds, wrapSeconds, transferTo };
}

/** The channel a contact's event is recorded on, by the medium it ended as. */
export function channelOfMedium(medium: string): Channel {
  switch (medium) {
    case 'call':
    case 'callback':
      return 'phone';
    case 'ivr':
      return 'ivr';
    case 'bot':
      return 'bot';
    case 'chat':
      return 'chat';
    default:
      return 'email';
  }
}
