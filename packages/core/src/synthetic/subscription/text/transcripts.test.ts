import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random.ts';
import { REASONS } from '../contact-centre/contact-reasons.ts';
import { allCommentPhrases, DRIVERS, surveyComment } from './survey-comments.ts';
import { botTranscriptOf, type TranscriptFacts, transcriptOf } from './transcripts.ts';

/** Lines are written without JSON escaping: every phrase must be printable ASCII without `"` or `\`. */
const SAFE = /^[ -!#-[\]-~]*$/;

const facts: TranscriptFacts = {
  reason: 'refund',
  medium: 'call',
  agentName: 'Ava',
  queueSeconds: 30,
  transfersTo: [],
  resolved: true,
  cardType: 'visa',
  repeat: false,
};

describe('transcripts and comments', () => {
  it('need no escaping', () => {
    const random = seededRandom(1);
    for (const reason of REASONS) {
      for (const medium of ['call', 'callback', 'chat', 'email']) {
        for (const resolved of [true, false]) {
          const text = transcriptOf(
            { ...facts, reason, medium, resolved, queueSeconds: 900, transfersTo: ['care', 'billing'], repeat: true },
            random,
          );
          expect(text).toMatch(SAFE);
        }
      }
      expect(botTranscriptOf(reason, true, random)).toMatch(SAFE);
      expect(botTranscriptOf(reason, false, random)).toMatch(SAFE);
    }
    for (const phrase of allCommentPhrases()) expect(phrase).toMatch(SAFE);
  });

  it('say what happened: the wait, each transfer, the outcome', () => {
    const random = seededRandom(2);
    const quick = transcriptOf(facts, random);
    expect(quick).not.toMatch(/waiting/);
    expect(quick).toMatch(/refund/);
    const slow = transcriptOf(
      { ...facts, queueSeconds: 840, transfersTo: ['care', 'billing'], resolved: false },
      random,
    );
    expect(slow).toMatch(/waiting 14 minutes/);
    expect(slow).toMatch(/transfer you to our customer care team/);
    expect(slow).toMatch(/back to billing/);
    expect(slow).toMatch(/passed between departments/);
    expect(slow).toMatch(/frustrating|Unbelievable/);
    expect(transcriptOf({ ...facts, reason: 'payment_failed', cardType: 'amex' }, random)).toMatch(/Amex/);
    expect(botTranscriptOf('pause_subscription', false, random)).toMatch(/cannot pause/);
  });

  it('comments carry the sentiment of the score', () => {
    const random = seededRandom(3);
    for (const driver of DRIVERS) {
      expect(surveyComment(-1, driver, random)).not.toMatch(/Great|Excellent|easy|friendly/);
      expect(surveyComment(1, driver, random)).not.toMatch(/ridiculous|Frustrating|useless|Terrible/i);
    }
    expect(surveyComment(-1, 'pause_phone_only', random)).toMatch(/pause/i);
  });
});
