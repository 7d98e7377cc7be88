import { UPGRADE_EMAIL_MS } from '../campaigns.ts';
import { reasonIndex } from '../contact-centre/contact-reasons.ts';
import { ACTIVE, LIVE, NPS_ANSWERED, PAUSED, UPGRADE_EMAILED, WANTED_PAUSE } from '../customer-state.ts';
import { KNOWN } from '../messages.ts';
import { NEEDS, needRatesPerWeek, PERSONAS } from '../personas.ts';
import { GIGABIT, PLANS } from '../products.ts';
import { driverCode } from '../text/survey-comments.ts';
import { DAY_MS, SECOND_MS, WORLD_END_MS } from '../world-calendar.ts';
import { raiseIssue } from './contacts.ts';
import { feel, type JourneyContext, wake } from './context.ts';
import { beforeDigitalVisit, introduce } from './identity.ts';
import { changePlan, npsSurvey, upgradeEmail } from './loyalty.ts';
import { laterVisitMs } from './prospect.ts';

const WEEK_MS = 7 * DAY_MS;
const NEED_RATES = PERSONAS.map(needRatesPerWeek);
const NEED_TOTALS = NEED_RATES.map((rates) => rates.reduce((sum, rate) => sum + rate, 0));

/** The next time a need arises for this subscriber (competing weekly rates, so exponential gaps). */
function drawNextNeedMs(context: JourneyContext, customer: number, fromMs: number): number {
  const total = NEED_TOTALS[context.state.persona[customer] as number] as number;
  return laterVisitMs(context, customer, fromMs, (context.random.exponential(customer, 1 / total) * WEEK_MS) / DAY_MS);
}

/** The subscriber's next due moment: a bill, a need, the NPS survey or the upgrade e-mail. */
function nextDueMs(context: JourneyContext, customer: number): number {
  const { state } = context;
  let due = Math.min(state.nextBillMs[customer] as number, state.nextNeedMs[customer] as number);
  if (!state.has(customer, NPS_ANSWERED)) due = Math.min(due, state.npsMs[customer] as number);
  if (!state.has(customer, UPGRADE_EMAILED) && state.plan[customer] !== GIGABIT) due = Math.min(due, UPGRADE_EMAIL_MS);
  return due;
}

export function wakeForLife(context: JourneyContext, customer: number): void {
  wake(context, customer, nextDueMs(context, customer), LIVE);
}

/** The first day as a subscriber: bills start a month on, needs start arising. */
export function becomeActive(context: JourneyContext, customer: number, timeMs: number): void {
  const { state, random } = context;
  state.phase[customer] = ACTIVE;
  state.nextBillMs[customer] = timeMs + 30 * DAY_MS;
  state.nextNeedMs[customer] = drawNextNeedMs(context, customer, timeMs);
  const npsAt = timeMs + (14 + random.next(customer) * 60) * DAY_MS;
  state.npsMs[customer] = npsAt < WORLD_END_MS ? npsAt : Number.POSITIVE_INFINITY;
  // The upgrade e-mail went to the subscribers of its day only.
  if (timeMs > UPGRADE_EMAIL_MS) state.set(customer, UPGRADE_EMAILED);
  wakeForLife(context, customer);
}

/** For subscribers already with us when the world starts. */
export function startSubscribed(context: JourneyContext, customer: number, startMs: number): void {
  const { state, random } = context;
  state.phase[customer] = ACTIVE;
  state.nextBillMs[customer] =
    startMs + random.integer(customer, 0, 29) * DAY_MS + random.integer(customer, 6, 9) * 3_600_000;
  state.nextNeedMs[customer] = drawNextNeedMs(context, customer, startMs);
  state.npsMs[customer] = startMs + random.next(customer) * (WORLD_END_MS - startMs);
  wakeForLife(context, customer);
}

/** What is due now: a bill, a need, the NPS survey or the campaign e-mail. */
export function live(context: JourneyContext, customer: number, nowMs: number): void {
  const { state } = context;
  if (state.phase[customer] !== ACTIVE) return;
  introduce(context, customer, nowMs);
  if ((state.nextBillMs[customer] as number) <= nowMs) {
    state.nextBillMs[customer] = (state.nextBillMs[customer] as number) + 30 * DAY_MS;
    if (bill(context, customer, nowMs)) return;
  } else if ((state.nextNeedMs[customer] as number) <= nowMs) {
    state.nextNeedMs[customer] = drawNextNeedMs(context, customer, nowMs);
    if (need(context, customer, nowMs)) return;
  } else if (!state.has(customer, NPS_ANSWERED) && (state.npsMs[customer] as number) <= nowMs) {
    state.set(customer, NPS_ANSWERED);
    npsSurvey(context, customer, nowMs);
  } else if (!state.has(customer, UPGRADE_EMAILED) && UPGRADE_EMAIL_MS <= nowMs) {
    state.set(customer, UPGRADE_EMAILED);
    if (state.plan[customer] !== GIGABIT) upgradeEmail(context, customer, nowMs);
  }
  if (state.phase[customer] === ACTIVE) wakeForLife(context, customer);
}

/** The monthly bill; returns true when it starts a contact (which decides the next step). */
function bill(context: JourneyContext, customer: number, nowMs: number): boolean {
  const { random, state, writer } = context;
  const plan = PLANS[state.plan[customer] as number] as (typeof PLANS)[number];
  writer.track(customer, nowMs, 'Bill Issued', 'email', KNOWN, `"amount":${plan.monthlyPrice}`);
  if (!random.chance(customer, 0.5)) return false;
  const viewMs = laterVisitMs(context, customer, nowMs, random.next(customer) * 1.5);
  beforeDigitalVisit(context, customer, viewMs);
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  const app = random.chance(customer, persona.appShare);
  writer.track(customer, viewMs, 'Bill Viewed', app ? 'app' : 'web', KNOWN, `"amount":${plan.monthlyPrice}`);
  if (!random.chance(customer, persona.billQueryRate)) return false;
  feel(context, customer, -0.3, driverCode('bill_shock'));
  raiseIssue(
    context,
    customer,
    reasonIndex('bill_query'),
    viewMs + random.integer(customer, 60, 7200) * SECOND_MS,
    null,
    false,
  );
  return true;
}

/** A life event; returns true when it starts a contact. */
function need(context: JourneyContext, customer: number, nowMs: number): boolean {
  const { random, state, writer } = context;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  const which = NEEDS[random.weighted(customer, NEED_RATES[state.persona[customer] as number] as number[])];
  const channel = random.chance(customer, persona.appShare) ? 'app' : 'web';
  beforeDigitalVisit(context, customer, nowMs);
  let t = nowMs;
  switch (which) {
    case 'no_connection':
      writer.track(
        customer,
        t,
        'Service Status Checked',
        channel,
        KNOWN,
        `"status":"${random.chance(customer, 0.4) ? 'outage' : 'ok'}"`,
      );
      feel(context, customer, -0.5, driverCode('outage'));
      if (!random.chance(customer, 0.6)) return false;
      raiseIssue(
        context,
        customer,
        reasonIndex('no_connection'),
        t + random.integer(customer, 60, 900) * SECOND_MS,
        null,
        true,
      );
      return true;
    case 'slow_speed':
      writer.track(customer, t, 'Speed Test Run', 'app', KNOWN, `"downloadMbps":${random.integer(customer, 8, 60)}`);
      feel(context, customer, -0.3, driverCode('slow_speed'));
      if (!random.chance(customer, 0.35)) return false;
      raiseIssue(
        context,
        customer,
        reasonIndex('slow_speed'),
        t + random.integer(customer, 60, 3600) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'refund':
      writer.track(
        customer,
        t,
        'Bill Viewed',
        channel,
        KNOWN,
        `"amount":${(PLANS[state.plan[customer] as number] as (typeof PLANS)[number]).monthlyPrice * 2}`,
      );
      raiseIssue(
        context,
        customer,
        reasonIndex('refund'),
        t + random.integer(customer, 300, 7200) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'pause_subscription':
      if (!state.has(customer, WANTED_PAUSE)) {
        state.set(customer, WANTED_PAUSE);
        context.truth.customersWantingPause++;
      }
      writer.track(customer, t, 'Help Article Viewed', channel, KNOWN, '"article":"pause-or-hold-my-subscription"');
      t += random.integer(customer, 30, 180) * SECOND_MS;
      writer.track(customer, t, 'Account Settings Viewed', channel, KNOWN, '"section":"subscription"');
      raiseIssue(
        context,
        customer,
        reasonIndex('pause_subscription'),
        t + random.integer(customer, 60, 3600) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'move_home':
      writer.track(customer, t, 'Move Home Started', 'web', KNOWN, '');
      raiseIssue(
        context,
        customer,
        reasonIndex('move_home'),
        t + random.integer(customer, 300, 86_400) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'plan_change':
      writer.track(customer, t, 'Plans Viewed', channel, KNOWN, `"plansShown":${PLANS.length}`);
      if (random.chance(customer, 0.85)) {
        changePlan(context, customer, t + random.integer(customer, 30, 300) * SECOND_MS, channel, null);
        return false;
      }
      raiseIssue(
        context,
        customer,
        reasonIndex('plan_change'),
        t + random.integer(customer, 300, 7200) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'cancel':
      // Unhappy customers act on it; content ones mostly do not get round to it.
      if (!random.chance(customer, Math.min(1, 0.35 + 0.35 * Math.max(0, -(state.mood[customer] as number)))))
        return false;
      writer.track(customer, t, 'Cancellation Page Viewed', 'web', KNOWN, '');
      raiseIssue(
        context,
        customer,
        reasonIndex('cancel'),
        t + random.integer(customer, 300, 86_400) * SECOND_MS,
        null,
        false,
      );
      return true;
    case 'referral':
      if ((state.mood[customer] as number) < -0.5) return false;
      writer.track(
        customer,
        t,
        'Referral Sent',
        'app',
        KNOWN,
        `"campaign":"refer-a-friend","via":"${random.pick(customer, ['whatsapp', 'email', 'link'])}"`,
      );
      return false;
    default: {
      const rating = Math.min(
        5,
        Math.max(1, Math.round(3.8 + 1.2 * (state.mood[customer] as number) + random.normal(customer))),
      );
      writer.track(customer, t, 'Review Posted', 'social', KNOWN, `"site":"trustpilot","rating":${rating}`);
      return false;
    }
  }
}

/** The end of a pause: billing and life go on. */
export function resume(context: JourneyContext, customer: number, nowMs: number): void {
  const { state, writer } = context;
  if (state.phase[customer] !== PAUSED) return;
  const at = writer.track(customer, nowMs, 'Subscription Resumed', 'email', KNOWN, '');
  if (at < 0) return;
  state.phase[customer] = ACTIVE;
  state.nextBillMs[customer] = Math.max(state.nextBillMs[customer] as number, at + 30 * DAY_MS);
  state.nextNeedMs[customer] = drawNextNeedMs(context, customer, at);
  wakeForLife(context, customer);
}
