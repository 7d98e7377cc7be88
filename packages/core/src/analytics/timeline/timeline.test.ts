import { describe, expect, it } from 'vitest';
import { ReportParamError } from '../filter/filter.ts';
import { careEnvironment, kpiIndex, type TestEvent } from '../kpis/kpi-test-index.ts';
import { EMPTY_ENVIRONMENT } from '../report-environment.ts';
import { runReport } from '../reports.ts';
import { withStoredDetails } from './timeline-details.ts';
import { UnknownCustomerError } from './timeline-report.ts';

const history: TestEvent[] = [
  { who: 'anon:9', activity: 'Order Completed', seconds: 0, channel: 'web' },
  { who: 'anon:9', activity: 'Contact Completed', seconds: 10, channel: 'phone', properties: { outcome: 'resolved' } },
  { who: 'u8', activity: 'Order Completed', seconds: 15 },
  { who: 'u9', anonymousId: 'anon:9', activity: 'Signed Up', seconds: 20, channel: 'web' },
  { who: 'u9', activity: 'Contact Completed', seconds: 30, channel: 'phone', properties: { outcome: 'abandoned' } },
  { who: 'u9', activity: 'Survey Answered', seconds: 40, channel: 'email', properties: { survey: 'nps', score: 9 } },
];

describe('timeline', () => {
  it('gives a stitched customer’s events in order with touchpoints, stages and stage changes', () => {
    const report = runReport(kpiIndex(history), 'timeline', { customer: 'anon:9' }, careEnvironment());
    expect(report).toMatchObject({ customer: 'u9', identities: ['anon:9', 'u9'], journey: 'care' });
    expect(report.events.map((e) => [e.activity, e.channel, e.touchpoint, e.stage, e.stageChanged])).toEqual([
      ['Order Completed', 'web', 'Order', 'Buy', true],
      ['Contact Completed', 'phone', 'Support call', 'Service', true],
      ['Signed Up', 'web', null, null, false],
      ['Contact Completed', 'phone', 'Abandoned call', 'Service', false],
      ['Survey Answered', 'email', 'Survey', 'Advocacy', true],
    ]);
    expect(report.events.map((e) => e.seq)).toEqual([0, 1, 3, 4, 5]);
    expect(report.events[0]?.timestamp).toBe('1970-01-01T00:00:00.000Z');
  });

  it('without a journey, gives events without touchpoints', () => {
    const report = runReport(kpiIndex(history), 'timeline', { customer: 'u9' }, EMPTY_ENVIRONMENT);
    expect(report.journey).toBeNull();
    expect(report.events.every((e) => e.stage === null && !e.stageChanged)).toBe(true);
  });

  it('says clearly when the customer is unknown or erased, or not named', () => {
    const index = kpiIndex(history);
    expect(() => runReport(index, 'timeline', { customer: 'nobody' }, careEnvironment())).toThrow(UnknownCustomerError);
    index.erase(index.findCustomer('u9') as number);
    for (const customer of ['u9', 'anon:9']) {
      expect(() => runReport(index, 'timeline', { customer }, careEnvironment())).toThrow(/no customer with id/);
    }
    expect(() => runReport(index, 'timeline', { customer: '' }, careEnvironment())).toThrow(ReportParamError);
    expect(new UnknownCustomerError('x').statusCode).toBe(404);
  });

  it('with no customer named, opens on the one whose journey crossed the most channels, then the most events', () => {
    // u9 (with anon:9): web, phone and email; u8: one event with no channel.
    expect(runReport(kpiIndex(history), 'timeline', {}, careEnvironment()).customer).toBe('u9');
    const tie = [
      { who: 'a', activity: 'Order Completed', seconds: 0, channel: 'web' },
      { who: 'a', activity: 'Order Completed', seconds: 1, channel: 'app' },
      { who: 'b', activity: 'Order Completed', seconds: 0, channel: 'web' },
      { who: 'b', activity: 'Order Completed', seconds: 1, channel: 'store' },
      { who: 'b', activity: 'Order Completed', seconds: 2, channel: 'store' },
      { who: 'c', activity: 'Order Completed', seconds: 0 },
      { who: 'c', activity: 'Order Completed', seconds: 1 },
      { who: 'c', activity: 'Order Completed', seconds: 2 },
      { who: 'c', activity: 'Order Completed', seconds: 3 },
    ] satisfies TestEvent[];
    expect(runReport(kpiIndex(tie), 'timeline', {}, EMPTY_ENVIRONMENT).customer).toBe('b');
    expect(() => runReport(kpiIndex([]), 'timeline', {}, EMPTY_ENVIRONMENT)).toThrow(UnknownCustomerError);
  });

  it('takes the ids as sent, contact and survey details and traits from the stored events', () => {
    const report = runReport(kpiIndex(history), 'timeline', { customer: 'u9' }, careEnvironment());
    const base = { userId: null, anonymousId: 'anon:9', traits: null };
    const detailed = withStoredDetails(report, [
      {
        ...base,
        seq: 1,
        type: 'track',
        activity: 'Contact Completed',
        properties: { reason: 'move', queueSeconds: 12, transcript: 'Agent: Hello …' },
      },
      { ...base, seq: 2, type: 'identify', activity: null, properties: null, traits: { tier: 'gold', name: 'Ann' } },
      { ...base, seq: 2.5, type: 'identify', activity: null, properties: null, traits: { tier: 'vip' } },
      {
        ...base,
        seq: 5,
        userId: 'u9',
        type: 'track',
        activity: 'Survey Answered',
        properties: { survey: 'nps', score: 9, comment: 'Quick fix' },
      },
    ]);
    expect(detailed.traits).toEqual({ tier: 'vip', name: 'Ann' });
    expect(detailed.events[1]).toMatchObject({
      anonymousId: 'anon:9',
      properties: { reason: 'move', queueSeconds: 12 }, // the transcript left out
      contact: { reason: 'move', queueSeconds: 12, outcome: null, talkSeconds: null },
      survey: null,
    });
    expect(detailed.events[4]).toMatchObject({
      userId: 'u9',
      survey: { survey: 'nps', score: 9, comment: 'Quick fix', contactId: null },
    });
    expect(detailed.events[1]?.properties).not.toHaveProperty('transcript');
    expect(detailed.events[4]?.properties).toEqual({ survey: 'nps', score: 9, comment: 'Quick fix' });
    expect(detailed.events[0]?.contact).toBeNull(); // not in the stored list: left as it was
    expect(detailed.events[0]?.properties).toBeNull();
  });
});
