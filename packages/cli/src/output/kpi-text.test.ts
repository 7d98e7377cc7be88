import { JourneyIndex, KPI_PROPERTIES, runReport, type TimelineReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { reportText } from './report-text.ts';

describe('readable KPI and timeline output', () => {
  it('shows the KPIs with the settings in force, a column per group', () => {
    const index = new JourneyIndex();
    for (const path of [...KPI_PROPERTIES, 'properties.contactId', 'properties.queue'])
      index.trackEventAttribute(path, { seq: new Float64Array(0), code: new Int32Array(0), values: [] });
    const contact = (seq: number, queue: string, queueSeconds: number, outcome: string) =>
      index.add({
        type: 'track',
        userId: `u${seq}`,
        anonymousId: null,
        previousId: null,
        timestampMs: seq * 1000,
        activity: 'Contact Completed',
        channel: 'phone',
        properties: { queue, queueSeconds, outcome },
        seq,
      });
    contact(1, 'care', 10, 'resolved');
    contact(2, 'care', 50, 'abandoned');
    contact(3, 'sales', 2, 'abandoned');
    const text = reportText('kpis', runReport(index, 'kpis', { by: 'queue' }));
    expect(text).toContain('short abandons (< 5 s) excluded');
    expect(text).toMatch(/KPI\s+total\s+care\s+sales/);
    expect(text).toMatch(/abandon rate\s+50\.0%\s+50\.0%\s+-/);
  });

  it('shows a timeline line per event, stage changes marked', () => {
    const event = {
      seq: 1,
      channel: 'phone' as const,
      userId: 'u1',
      anonymousId: null,
      properties: null,
      survey: null,
    };
    const timeline: TimelineReport = {
      customer: 'u1',
      identities: ['a1', 'u1'],
      journey: 'j',
      traits: { tier: 'vip' },
      events: [
        {
          ...event,
          timestamp: '2026-01-01T00:00:00.000Z',
          activity: 'Contact Completed',
          touchpoint: 'Support call',
          stage: 'Service',
          stageChanged: true,
          contact: {
            contactId: null,
            medium: 'call',
            direction: null,
            queue: 'care',
            agentId: null,
            reason: 'billing',
            outcome: 'resolved',
            ivrSeconds: null,
            queueSeconds: 42,
            talkSeconds: null,
            holdSeconds: null,
            wrapSeconds: null,
            transfers: null,
          },
        },
      ],
    };
    const text = reportText('timeline', timeline);
    expect(text).toContain('Customer u1 (a1, u1): 1 events, journey j');
    expect(text).toContain('traits: tier=vip');
    expect(text).toMatch(/▶ Service\s+Support call\s+call, queue care, reason billing, resolved, waited 42 s/);
  });
});
