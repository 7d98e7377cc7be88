import type { Contact } from '../contact-centre/contact.ts';
import { HANDLING_BY_INDEX, REASONS, type ReasonName } from '../contact-centre/contact-reasons.ts';
import { agentId } from '../contact-centre/queue-simulation.ts';
import { QUEUES } from '../contact-centre/queues.ts';
import { IDENTIFIED, PAYMENT_FAILED_ONCE } from '../customer-state.ts';
import { PERSONAS } from '../personas.ts';
import { CARD_TYPES } from '../products.ts';
import { type ContactExperience, cesBand, cesScore, csatBand, csatScore } from '../surveys.ts';
import { FIRST_NAMES } from '../text/names.ts';
import { DRIVERS, driverCode, surveyComment } from '../text/survey-comments.ts';
import { botTranscriptOf, transcriptOf } from '../text/transcripts.ts';
import { SECOND_MS } from '../world-calendar.ts';
import { channelOfMedium } from './contacts.ts';
import { feel, type JourneyContext } from './context.ts';
import { whoNow } from './identity.ts';
import { afterContact } from './issue-outcomes.ts';

const CANCEL = REASONS.indexOf('cancel');

/** The medium the contact is recorded as: where it ended (IVR, bot, callback) or how it came in. */
function endedAs(contact: Contact): string {
  if (contact.agentSlot < 0 && contact.outcome !== 'abandoned') return contact.medium === 'chat' ? 'bot' : 'ivr';
  if (contact.callback && contact.agentSlot >= 0) return 'callback';
  return contact.medium;
}

/**
 * The time the contact spent in queues as the contact centre records it: a callback kept its
 * place in the queue off the line, so its wait until the agent called runs on as queue time
 * (as contact-centre platforms log a queued callback); `callbackWaitSeconds` says how much of
 * it was off the line. The customer's own experience (mood, survey, transcript) counts only the
 * wait on the line.
 */
function recordedQueueSeconds(contact: Contact, medium: string): number {
  return medium === 'callback' ? contact.queueSeconds + contact.callbackWaitSeconds : contact.queueSeconds;
}

/** An answered contact is resolved or not: the reason's odds by medium, worse after transfers and a wrong first queue. */
function decideResolution(context: JourneyContext, contact: Contact): void {
  if (contact.agentSlot < 0 || contact.outcome === 'abandoned') return;
  const handling = HANDLING_BY_INDEX[contact.reason] as (typeof HANDLING_BY_INDEX)[number];
  const byMedium = contact.medium === 'call' ? 0 : contact.medium === 'chat' ? 1 : 2;
  const odds = (handling.resolve[byMedium] as number) - 0.08 * contact.transfers - (contact.misrouted ? 0.05 : 0);
  contact.outcome = context.random.chance(contact.customer, odds) ? 'resolved' : 'unresolved';
}

/**
 * A contact has ended (in the IVR or bot, abandoned in a queue, or finished with an agent):
 * writes `Contact Completed`, moves the customer's mood, maybe a survey answer, and hands
 * over to what the customer does next.
 */
export function contactEnded(context: JourneyContext, contact: Contact, endMs: number): void {
  const { random, state, writer, truth, seed } = context;
  const customer = contact.customer;
  decideResolution(context, contact);
  const medium = endedAs(contact);
  const reason = REASONS[contact.reason] as ReasonName;
  const answered = contact.agentSlot >= 0 && contact.outcome !== 'abandoned';
  const stream = random.streamOf(customer);
  let transcript = '';
  if (answered) {
    transcript = transcriptOf(
      {
        reason,
        medium,
        agentName: FIRST_NAMES[(contact.agentQueue * 7 + contact.agentSlot) % FIRST_NAMES.length] as string,
        queueSeconds: contact.queueSeconds,
        transfersTo: contact.queues.slice(1).map((q) => QUEUES[q] as string),
        resolved: contact.outcome === 'resolved',
        cardType: CARD_TYPES[state.card[customer] as number] as string,
        repeat: contact.attempt > 1,
      },
      stream,
    );
  } else if (medium === 'bot') transcript = botTranscriptOf(reason, contact.outcome === 'self_served', stream);
  const firstQueue = contact.queues[0];
  const parts = [
    `"contactId":"CT-${seed}-${contact.id}"`,
    `"medium":"${medium}"`,
    `"direction":"${medium === 'callback' ? 'outbound' : 'inbound'}"`,
  ];
  if (firstQueue !== undefined) parts.push(`"queue":"${QUEUES[firstQueue]}"`);
  if (answered) parts.push(`"agentId":"${agentId(contact.agentQueue, contact.agentSlot)}"`);
  parts.push(
    `"reason":"${reason}"`,
    `"outcome":"${contact.outcome}"`,
    `"ivrSeconds":${contact.ivrSeconds}`,
    `"queueSeconds":${recordedQueueSeconds(contact, medium)}`,
    `"talkSeconds":${contact.talkSeconds}`,
    `"holdSeconds":${contact.holdSeconds}`,
    `"wrapSeconds":${contact.wrapSeconds}`,
    `"transfers":${contact.transfers}`,
  );
  if (contact.botSeconds > 0) parts.push(`"botSeconds":${contact.botSeconds}`);
  if (medium === 'callback') parts.push(`"callbackWaitSeconds":${contact.callbackWaitSeconds}`);
  if (contact.transfers > 0) parts.push(`"queues":[${contact.queues.map((q) => `"${QUEUES[q]}"`).join(',')}]`);
  if (transcript !== '') parts.push(`"transcript":"${transcript}"`);
  const at = writer.track(
    customer,
    contact.startMs,
    'Contact Completed',
    channelOfMedium(medium),
    whoNow(context, customer),
    parts.join(','),
  );
  if (at >= 0) truth.recordContact(contact, medium);

  feelContact(context, contact, medium);
  afterContact(context, contact, medium, endMs);
  if (at >= 0 && contact.outcome !== 'abandoned' && state.has(customer, IDENTIFIED))
    surveyAfter(context, contact, endMs);
}

function feelContact(context: JourneyContext, contact: Contact, medium: string): void {
  const customer = contact.customer;
  if (REASONS[contact.reason] === 'pause_subscription') feel(context, customer, -0.3, driverCode('pause_phone_only'));
  if (contact.outcome === 'abandoned' || contact.queueSeconds > 600)
    feel(context, customer, -0.5, driverCode('long_wait'));
  if (contact.transfers > 0) feel(context, customer, -0.4 * contact.transfers, driverCode('transferred'));
  if (contact.outcome === 'unresolved') {
    feel(context, customer, -0.7, driverCode(medium === 'ivr' || medium === 'bot' ? 'dead_end' : 'unresolved'));
  } else if (contact.outcome === 'self_served') feel(context, customer, 0.2, driverCode('self_service_worked'));
  else if (
    contact.outcome === 'resolved' &&
    contact.attempt === 1 &&
    contact.queueSeconds < 120 &&
    contact.reason !== CANCEL
  ) {
    feel(context, customer, 0.3, driverCode('helpful_agent'));
  }
}

/** The post-contact survey (CSAT or CES), answered by some, by e-mail shortly after. */
function surveyAfter(context: JourneyContext, contact: Contact, endMs: number): void {
  const { random, state, writer, truth, seed } = context;
  const customer = contact.customer;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  if (!random.chance(customer, persona.surveyResponseRate)) return;
  const experience: ContactExperience = {
    queueSeconds: contact.queueSeconds,
    transfers: contact.transfers,
    outcome: contact.outcome,
    attempt: contact.attempt,
    paymentFailed: state.has(customer, PAYMENT_FAILED_ONCE) && REASONS[contact.reason] === 'payment_failed',
  };
  const csat = random.chance(customer, 0.7);
  const score = csat ? csatScore(experience, random.normal(customer)) : cesScore(experience, random.normal(customer));
  const band = csat ? csatBand(score) : cesBand(score);
  const driver = DRIVERS[state.lastDriver[customer] as number] ?? 'none';
  const comment = random.chance(customer, 0.6)
    ? `,"comment":"${surveyComment(band, driver, random.streamOf(customer))}"`
    : '';
  const answeredMs = endMs + random.integer(customer, 300, 5400) * SECOND_MS;
  const at = writer.track(
    customer,
    answeredMs,
    'Survey Answered',
    'email',
    whoNow(context, customer),
    `"survey":"${csat ? 'csat' : 'ces'}","score":${score}${comment},"contactId":"CT-${seed}-${contact.id}"`,
  );
  if (at < 0) return;
  if (csat) truth.csatScores[score]++;
  else truth.cesScores[score]++;
}
