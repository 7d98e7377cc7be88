import { prospectCampaignOn } from '../campaigns.ts';
import { reasonIndex } from '../contact-centre/contact-reasons.ts';
import {
  ACTIVATE,
  BROWSE,
  CHECK_OUT,
  CHECKOUT,
  GONE,
  IDENTIFIED,
  INSTALLING,
  PAYMENT_FAILED_ONCE,
  TRAITS_SENT,
} from '../customer-state.ts';
import { ANONYMOUS, KNOWN, LINKING, STORE_LEAD } from '../messages.ts';
import { PERSONAS } from '../personas.ts';
import { AMEX_PAYMENT_FAILURE } from '../planted-friction.ts';
import { AMEX, CARD_TYPES, DECLINE_CODES, PLANS } from '../products.ts';
import { POSTCODE_AREAS, STORES } from '../text/names.ts';
import { driverCode } from '../text/survey-comments.ts';
import {
  DAY_MS,
  DIGITAL_HOUR_WEIGHTS,
  dayIndexOf,
  HOUR_MS,
  SECOND_MS,
  startOfDay,
  timeOnDay,
} from '../world-calendar.ts';
import { raiseIssue } from './contacts.ts';
import { feel, type JourneyContext, wake } from './context.ts';
import { storeLeadTrait, storeLeadTraitsOf, traitsOf } from './identity.ts';
import { becomeActive } from './subscriber.ts';

/** A digital visit `days` (fractional) after `fromMs`, at an hour people browse. */
export function laterVisitMs(context: JourneyContext, customer: number, fromMs: number, days: number): number {
  const stream = context.random.streamOf(customer);
  const target = fromMs + days * DAY_MS;
  for (let day = startOfDay(target); ; day += DAY_MS) {
    const time = timeOnDay(day, DIGITAL_HOUR_WEIGHTS, Math.max(target, fromMs), stream);
    if (time !== null) return time;
  }
}

/** One browsing session of a prospect: how they arrive, what they look at, and what they decide. */
export function browse(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, state, writer } = context;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  const session = state.sessionsDone[customer] as number;
  let t = nowMs;
  if (session === 0) {
    const campaign = prospectCampaignOn(dayIndexOf(nowMs));
    if (campaign !== null && random.chance(customer, persona.adClickShare)) {
      const network = random.pick(customer, campaign.networks);
      writer.track(
        customer,
        t,
        'Ad Clicked',
        'social',
        ANONYMOUS,
        `"campaign":"${campaign.id}","network":"${network}"`,
      );
      t += random.integer(customer, 2, 15) * SECOND_MS;
      writer.track(customer, t, 'Home Viewed', 'web', ANONYMOUS, `"referrer":"ad","campaign":"${campaign.id}"`);
    } else if (random.chance(customer, persona.storeVisitShare)) {
      const store = random.pick(customer, STORES);
      // Some leave an e-mail address or phone number for a quote: the store's system knows them by its own id.
      const lead = storeLeadTrait(context.seed, customer);
      if (lead !== null) writer.identify(customer, t, STORE_LEAD, storeLeadTraitsOf(context.seed, customer, lead));
      writer.track(customer, t, 'Store Visited', 'store', lead === null ? ANONYMOUS : STORE_LEAD, `"store":"${store}"`);
      state.sessionsDone[customer] = 1;
      wake(context, customer, laterVisitMs(context, customer, t, random.next(customer) * 3), BROWSE);
      return;
    } else {
      const referrer = random.chance(customer, 0.7) ? 'search' : 'direct';
      writer.track(customer, t, 'Home Viewed', 'web', ANONYMOUS, `"referrer":"${referrer}"`);
    }
  } else if (random.chance(customer, 0.5)) {
    writer.track(customer, t, 'Home Viewed', 'web', ANONYMOUS, '"referrer":"direct"');
  }
  t += random.integer(customer, 10, 90) * SECOND_MS;
  writer.track(customer, t, 'Plans Viewed', 'web', ANONYMOUS, `"plansShown":${PLANS.length}`);
  let covered = true;
  if (random.chance(customer, session <= 1 ? 0.6 : 0.25)) {
    t += random.integer(customer, 20, 120) * SECOND_MS;
    covered = random.chance(customer, 0.95);
    const area = random.pick(customer, POSTCODE_AREAS);
    writer.track(customer, t, 'Coverage Checked', 'web', ANONYMOUS, `"postcodeArea":"${area}","available":${covered}`);
  }
  state.sessionsDone[customer] = session + 1;
  if (!covered) {
    state.phase[customer] = GONE;
    return;
  }
  // A question for sales, asked in the chat on the page while browsing.
  if (random.chance(customer, 0.02 + 0.05 * persona.contactMediumWeights[1])) {
    raiseIssue(
      context,
      customer,
      reasonIndex('plan_question'),
      t + random.integer(customer, 20, 120) * SECOND_MS,
      'chat',
      true,
    );
    return;
  }
  decideAfterSession(context, customer, t);
}

/** After a session: buy now, come back another day, or drop out. */
export function decideAfterSession(context: JourneyContext, customer: number, timeMs: number): void {
  const { random, state } = context;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  if ((state.sessionsDone[customer] as number) >= (state.sessionsWanted[customer] as number)) {
    if (!random.chance(customer, persona.conversion)) {
      state.phase[customer] = GONE;
      return;
    }
    state.phase[customer] = CHECKOUT;
    const soon = random.chance(customer, 0.6);
    const at = soon
      ? timeMs + random.integer(customer, 60, 900) * SECOND_MS
      : laterVisitMs(context, customer, timeMs, 0.5 + random.next(customer) * 2);
    wake(context, customer, at, CHECK_OUT);
    return;
  }
  if (random.chance(customer, 0.08)) {
    state.phase[customer] = GONE;
    return;
  }
  wake(context, customer, laterVisitMs(context, customer, timeMs, 0.5 + random.next(customer) * 3.5), BROWSE);
}

/** Sign-up (first time) and one payment attempt at checkout. */
export function checkOut(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, state, writer, truth } = context;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  let t = nowMs;
  if (!state.has(customer, IDENTIFIED)) {
    if (writer.track(customer, t, 'Signed Up', 'web', LINKING, '"method":"email"') < 0) return;
    state.set(customer, IDENTIFIED);
    if (writer.identify(customer, t, KNOWN, traitsOf(context, customer)) >= 0) state.set(customer, TRAITS_SENT);
    t += random.integer(customer, 20, 90) * SECOND_MS;
  }
  const card = state.card[customer] as number;
  const plan = PLANS[state.plan[customer] as number] as (typeof PLANS)[number];
  const payment = `"plan":"${plan.id}","monthlyPrice":${plan.monthlyPrice},"paymentMethod":"${CARD_TYPES[card]}"`;
  if (writer.track(customer, t, 'Checkout Started', 'web', KNOWN, payment) < 0) return;
  t += random.integer(customer, 15, 60) * SECOND_MS;
  const failureRate = card === AMEX ? AMEX_PAYMENT_FAILURE.failureRate : AMEX_PAYMENT_FAILURE.otherCardsFailureRate;
  const failed = random.chance(customer, failureRate);
  if (!failed) {
    truth.recordPayment(card, false);
    completeOrder(context, customer, t, 'web');
    return;
  }
  const attempt = (state.paymentAttempts[customer] as number) + 1;
  const declineCode = card === AMEX ? DECLINE_CODES.gatewayBug : random.pick(customer, DECLINE_CODES.ordinary);
  const failedAt = writer.track(
    customer,
    t,
    'Payment Failed',
    'web',
    KNOWN,
    `"paymentMethod":"${CARD_TYPES[card]}","declineCode":"${declineCode}","attempt":${attempt}`,
  );
  if (failedAt < 0) return;
  truth.recordPayment(card, true);
  state.paymentAttempts[customer] = attempt;
  if (!state.has(customer, PAYMENT_FAILED_ONCE)) {
    state.set(customer, PAYMENT_FAILED_ONCE);
    truth.customersWithFailedPayment[CARD_TYPES[card] as string]++;
    feel(context, customer, -0.7, driverCode('payment_failed'));
  }
  if (attempt < persona.paymentAttempts) {
    wake(context, customer, t + random.integer(customer, 30, 240) * SECOND_MS, CHECK_OUT);
  } else if (random.chance(customer, 0.15)) {
    loseSale(context, customer);
  } else {
    // Help with the payment: the chat first for most (it is on the checkout page), else by habit.
    const medium = random.chance(customer, 0.6) ? 'chat' : null;
    raiseIssue(
      context,
      customer,
      reasonIndex('payment_failed'),
      t + random.integer(customer, 60, 1800) * SECOND_MS,
      medium,
      true,
    );
  }
}

/** A customer with a failed payment gives up on buying. */
export function loseSale(context: JourneyContext, customer: number): void {
  context.state.phase[customer] = GONE;
  context.truth.customersLostAfterFailedPayment[CARD_TYPES[context.state.card[customer] as number] as string]++;
}

/** Order placed (by the web checkout or by an agent): installation gets a date. */
export function completeOrder(
  context: JourneyContext,
  customer: number,
  timeMs: number,
  channel: 'web' | 'phone' | 'ivr' | 'chat',
): void {
  const { random, state, writer, truth } = context;
  const plan = PLANS[state.plan[customer] as number] as (typeof PLANS)[number];
  const card = CARD_TYPES[state.card[customer] as number];
  const orderId = `ORD-${context.seed}-${customer}`;
  const at = writer.track(
    customer,
    timeMs,
    'Order Completed',
    channel,
    KNOWN,
    `"orderId":"${orderId}","plan":"${plan.id}","monthlyPrice":${plan.monthlyPrice},"paymentMethod":"${card}"`,
  );
  if (at < 0) return;
  if (state.has(customer, PAYMENT_FAILED_ONCE))
    truth.ordersAfterFailedPayment[channel] = (truth.ordersAfterFailedPayment[channel] ?? 0) + 1;
  const engineer = random.chance(customer, 0.3);
  const installMs =
    startOfDay(at) + random.integer(customer, 2, 9) * DAY_MS + random.integer(customer, 8, 16) * HOUR_MS;
  // The order system books the installation in the same transaction: same timestamp.
  writer.track(
    customer,
    at,
    'Installation Scheduled',
    channel,
    KNOWN,
    `"orderId":"${orderId}","installationType":"${engineer ? 'engineer' : 'self'}","installationDate":"${new Date(installMs).toISOString().slice(0, 10)}"`,
  );
  state.phase[customer] = INSTALLING;
  wake(context, customer, installMs, ACTIVATE);
}

/** Installation day: the router comes online, or setup fails and the customer calls tech support. */
export function activate(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, writer } = context;
  let t = nowMs;
  if (random.chance(customer, 0.3)) {
    writer.track(customer, t, 'Engineer Visit Completed', 'other', KNOWN, '"visitType":"installation"');
    t += random.integer(customer, 300, 1800) * SECOND_MS;
  }
  if (random.chance(customer, 0.1)) {
    writer.track(customer, t, 'Router Setup Failed', 'app', KNOWN, '"errorCode":"no_sync"');
    raiseIssue(
      context,
      customer,
      reasonIndex('installation'),
      t + random.integer(customer, 120, 1800) * SECOND_MS,
      null,
      true,
    );
    return;
  }
  routerActivated(context, customer, t);
}

export function routerActivated(context: JourneyContext, customer: number, timeMs: number): void {
  const at = context.writer.track(customer, timeMs, 'Router Activated', 'app', KNOWN, '"firmware":"7.2.1"');
  if (at >= 0) becomeActive(context, customer, at);
}
