import type { Channel } from '../../../events/channel.ts';
import { UPGRADE_CAMPAIGN } from '../campaigns.ts';
import { KNOWN } from '../messages.ts';
import { PERSONAS } from '../personas.ts';
import { GIGABIT, PLANS } from '../products.ts';
import { npsBand, npsScore } from '../surveys.ts';
import { DRIVERS, surveyComment } from '../text/survey-comments.ts';
import { SECOND_MS } from '../world-calendar.ts';
import type { JourneyContext } from './context.ts';
import { beforeDigitalVisit } from './identity.ts';
import { laterVisitMs } from './prospect.ts';

/** The relationship side of a subscription: plan changes, the NPS survey, the upgrade campaign. */

/** Changes the plan (self-service or by an agent): one step up, or down for price-sensitive customers. */
export function changePlan(
  context: JourneyContext,
  customer: number,
  timeMs: number,
  channel: Channel,
  campaign: string | null,
): void {
  const { state, writer } = context;
  const from = state.plan[customer] as number;
  const downgrade =
    from === GIGABIT || ((PERSONAS[state.persona[customer] as number]?.downgrades ?? false) && from > 0);
  const to = campaign !== null ? GIGABIT : downgrade ? from - 1 : from + 1;
  const extra = campaign === null ? '' : `,"campaign":"${campaign}"`;
  if (
    writer.track(
      customer,
      timeMs,
      'Plan Changed',
      channel,
      KNOWN,
      `"fromPlan":"${PLANS[from]?.id}","toPlan":"${PLANS[to]?.id}"${extra}`,
    ) >= 0
  ) {
    state.plan[customer] = to;
  }
}

/** The relationship NPS survey: answered by some, with a comment on what shaped their score. */
export function npsSurvey(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, state, writer, truth } = context;
  const persona = PERSONAS[state.persona[customer] as number] as (typeof PERSONAS)[number];
  if (!random.chance(customer, persona.surveyResponseRate)) return;
  const score = npsScore(persona.npsBaseline, state.mood[customer] as number, random.normal(customer));
  const driver = DRIVERS[state.lastDriver[customer] as number] ?? 'none';
  const comment = random.chance(customer, 0.6)
    ? `,"comment":"${surveyComment(npsBand(score), driver, random.streamOf(customer))}"`
    : '';
  const at = writer.track(
    customer,
    nowMs,
    'Survey Answered',
    'email',
    KNOWN,
    `"survey":"nps","score":${score}${comment}`,
  );
  if (at < 0) return;
  truth.npsScores[score]++;
  if (score >= 9 && random.chance(customer, 0.3)) {
    writer.track(
      customer,
      at + random.integer(customer, 600, 7200) * SECOND_MS,
      'Referral Sent',
      'app',
      KNOWN,
      '"campaign":"refer-a-friend","via":"link"',
    );
  }
}

/** The upgrade campaign e-mail: opened, clicked, plans viewed, sometimes an upgrade. */
export function upgradeEmail(context: JourneyContext, customer: number, nowMs: number): void {
  const { random, writer } = context;
  const campaign = UPGRADE_CAMPAIGN.id;
  if (!random.chance(customer, 0.45)) return;
  let t = laterVisitMs(context, customer, nowMs, random.next(customer) * 2);
  writer.track(customer, t, 'Email Opened', 'email', KNOWN, `"campaign":"${campaign}"`);
  if (!random.chance(customer, 0.35)) return;
  t += random.integer(customer, 5, 120) * SECOND_MS;
  writer.track(customer, t, 'Email Clicked', 'email', KNOWN, `"campaign":"${campaign}"`);
  beforeDigitalVisit(context, customer, t);
  t += random.integer(customer, 5, 30) * SECOND_MS;
  writer.track(customer, t, 'Plans Viewed', 'web', KNOWN, `"plansShown":${PLANS.length},"campaign":"${campaign}"`);
  if (random.chance(customer, 0.4))
    changePlan(context, customer, t + random.integer(customer, 30, 300) * SECOND_MS, 'web', campaign);
}
