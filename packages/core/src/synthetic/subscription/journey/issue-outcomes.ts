import type { Contact } from '../contact-centre/contact.ts';
import { REASONS, type ReasonName } from '../contact-centre/contact-reasons.ts';
import { ACTIVE, BROWSING, GONE, PAUSED, RESUME } from '../customer-state.ts';
import { KNOWN } from '../messages.ts';
import type { ContactMedium } from '../personas.ts';
import { PLANS } from '../products.ts';
import { driverCode } from '../text/survey-comments.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../world-calendar.ts';
import { channelOfMedium, contactAgain } from './contacts.ts';
import { feel, type JourneyContext, wake } from './context.ts';
import { changePlan } from './loyalty.ts';
import { completeOrder, decideAfterSession, loseSale, routerActivated } from './prospect.ts';
import { wakeForLife } from './subscriber.ts';

const MOST_CONTACTS_PER_ISSUE = 4;

/** After a contact: the issue is settled (and its result recorded), or the customer tries again, or gives up. */
export function afterContact(context: JourneyContext, contact: Contact, medium: string, endMs: number): void {
  if (contact.outcome === 'resolved' || contact.outcome === 'self_served') {
    settle(context, contact.customer, REASONS[contact.reason] as ReasonName, medium, endMs);
    return;
  }
  const { random, state } = context;
  const customer = contact.customer;
  const reason = REASONS[contact.reason] as ReasonName;
  const retryChance = contact.outcome === 'abandoned' ? 0.7 : 0.75;
  if ((state.issueContacts[customer] as number) >= MOST_CONTACTS_PER_ISSUE || !random.chance(customer, retryChance)) {
    giveUp(context, customer, reason, endMs);
    return;
  }
  let next: ContactMedium = contact.medium;
  const toldToCall =
    (reason === 'pause_subscription' || reason === 'payment_failed') && (medium === 'bot' || medium === 'chat');
  if (toldToCall) next = random.chance(customer, 0.85) ? 'call' : 'chat';
  else if (medium === 'ivr') next = random.chance(customer, 0.35) ? 'chat' : 'call';
  else if (!random.chance(customer, 0.7)) next = contact.medium === 'call' ? 'chat' : 'call';
  // Abandoned: try again in a while the same day; not resolved: a repeat contact within days.
  const needMs =
    contact.outcome === 'abandoned'
      ? endMs + random.integer(customer, 5, 120) * MINUTE_MS
      : endMs + random.integer(customer, 1, 72) * HOUR_MS;
  contactAgain(context, customer, needMs, next, contact.outcome === 'abandoned');
}

/** What a settled issue leads to, by reason; then the customer carries on. */
function settle(context: JourneyContext, customer: number, reason: ReasonName, medium: string, endMs: number): void {
  const { random, state, writer } = context;
  state.issue[customer] = 0;
  const channel = channelOfMedium(medium);
  switch (reason) {
    case 'payment_failed':
      completeOrder(context, customer, endMs, medium === 'ivr' ? 'ivr' : medium === 'chat' ? 'chat' : 'phone');
      return;
    case 'installation':
      routerActivated(context, customer, endMs + random.integer(customer, 60, 900) * SECOND_MS);
      return;
    case 'pause_subscription': {
      const weeks = random.integer(customer, 2, 8);
      if (writer.track(customer, endMs, 'Subscription Paused', channel, KNOWN, `"pauseWeeks":${weeks}`) < 0) return;
      state.phase[customer] = PAUSED;
      wake(context, customer, endMs + weeks * 7 * DAY_MS, RESUME);
      return;
    }
    case 'cancel':
      if (random.chance(customer, 0.35)) {
        writer.track(customer, endMs, 'Retention Offer Accepted', channel, KNOWN, '"discountPercent":20,"months":6');
        break;
      }
      writer.track(
        customer,
        endMs,
        'Subscription Cancelled',
        channel,
        KNOWN,
        `"plan":"${PLANS[state.plan[customer] as number]?.id}"`,
      );
      state.phase[customer] = GONE;
      return;
    case 'move_home':
      writer.track(customer, endMs, 'Address Changed', channel, KNOWN, '');
      break;
    case 'refund':
      writer.track(
        customer,
        endMs + MINUTE_MS,
        'Refund Issued',
        'email',
        KNOWN,
        `"amount":${PLANS[state.plan[customer] as number]?.monthlyPrice}`,
      );
      break;
    case 'plan_change':
      changePlan(context, customer, endMs, channel, null);
      break;
    default:
      break;
  }
  carryOn(context, customer, endMs);
}

/** No more contacts about it: the issue stays unsettled, and that shows. */
function giveUp(context: JourneyContext, customer: number, reason: ReasonName, endMs: number): void {
  const { random, state, writer } = context;
  state.issue[customer] = 0;
  feel(context, customer, -0.5, driverCode('unresolved'));
  if (reason === 'payment_failed') {
    loseSale(context, customer);
    return;
  }
  if (reason === 'installation') {
    const visitMs = endMs + random.integer(customer, 2, 4) * DAY_MS;
    writer.track(customer, visitMs, 'Engineer Visit Completed', 'other', KNOWN, '"visitType":"repair"');
    routerActivated(context, customer, visitMs + random.integer(customer, 600, 3600) * SECOND_MS);
    return;
  }
  carryOn(context, customer, endMs);
}

/** Back to what the customer was doing before the issue. */
function carryOn(context: JourneyContext, customer: number, timeMs: number): void {
  switch (context.state.phase[customer]) {
    case BROWSING:
      decideAfterSession(context, customer, timeMs);
      return;
    case ACTIVE:
      wakeForLife(context, customer);
      return;
    default:
      // Checkout, installation and pauses continue from their own steps; gone is gone.
      return;
  }
}
