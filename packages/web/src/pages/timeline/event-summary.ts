import type { ContactDetails, SurveyDetails } from '@waymark/core';
import { formatDuration, formatInteger } from '../../format/format.ts';

/** `no_connection` → "no connection": ids as people read them. */
export const humanise = (text: string): string => text.replace(/[_-]+/g, ' ');

/**
 * A contact in a few facts, in the order an agent asks them: how, where, why, how it ended,
 * then the times. Facts not given are left out.
 *
 * @example contactFacts({ medium: 'call', queue: 'care', reason: 'bill_query', outcome: 'resolved', queueSeconds: 42, … }) // ["call", "care queue", "bill query", "resolved", "waited 42 s", …]
 */
export function contactFacts(contact: ContactDetails): string[] {
  const facts: string[] = [];
  const add = (fact: string | null) => {
    if (fact !== null) facts.push(fact);
  };
  const time = (label: string, seconds: number | null) =>
    seconds === null || seconds <= 0 ? null : `${label} ${formatDuration(seconds)}`;
  add(contact.direction === 'outbound' && contact.medium !== null ? `outbound ${contact.medium}` : contact.medium);
  add(contact.queue === null ? null : `${humanise(contact.queue)} queue`);
  add(contact.reason === null ? null : humanise(contact.reason));
  add(contact.outcome === null ? null : humanise(contact.outcome));
  add(time('IVR', contact.ivrSeconds));
  add(time('waited', contact.queueSeconds));
  add(time('talked', contact.talkSeconds));
  add(time('on hold', contact.holdSeconds));
  add(
    contact.transfers === null || contact.transfers <= 0
      ? null
      : `${formatInteger(contact.transfers)} ${contact.transfers === 1 ? 'transfer' : 'transfers'}`,
  );
  return facts;
}

/** How a score reads on its survey's scale; the tone says whether it is good news. */
export function surveyScore(survey: SurveyDetails): { text: string; tone: 'good' | 'neutral' | 'bad' } | null {
  const { score } = survey;
  if (score === null) return null;
  switch (survey.survey) {
    case 'nps': {
      const tone = score >= 9 ? 'good' : score >= 7 ? 'neutral' : 'bad';
      const word = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
      return { text: `NPS ${score} · ${word}`, tone };
    }
    case 'csat':
      return { text: `CSAT ${score} of 5`, tone: score >= 4 ? 'good' : score === 3 ? 'neutral' : 'bad' };
    case 'ces':
      return { text: `CES ${score} of 7`, tone: score >= 5 ? 'good' : score === 4 ? 'neutral' : 'bad' };
    default:
      return { text: `${survey.survey ?? 'Score'} ${score}`, tone: 'neutral' };
  }
}
