import type { KpiSettings } from './kpi-settings.ts';

/** The definitions in force for one response: the thresholds, and each KPI in words with them filled in. */
export interface KpiDefinitions {
  settings: KpiSettings;
  /** The data's last event (ISO), the end FCR windows are measured against; null without events. */
  dataEnd: string | null;
  kpis: Record<string, string>;
}

/** KPIS.md's definitions with the thresholds of this response. */
export function kpiDefinitions(settings: KpiSettings, dataEndMs: number): KpiDefinitions {
  const short = `short abandons (queueSeconds < ${settings.shortAbandonSeconds}) excluded from both`;
  const shortNote = settings.excludeShortAbandons ? `; ${short}` : '; short abandons counted';
  return {
    settings: { ...settings },
    dataEnd: Number.isFinite(dataEndMs) ? new Date(dataEndMs).toISOString() : null,
    kpis: {
      contacts: '`Contact Completed` events in the date range, of customers in the segment',
      offered: 'contacts that reached a queue (queueSeconds > 0) or an agent',
      answered:
        'offered contacts that reached an agent (outcome not abandoned or self_served; no outcome counts as reached; ' +
        'an IVR or bot session, medium ivr or bot, reached one only when it names an agentId)',
      abandonRate: `abandoned in queue (outcome abandoned, queueSeconds > 0) ÷ offered${shortNote}`,
      averageSpeedOfAnswer: 'Σ queueSeconds of answered ÷ answered',
      averageHandleTime: 'Σ (talkSeconds + holdSeconds + wrapSeconds) of answered ÷ answered',
      serviceLevel: `answered with queueSeconds ≤ ${settings.serviceLevelSeconds} ÷ (answered + abandoned in queue)${shortNote}`,
      firstContactResolution:
        `contacts after which the same customer made no further contact within ${settings.fcrDays} days ` +
        '(only a contact with the same reason counts when both reasons are known) ÷ contacts of identified customers ' +
        'whose window ended by the data’s last event; the further contact may fall after the date range',
      repeatContactRate: '1 − FCR: (FCR denominator − FCR numerator) ÷ FCR denominator',
      transferRate: 'answered contacts with transfers > 0 or outcome transferred ÷ answered',
      containment:
        `contacts ending self_served with no contact reaching an agent by the same customer within ${settings.containmentHours} h ` +
        '÷ contacts that entered IVR/bot (medium ivr or bot, channel ivr or bot, ivrSeconds > 0, or outcome self_served)',
      nps: '% promoters (9–10) − % detractors (0–6) of `Survey Answered` with survey nps, −100 … 100',
      csat: '% of survey csat answers scoring 4–5 (top-two box) on the 1–5 scale',
      ces: 'survey ces: mean score on the 1–7 scale, and % scoring 5–7',
      surveys:
        'answers with an integer score on their scale count; a survey is grouped by the contact it rates (contactId) for queue, reason, medium and channel',
    },
  };
}
