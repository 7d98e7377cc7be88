import type { TimelineEvent, TimelineReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { contactFacts, surveyScore } from './event-summary.ts';
import { groupByDay, propertyText, timelineSummary } from './timeline-days.ts';

const event = (seq: number, timestamp: string, patch: Partial<TimelineEvent> = {}): TimelineEvent => ({
  seq,
  timestamp,
  activity: 'Home Viewed',
  channel: 'web',
  touchpoint: null,
  stage: null,
  stageChanged: false,
  userId: null,
  anonymousId: 'a1',
  properties: {},
  contact: null,
  survey: null,
  ...patch,
});

const contact = {
  contactId: 'k1',
  medium: 'call',
  direction: null,
  queue: 'care',
  agentId: null,
  reason: 'bill_query',
  outcome: 'resolved',
  ivrSeconds: null,
  queueSeconds: 42,
  talkSeconds: 300,
  holdSeconds: 0,
  wrapSeconds: 20,
  transfers: 1,
};

const events = [
  event(1, '2026-01-05T23:59:59.000Z', { stage: 'Awareness', stageChanged: true }),
  event(2, '2026-01-06T00:00:00.000Z', { channel: 'phone', contact }),
  event(3, '2026-01-06T08:00:00.000Z', {
    channel: 'email',
    stage: 'Loyalty',
    stageChanged: true,
    survey: { survey: 'nps', score: 9, comment: null, contactId: null },
  }),
  event(4, '2026-01-09T10:00:00.000Z', { channel: 'phone', stage: 'Loyalty' }),
];

describe('timeline days and summary', () => {
  it('groups events by UTC day, in order', () => {
    expect(groupByDay(events).map((d) => [d.day, d.events.map((e) => e.seq)])).toEqual([
      ['2026-01-05', [1]],
      ['2026-01-06', [2, 3]],
      ['2026-01-09', [4]],
    ]);
    expect(groupByDay([])).toEqual([]);
  });

  it('counts events per channel, contacts, surveys, and lists the stage changes', () => {
    const report: TimelineReport = { customer: 'u1', identities: ['a1', 'u1'], journey: 'j', traits: {}, events };
    expect(timelineSummary(report)).toEqual({
      events: 4,
      firstTimestamp: '2026-01-05T23:59:59.000Z',
      lastTimestamp: '2026-01-09T10:00:00.000Z',
      channels: [
        { channel: 'phone', events: 2 },
        { channel: 'email', events: 1 },
        { channel: 'web', events: 1 },
      ],
      contacts: 1,
      surveys: 1,
      stageChanges: [
        { stage: 'Awareness', timestamp: '2026-01-05T23:59:59.000Z', seq: 1 },
        { stage: 'Loyalty', timestamp: '2026-01-06T08:00:00.000Z', seq: 3 },
      ],
    });
  });

  it('says a contact in facts, leaving out what was not given or took no time', () => {
    expect(contactFacts(contact)).toEqual([
      'call',
      'care queue',
      'bill query',
      'resolved',
      'waited 42 s',
      'talked 5 min',
      '1 transfer',
    ]);
    expect(
      contactFacts({ ...contact, direction: 'outbound', queue: null, reason: null, queueSeconds: null, transfers: 2 }),
    ).toEqual(['outbound call', 'resolved', 'talked 5 min', '2 transfers']);
  });

  it('reads scores on their scale', () => {
    expect(surveyScore({ survey: 'nps', score: 6, comment: null, contactId: null })).toEqual({
      text: 'NPS 6 · detractor',
      tone: 'bad',
    });
    expect(surveyScore({ survey: 'csat', score: 4, comment: null, contactId: null })?.tone).toBe('good');
    expect(surveyScore({ survey: 'ces', score: 4, comment: null, contactId: null })?.text).toBe('CES 4 of 7');
    expect(surveyScore({ survey: 'nps', score: null, comment: 'x', contactId: null })).toBeNull();
  });

  it('shows property values as text', () => {
    expect(propertyText('basic')).toBe('basic');
    expect(propertyText(12)).toBe('12');
    expect(propertyText({ a: [1] })).toBe('{"a":[1]}');
    expect(propertyText(null)).toBe('–');
  });
});
