import { QUEUES } from './contact-centre/queues.ts';
import type { StaffingPlan } from './contact-centre/staffing.ts';
import type { GroundTruthFriction } from './ground-truth.ts';
import type { JourneyContext } from './journey/context.ts';
import {
  AMEX_PAYMENT_FAILURE,
  MONDAY_MORNING_UNDERSTAFFING,
  PAUSE_NOT_SELF_SERVICE,
  REFUND_PING_PONG,
} from './planted-friction.ts';
import { CARD_TYPES } from './products.ts';
import { BUSINESS_TIMEZONE } from './world-calendar.ts';

/** Each planted friction with its definition and realised size (see planted-friction.ts). */

const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const sumOf = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export function paymentFriction({ truth }: JourneyContext): GroundTruthFriction {
  const rate = Object.fromEntries(
    CARD_TYPES.map((card) => [
      card,
      shareOf(truth.paymentFailures[card] as number, truth.paymentAttempts[card] as number),
    ]),
  );
  const others = CARD_TYPES.filter((card) => card !== AMEX_PAYMENT_FAILURE.cardType);
  const otherAttempts = others.reduce((sum, card) => sum + (truth.paymentAttempts[card] as number), 0);
  const otherFailures = others.reduce((sum, card) => sum + (truth.paymentFailures[card] as number), 0);
  return {
    id: AMEX_PAYMENT_FAILURE.id,
    title: AMEX_PAYMENT_FAILURE.title,
    definition:
      'failure rate = `Payment Failed` ÷ `Checkout Started`, by properties.paymentMethod; contacts = `Contact Completed` with reason payment_failed',
    planted: {
      cardType: AMEX_PAYMENT_FAILURE.cardType,
      failureRate: AMEX_PAYMENT_FAILURE.failureRate,
      otherCardsFailureRate: AMEX_PAYMENT_FAILURE.otherCardsFailureRate,
      effect: AMEX_PAYMENT_FAILURE.effect,
    },
    measured: {
      checkoutsByCard: truth.paymentAttempts,
      failuresByCard: truth.paymentFailures,
      failureRateByCard: rate,
      failureRateOtherCards: shareOf(otherFailures, otherAttempts),
      customersWithFailedPayment: truth.customersWithFailedPayment,
      customersLostAfterFailedPayment: truth.customersLostAfterFailedPayment,
      ordersAfterFailedPaymentByChannel: truth.ordersAfterFailedPayment,
      paymentFailedContactsByMedium: truth.paymentFailedContactsByMedium,
    },
  };
}

export function pauseFriction({ truth, writer }: JourneyContext): GroundTruthFriction {
  const pauseContacts = truth.contactsByReason[PAUSE_NOT_SELF_SERVICE.reason] as number;
  const allContacts = sumOf(truth.contactsByReason);
  const byMediumOutcome = truth.pauseContactsByMediumOutcome;
  const pauseCalls = Object.entries(byMediumOutcome)
    .filter(([key]) => key.startsWith('call:') || key.startsWith('callback:'))
    .reduce((sum, [, n]) => sum + n, 0);
  const allCalls = (truth.contactsByMedium.call ?? 0) + (truth.contactsByMedium.callback ?? 0);
  return {
    id: PAUSE_NOT_SELF_SERVICE.id,
    title: PAUSE_NOT_SELF_SERVICE.title,
    definition:
      '`Contact Completed` with reason pause_subscription; calls = medium call or callback; `Subscription Paused` only ever on channel phone',
    planted: { reason: PAUSE_NOT_SELF_SERVICE.reason, effect: PAUSE_NOT_SELF_SERVICE.effect },
    measured: {
      customersWantingPause: truth.customersWantingPause,
      subscriptionsPaused: writer.activityCounts.get('Subscription Paused') ?? 0,
      contacts: pauseContacts,
      shareOfAllContacts: shareOf(pauseContacts, allContacts),
      calls: pauseCalls,
      shareOfCalls: shareOf(pauseCalls, allCalls),
      contactsByMediumAndOutcome: byMediumOutcome,
      ivrDeadEnds: byMediumOutcome['ivr:unresolved'] ?? 0,
      botDeadEnds: byMediumOutcome['bot:unresolved'] ?? 0,
    },
  };
}

export function mondayFriction({ truth }: JourneyContext, staffing: StaffingPlan): GroundTruthFriction {
  const m = MONDAY_MORNING_UNDERSTAFFING;
  const queue = QUEUES.indexOf(m.queue);
  const hours = Array.from({ length: m.toHour - m.fromHour }, (_, i) => m.weekday * 24 + m.fromHour + i);
  const monday = truth.billingMondayMorning.toJSON();
  const other = truth.billingOtherTimes.toJSON();
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
  return {
    id: m.id,
    title: m.title,
    definition: `\`Contact Completed\` with medium call and queue ${m.queue}; Monday ${m.fromHour}:00–${m.toHour}:00 ${BUSINESS_TIMEZONE} (UTC in this window) by timestamp (when the call started) vs every other time; offered = answered + abandoned; ASA = Σ queueSeconds of answered ÷ answered`,
    planted: {
      queue: m.queue,
      weekday: 'Monday',
      fromHour: m.fromHour,
      toHour: m.toHour,
      staffingFactor: m.staffingFactor,
      plannedAgents: hours.map((h) => (staffing.plannedAgents[queue] as Int32Array)[h]),
      agentsOnDuty: hours.map((h) => (staffing.agents[queue] as Int32Array)[h]),
    },
    measured: {
      mondayMorning: monday,
      otherTimes: other,
      asaRatio: ratio(monday.asaSeconds, other.asaSeconds),
      abandonRateRatio: ratio(monday.abandonRate, other.abandonRate),
    },
  };
}

export function refundFriction({ truth }: JourneyContext): GroundTruthFriction {
  return {
    id: REFUND_PING_PONG.id,
    title: REFUND_PING_PONG.title,
    definition:
      'answered calls = `Contact Completed` with medium call or callback and outcome not abandoned; transferred = transfers > 0; refund = reason refund, others = every other reason',
    planted: {
      reason: REFUND_PING_PONG.reason,
      fromQueue: REFUND_PING_PONG.fromQueue,
      toQueue: REFUND_PING_PONG.toQueue,
      transferToCare: REFUND_PING_PONG.transferToCare,
      transferBack: REFUND_PING_PONG.transferBack,
      misrouteRate: REFUND_PING_PONG.misrouteRate,
    },
    measured: {
      refundAnswered: truth.refundAnswered,
      refundTransferred: truth.refundTransferred,
      refundTransferredShare: shareOf(truth.refundTransferred, truth.refundAnswered),
      refundTransfers: truth.refundTransfers,
      otherAnswered: truth.otherAnswered,
      otherTransferred: truth.otherTransferred,
      otherTransferredShare: shareOf(truth.otherTransferred, truth.otherAnswered),
    },
  };
}
