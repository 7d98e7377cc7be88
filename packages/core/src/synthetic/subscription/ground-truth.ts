import { PHONE_QUEUES, QUEUES } from './contact-centre/queues.ts';
import type { StaffingPlan } from './contact-centre/staffing.ts';
import { IDENTIFIED, SUBSCRIBED_AT_START, TRAITS_SENT } from './customer-state.ts';
import { mondayFriction, pauseFriction, paymentFriction, refundFriction } from './ground-truth-friction.ts';
import type { JourneyContext } from './journey/context.ts';
import { storeLeadTrait } from './journey/identity.ts';
import { PERSONAS } from './personas.ts';
import { STAGE_ACTIVITIES, STAGES } from './stages.ts';
import { BUSINESS_TIMEZONE, WEEK_HOURS, WORLD_END_MS, WORLD_START_MS } from './world-calendar.ts';

const sumOf = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** The ground-truth document (docs/demo-world.md describes every field). */
export interface GroundTruth {
  scenario: 'subscription';
  generator: { customers: number; seed: number; start: string; end: string; timezone: string };
  population: {
    /** Customers after identity stitching by ids (a store lead is one of its own): what Waymark counts by default. */
    customers: number;
    /** People (generated customers) with at least one message, under any of their ids. */
    customersWithMessages: number;
    /** Prospects who left an e-mail address or phone number at a store visit, known there by a lead id. */
    storeLeads: number;
    /**
     * Store leads who later signed up with the same e-mail address or phone number, by the trait
     * they share: linking identities by that trait (`identity.linkBy`) merges exactly these.
     */
    linkedByTrait: { email: number; phone: number };
    /** Customers an `identify` was written for. */
    identified: number;
    byPersona: Record<
      string,
      { label: string; share: number; customers: number; subscribedAtStart: number; identified: number }
    >;
  };
  messages: { total: number; track: number; identify: number };
  activities: Record<string, number>;
  stages: Record<string, { activities: readonly string[]; customers: number }>;
  contacts: {
    total: number;
    byReason: Record<string, number>;
    byMedium: Record<string, number>;
    byOutcome: Record<string, number>;
    callsByQueue: Record<string, Record<string, number | null>>;
    callbacksByQueue: Record<string, number>;
    repeatContacts: number;
  };
  surveys: {
    nps: {
      answers: number;
      promoters: number;
      passives: number;
      detractors: number;
      score: number | null;
      counts: number[];
    };
    csat: { answers: number; counts: number[]; topTwoBox: number | null };
    ces: { answers: number; counts: number[]; mean: number | null };
  };
  staffing: Record<string, { plannedAgentHoursPerWeek: number; scheduledAgentHoursPerWeek: number }>;
  friction: GroundTruthFriction[];
}

export interface GroundTruthFriction {
  id: string;
  title: string;
  /** How the friction is measured from the events, so a report can be held against it. */
  definition: string;
  /** The knobs as planted. */
  planted: Record<string, unknown>;
  /** Its realised size in this world. */
  measured: Record<string, unknown>;
}

export function groundTruthOf(
  options: { customers: number; seed: number },
  context: JourneyContext,
  staffing: StaffingPlan,
): GroundTruth {
  const { state, writer, truth } = context;
  const byPersona = Object.fromEntries(
    PERSONAS.map((p) => [p.id, { label: p.label, share: p.share, customers: 0, subscribedAtStart: 0, identified: 0 }]),
  );
  const stageCustomers = STAGES.map(() => 0);
  let customersWithMessages = 0;
  let identified = 0;
  let customers = 0;
  let storeLeads = 0;
  const linkedByTrait = { email: 0, phone: 0 };
  for (let c = 0; c < options.customers; c++) {
    const entry = byPersona[
      (PERSONAS[state.persona[c] as number] as (typeof PERSONAS)[number]).id
    ] as (typeof byPersona)[string];
    entry.customers++;
    if (state.has(c, SUBSCRIBED_AT_START)) entry.subscribedAtStart++;
    if (state.has(c, TRAITS_SENT) && state.has(c, IDENTIFIED)) {
      entry.identified++;
      identified++;
    }
    if ((writer.lastMs[c] as number) > 0) customersWithMessages++;
    if (writer.written[c] === 1) customers++;
    if (writer.leadWritten[c] === 1) {
      customers++;
      storeLeads++;
      const trait = storeLeadTrait(options.seed, c);
      if (trait !== null && writer.leadIdentified[c] === 1 && state.has(c, TRAITS_SENT) && state.has(c, IDENTIFIED))
        linkedByTrait[trait]++;
    }
    // Without trait links the store lead is a customer of its own, reaching stages of its own.
    for (const mask of [writer.stageMask[c] as number, writer.leadStageMask[c] as number])
      for (let s = 0; s < STAGES.length; s++) if (mask & (1 << s)) stageCustomers[s]++;
  }
  const activities = Object.fromEntries(
    [...writer.activityCounts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const nps = truth.npsScores;
  const npsAnswers = nps.reduce((a, b) => a + b, 0);
  const promoters = (nps[9] as number) + (nps[10] as number);
  const detractors = nps.slice(0, 7).reduce((a, b) => a + b, 0);
  const csatAnswers = truth.csatScores.reduce((a, b) => a + b, 0);
  const cesAnswers = truth.cesScores.reduce((a, b) => a + b, 0);
  return {
    scenario: 'subscription',
    generator: {
      customers: options.customers,
      seed: options.seed,
      start: new Date(WORLD_START_MS).toISOString(),
      end: new Date(WORLD_END_MS).toISOString(),
      timezone: BUSINESS_TIMEZONE,
    },
    population: { customers, customersWithMessages, storeLeads, linkedByTrait, identified, byPersona },
    messages: {
      total: writer.trackCount + writer.identifyCount,
      track: writer.trackCount,
      identify: writer.identifyCount,
    },
    activities,
    stages: Object.fromEntries(
      STAGES.map((stage, s) => [
        stage,
        { activities: STAGE_ACTIVITIES[stage], customers: stageCustomers[s] as number },
      ]),
    ),
    contacts: {
      total: sumOf(truth.contactsByReason),
      byReason: truth.contactsByReason,
      byMedium: truth.contactsByMedium,
      byOutcome: truth.contactsByOutcome,
      callsByQueue: Object.fromEntries(PHONE_QUEUES.map((q) => [QUEUES[q], truth.callsByQueue[q]?.toJSON() ?? {}])),
      callbacksByQueue: Object.fromEntries(
        PHONE_QUEUES.map((q) => [QUEUES[q], truth.callbacksByQueue[QUEUES[q] as string] ?? 0]),
      ),
      repeatContacts: truth.repeatContacts,
    },
    surveys: {
      nps: {
        answers: npsAnswers,
        promoters,
        passives: npsAnswers - promoters - detractors,
        detractors,
        score: npsAnswers > 0 ? (100 * (promoters - detractors)) / npsAnswers : null,
        counts: nps,
      },
      csat: {
        answers: csatAnswers,
        counts: truth.csatScores.slice(1),
        topTwoBox:
          csatAnswers > 0 ? ((truth.csatScores[4] as number) + (truth.csatScores[5] as number)) / csatAnswers : null,
      },
      ces: {
        answers: cesAnswers,
        counts: truth.cesScores.slice(1),
        mean: cesAnswers > 0 ? truth.cesScores.reduce((sum, n, score) => sum + n * score, 0) / cesAnswers : null,
      },
    },
    staffing: Object.fromEntries(
      QUEUES.map((q, i) => [
        q,
        {
          plannedAgentHoursPerWeek: sumHours(staffing.plannedAgents[i] as Int32Array),
          scheduledAgentHoursPerWeek: sumHours(staffing.agents[i] as Int32Array),
        },
      ]),
    ),
    friction: [
      paymentFriction(context),
      pauseFriction(context),
      mondayFriction(context, staffing),
      refundFriction(context),
    ],
  };
}

function sumHours(agents: Int32Array): number {
  let total = 0;
  for (let h = 0; h < WEEK_HOURS; h++) total += agents[h] as number;
  return total;
}
