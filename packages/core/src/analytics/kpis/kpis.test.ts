import { describe, expect, it } from 'vitest';
import { ReportParamError } from '../filter/filter.ts';
import { runReport } from '../reports.ts';
import { careEnvironment, contact, DAY, HOUR, kpiIndex, survey, type TestEvent } from './kpi-test-index.ts';

const kpis = (events: readonly TestEvent[], params: Record<string, string> = {}) =>
  runReport(kpiIndex(events), 'kpis', params, careEnvironment());
const centre = (events: readonly TestEvent[], params: Record<string, string> = {}) =>
  kpis(events, params).total.kpis.contactCentre;

describe('contact-centre KPIs, counted by hand', () => {
  const contacts = [
    contact('u1', 0, {
      queueSeconds: 10,
      talkSeconds: 100,
      holdSeconds: 20,
      wrapSeconds: 30,
      outcome: 'resolved',
      transfers: 1,
    }),
    contact('u1', 1000, { queueSeconds: 3, outcome: 'abandoned' }), // a short abandon
    contact('u1', 2000, { queueSeconds: 30, outcome: 'abandoned' }),
    contact('u1', 3000, { queueSeconds: 25, talkSeconds: 200, outcome: 'transferred' }),
    contact('u2', 4000, { talkSeconds: 50, outcome: 'resolved' }), // straight to an agent: offered, no wait
    contact('u2', 5000, { medium: 'ivr', ivrSeconds: 60, outcome: 'self_served' }), // never queued
    contact('u2', 5500, { medium: 'ivr', ivrSeconds: 60, outcome: 'abandoned' }), // left in the IVR: not in queue
  ];

  it('offered, answered, abandons, ASA, AHT, transfers', () => {
    const k = centre(contacts);
    expect(k).toMatchObject({ contacts: 7, offered: 5, answered: 3, abandoned: 2, shortAbandons: 1 });
    expect(k.averageSpeedOfAnswer).toEqual({ numerator: 35, denominator: 3, seconds: 35 / 3 });
    expect(k.averageHandleTime).toEqual({ numerator: 400, denominator: 3, seconds: 400 / 3 });
    expect(k.transferRate).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('abandon rate and service level, short abandons excluded from both sides by default, or counted', () => {
    const excluded = centre(contacts);
    expect(excluded.abandonRate).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(excluded.serviceLevel).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    const counted = centre(contacts, { excludeShortAbandons: 'false' });
    expect(counted.abandonRate).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    expect(counted.serviceLevel).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    // A longer short-abandon threshold makes the 30 s abandon short too; a longer service level takes the 25 s answer.
    expect(centre(contacts, { shortAbandonSeconds: '31' }).abandonRate).toMatchObject({ numerator: 0, denominator: 3 });
    expect(centre(contacts, { serviceLevelSeconds: '25' }).serviceLevel).toMatchObject({
      numerator: 3,
      denominator: 4,
    });
  });

  it('says which definitions are in force', () => {
    const report = kpis(contacts, { fcrDays: '3', excludeShortAbandons: 'false' });
    expect(report.definitions.settings).toEqual({
      serviceLevelSeconds: 20,
      shortAbandonSeconds: 5,
      excludeShortAbandons: false,
      fcrDays: 3,
      containmentHours: 24,
    });
    expect(report.definitions.dataEnd).toBe('1970-01-01T01:31:40.000Z');
    expect(report.definitions.kpis.firstContactResolution).toContain('within 3 days');
    expect(report.definitions.kpis.abandonRate).toContain('short abandons counted');
  });

  it('refuses bad thresholds and dimensions', () => {
    expect(() => centre(contacts, { fcrDays: '0' })).toThrow(ReportParamError);
    expect(() => centre(contacts, { excludeShortAbandons: 'yes' })).toThrow(/true or false/);
    expect(() => centre(contacts, { by: 'agent' })).toThrow(/by: expected one of queue/);
  });
});

describe('IVR and bot sessions that dead-end, counted by hand', () => {
  // The subscription world's menus that loop and bots that do not understand end `unresolved` with no
  // agent: they never reached a queue or an agent, so they are neither offered nor answered.
  const sessions = [
    contact('u1', 0, { medium: 'ivr', ivrSeconds: 60, outcome: 'self_served' }), // contained: no agent within 24 h
    contact('u1', HOUR, { medium: 'ivr', ivrSeconds: 90, outcome: 'unresolved' }), // dead end
    { ...contact('u2', 0, { medium: 'bot', outcome: 'unresolved' }), channel: 'bot' as const }, // dead end
    contact('u3', 0, { medium: 'ivr', agentId: 'a1', queueSeconds: 40, talkSeconds: 100, outcome: 'resolved' }),
    contact('u4', 0, { medium: 'call', agentId: 'a2', queueSeconds: 20, talkSeconds: 300, outcome: 'unresolved' }),
  ];

  it('are neither offered nor answered, and do not pull ASA or AHT down', () => {
    const k = centre(sessions);
    expect(k).toMatchObject({ contacts: 5, offered: 2, answered: 2, abandoned: 0 });
    // (40 + 20) / 2 and (100 + 300) / 2; counting the dead ends as answered with no wait gave 60 / 4 and 400 / 4.
    expect(k.averageSpeedOfAnswer).toEqual({ numerator: 60, denominator: 2, seconds: 30 });
    expect(k.averageHandleTime).toEqual({ numerator: 400, denominator: 2, seconds: 200 });
    expect(k.serviceLevel).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('do not count as an agent contact against containment', () => {
    // Entered self-service: u1's two sessions, u2's bot session and u3's IVR session (medium ivr).
    expect(centre(sessions).containment).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
  });

  it('by medium: the dead ends stay in contacts only', () => {
    const byMedium = kpis(sessions, { by: 'medium' }).total.by;
    const of = (name: string) => byMedium.find((b) => b.name === name)?.kpis.contactCentre;
    expect(of('ivr')).toMatchObject({ contacts: 3, offered: 1, answered: 1 });
    expect(of('bot')).toMatchObject({ contacts: 1, offered: 0, answered: 0 });
    expect(of('call')).toMatchObject({ contacts: 1, offered: 1, answered: 1 });
  });
});

describe('first-contact resolution', () => {
  const history = [
    contact('u1', 0, { reason: 'billing' }), // repeated by the billing contact on day 5
    contact('u1', 2 * DAY, { reason: 'payment' }), // no payment contact follows; the no-reason one is 18 days on
    contact('u1', 5 * DAY, { reason: 'billing' }),
    contact('u1', 20 * DAY, {}), // window ends on day 27, before the data ends
    contact('u2', 0, { reason: 'billing' }),
    contact('u2', 8 * DAY, { reason: 'billing' }), // 8 days on: outside the window
    contact('u5', 0, { reason: 'billing' }), // a contact of unknown reason a day later is a repeat
    contact('u5', DAY, {}),
    contact('anon:3', 0, { reason: 'billing' }), // not identified: never in the denominator
    { who: 'u4', activity: 'Home Viewed', seconds: 30 * DAY }, // the data's last event
  ];

  it('counts contacts whose window closed by the data end; same reason when both are known', () => {
    expect(centre(history).firstContactResolution).toEqual({ numerator: 6, denominator: 8, rate: 0.75 });
    expect(centre(history).repeatContactRate).toEqual({ numerator: 2, denominator: 8, rate: 0.25 });
  });

  it('leaves out contacts whose window is still open at the data end', () => {
    const earlierEnd = history.map((e) => (e.who === 'u4' ? { ...e, seconds: 26 * DAY } : e));
    expect(centre(earlierEnd).firstContactResolution).toEqual({ numerator: 5, denominator: 7, rate: 5 / 7 });
    // An 11-day window: u2's first contact repeats on day 8; u1's day-20 contact has not closed by day 30.
    expect(centre(history, { fcrDays: '11' }).firstContactResolution).toMatchObject({ numerator: 4, denominator: 7 });
  });

  it('counts contacts in the date range, and looks for repeats beyond it', () => {
    expect(centre(history, { from: '1970-01-02' }).firstContactResolution).toMatchObject({
      numerator: 5,
      denominator: 5,
    });
    // u1's first contact repeats on day 5, after `to`: still a repeat.
    expect(centre(history, { to: '1970-01-04' }).firstContactResolution).toMatchObject({
      numerator: 3,
      denominator: 5,
    });
  });

  it('sees stitched anonymous contacts as the identified customer’s', () => {
    const stitched = [
      contact('anon:7', 0, { reason: 'move' }),
      { who: 'u7', anonymousId: 'anon:7', activity: 'Signed Up', seconds: DAY },
      contact('u7', 2 * DAY, { reason: 'move' }),
      { who: 'u7', activity: 'Home Viewed', seconds: 30 * DAY },
    ];
    expect(centre(stitched).firstContactResolution).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });
});

describe('containment', () => {
  const selfServed = (who: string, seconds: number, medium = 'ivr') =>
    contact(who, seconds, { medium, outcome: 'self_served' });
  const agent = (who: string, seconds: number) => contact(who, seconds, { queueSeconds: 5, outcome: 'resolved' });
  const history = [
    selfServed('u1', 0),
    agent('u1', 2 * HOUR), // an agent contact 2 h later: not contained
    selfServed('u1', 30 * HOUR),
    agent('u1', 55 * HOUR), // 25 h later: contained
    selfServed('u1', 100 * HOUR, 'bot'),
    contact('u1', 101 * HOUR, { queueSeconds: 40, outcome: 'abandoned' }), // never reached an agent: contained
    selfServed('u2', 0),
    agent('u2', 0), // same time, arrived later: after it
    agent('u3', 0),
    selfServed('u3', 0), // same time, arrived earlier: before it
    contact('u4', 0, { medium: 'call', ivrSeconds: 30, queueSeconds: 10, outcome: 'resolved' }), // entered the IVR, went on
  ];

  it('counts self-served contacts with no agent contact within 24 h, of those that entered IVR/bot', () => {
    expect(centre(history).containment).toEqual({ numerator: 3, denominator: 6, rate: 0.5 });
    expect(centre(history, { containmentHours: '26' }).containment).toMatchObject({ numerator: 2, denominator: 6 });
  });
});

describe('voice of the customer', () => {
  const answers = [
    ...[10, 9, 8, 7, 6, 0, 3].map((score, i) => survey(`u${i}`, i, 'nps', score)),
    survey('u1', 100, 'nps', 11), // off the scale
    survey('u1', 101, 'nps', 8.5), // not a whole score
    survey('u1', 102, 'nps', 'great'),
    ...[5, 4, 4, 3, 1].map((score, i) => survey(`u${i}`, 200 + i, 'csat', score)),
    ...[7, 5, 2, 6].map((score, i) => survey(`u${i}`, 300 + i, 'ces', score)),
    survey('u1', 400, 'pulse', 3), // another survey
  ];

  it('NPS with its three counts, CSAT top-two box with five counts, CES mean and 5–7', () => {
    const voc = kpis(answers).total.kpis.voiceOfCustomer;
    expect(voc.nps).toEqual({
      promoters: 2,
      passives: 2,
      detractors: 3,
      numerator: -1,
      denominator: 7,
      score: -100 / 7,
    });
    expect(voc.csat).toEqual({ counts: { 1: 1, 2: 0, 3: 1, 4: 2, 5: 1 }, numerator: 3, denominator: 5, rate: 0.6 });
    expect(voc.ces).toEqual({
      counts: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1, 6: 1, 7: 1 },
      mean: { numerator: 20, denominator: 4, score: 5 },
      scoring5to7: { numerator: 3, denominator: 4, rate: 0.75 },
    });
  });
});

describe('grouping', () => {
  const events: TestEvent[] = [
    { who: 'u1', activity: null, seconds: 0, traits: { tier: 'vip' } },
    contact('u1', 0, { queue: 'care', contactId: 'k1', queueSeconds: 5, outcome: 'resolved' }),
    contact('u1', 10, { queue: 'sales', contactId: 'k2', queueSeconds: 50, outcome: 'abandoned' }),
    survey('u1', 20, 'csat', 5, { contactId: 'k1' }), // rates the care contact
    survey('u2', 20, 'csat', 2, { contactId: 'k1' }), // another customer's k1: not linked
    contact('u2', 30, { queue: 'care', queueSeconds: 5, outcome: 'resolved' }),
  ];

  it('by queue: surveys follow the contact they rate; totals unchanged', () => {
    const report = kpis(events, { by: 'queue' });
    const by = report.total.by.map((g) => [
      g.name,
      g.kpis.contactCentre.contacts,
      g.kpis.voiceOfCustomer.csat.denominator,
    ]);
    expect(by).toEqual([
      ['care', 2, 1],
      ['sales', 1, 0],
      ['(none)', 0, 1],
    ]);
    expect(report.total.kpis.contactCentre.contacts).toBe(3);
    expect(report.total.kpis).toEqual(kpis(events).total.kpis);
  });

  it('by stage and touchpoint of the journey, in the journey’s order', () => {
    const stages = kpis(events, { by: 'stage' });
    expect(stages.journey).toBe('care');
    expect(stages.total.by.map((g) => [g.name, g.kpis.contactCentre.contacts])).toEqual([
      ['Service', 3],
      ['Advocacy', 0],
    ]);
    const touchpoints = kpis(events, { by: 'touchpoint' }).total.by;
    expect(touchpoints.map((g) => [g.name, g.kpis.contactCentre.contacts])).toEqual([
      ['Abandoned call', 1],
      ['Support call', 2],
      ['Survey', 0],
    ]);
  });

  it('by channel, and per breakdown group with a segment', () => {
    const report = kpis(events, { by: 'channel', breakdown: 'traits.tier' });
    // u1's survey rates their phone contact; u2's names no contact of theirs, so it stays on e-mail.
    expect(report.total.by.map((g) => [g.name, g.kpis.voiceOfCustomer.csat.denominator])).toEqual([
      ['phone', 1],
      ['email', 1],
    ]);
    expect(report.groups.map((g) => [g.name, g.kpis.contactCentre.contacts, g.by.length])).toEqual([
      ['vip', 2, 1],
      ['(none)', 1, 2],
    ]);
    expect(centre(events, { segment: 'traits.tier=vip' }).contacts).toBe(2);
  });
});
