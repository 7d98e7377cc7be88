/**
 * The KPI and customer timeline pages in a real browser against a real server, on the demo's
 * subscription world (contacts, IVR and bot sessions, NPS, CSAT and CES surveys) and its journey:
 * every KPI on screen (cards, tables, chart) is the API's number for the view in the address;
 * the CSV exports hold the tables' rows and the counts behind each rate; changing the grouping,
 * the charted KPI, a threshold or the breakdown changes the address and the numbers, and the
 * address alone reproduces the view; the timeline shows the API's events for a customer found
 * by any of their ids, with its stage changes, and says clearly when nobody has the id. Saves
 * docs/screenshots/kpis.png and timeline.png.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { KpiSet, KpisReport, TimelineReport } from '@waymark/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserHarness,
  csvColumns,
  downloadText,
  generatedMessages,
  paintedPixels,
  poll,
  screenshot,
  shownNumber,
  TOKEN,
  tableValues,
  WORLD_JOURNEY_ID,
} from './harness.ts';

const WORLD = { customers: 1_500, seed: 7, scenario: 'subscription' } as const;
const harness = browserHarness(WORLD);
const SCREENSHOT_VIEWPORT = { width: 1280, height: 1180 };

const text = (value: number | string | null): string => (value === null ? '' : String(value));
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** Every KPI the page shows, as [value, numerator, denominator], read from the API's KPI set. */
function readings(k: KpiSet): Record<string, [number | null, number, number]> {
  const c = k.contactCentre;
  const v = k.voiceOfCustomer;
  const rate = (r: { rate: number | null; numerator: number; denominator: number }) =>
    [r.rate, r.numerator, r.denominator] as [number | null, number, number];
  const mean = (r: { seconds: number | null; numerator: number; denominator: number }) =>
    [r.seconds, r.numerator, r.denominator] as [number | null, number, number];
  return {
    nps: [v.nps.score, v.nps.numerator, v.nps.denominator],
    csat: rate(v.csat),
    ces: [v.ces.mean.score, v.ces.mean.numerator, v.ces.mean.denominator],
    serviceLevel: rate(c.serviceLevel),
    averageSpeedOfAnswer: mean(c.averageSpeedOfAnswer),
    abandonRate: rate(c.abandonRate),
    averageHandleTime: mean(c.averageHandleTime),
    firstContactResolution: rate(c.firstContactResolution),
    repeatContactRate: rate(c.repeatContactRate),
    transferRate: rate(c.transferRate),
    containment: rate(c.containment),
  };
}
const RATE_KPIS = ['csat', 'serviceLevel', 'abandonRate', 'firstContactResolution', 'transferRate', 'containment'];

/** The headline cards show the report's total: each KPI's value, numerator, denominator and definition. */
async function expectCards(page: Page, report: KpisReport): Promise<void> {
  const kpis = report.total.kpis;
  const expected = readings(kpis);
  const attribute = (testId: string, name = 'data-value') => page.getByTestId(testId).getAttribute(name);
  await poll(() => attribute('kpi-firstContactResolution-numerator')).toBe(
    text(kpis.contactCentre.firstContactResolution.numerator),
  );
  for (const [key, [value, numerator, denominator]] of Object.entries(expected)) {
    expect([await attribute(`kpi-${key}`), await attribute(`kpi-${key}-numerator`)], key).toEqual([
      text(value),
      text(numerator),
    ]);
    expect(await attribute(`kpi-${key}-denominator`), key).toBe(text(denominator));
    expect(await attribute(`kpi-${key}-definition`, 'data-definition'), key).toBe(report.definitions.kpis[key]);
    if (RATE_KPIS.includes(key) && value !== null)
      expect(await page.getByTestId(`kpi-${key}`).textContent(), key).toBe(percent.format(value));
  }
  const c = kpis.contactCentre;
  for (const [key, value] of Object.entries({
    contacts: c.contacts,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    shortAbandons: c.shortAbandons,
  }))
    expect(await shownNumber(page, `kpi-${key}`), key).toBe(value);
  const v = kpis.voiceOfCustomer;
  expect(await shownNumber(page, 'kpi-nps-promoters')).toBe(v.nps.promoters);
  expect(await shownNumber(page, 'kpi-nps-passives')).toBe(v.nps.passives);
  expect(await shownNumber(page, 'kpi-nps-detractors')).toBe(v.nps.detractors);
  for (const [score, n] of Object.entries(v.csat.counts))
    expect(await shownNumber(page, `kpi-csat-score-${score}`)).toBe(n);
  for (const [score, n] of Object.entries(v.ces.counts))
    expect(await shownNumber(page, `kpi-ces-score-${score}`)).toBe(n);
  expect(await attribute('kpi-ces-top')).toBe(text(v.ces.scoring5to7.rate));
  expect(await attribute('kpi-ces-top-numerator')).toBe(text(v.ces.scoring5to7.numerator));
}

type Group = { group: string; name: string; kind: 'total' | 'by'; kpis: KpiSet };

/** The report's rows as the tables list them: the total and its groups, then each breakdown group. */
function groupsOf(report: KpisReport): Group[] {
  const rows: Group[] = [];
  const add = (group: string, kpis: KpiSet, by: KpisReport['total']['by']) => {
    rows.push({ group, name: 'Total', kind: 'total', kpis });
    for (const b of by) rows.push({ group, name: b.name, kind: 'by', kpis: b.kpis });
  };
  add('All customers', report.total.kpis, report.total.by);
  for (const g of report.groups) add(g.name, g.kpis, g.by);
  return rows;
}
const answers = (k: KpiSet) =>
  k.voiceOfCustomer.nps.denominator + k.voiceOfCustomer.csat.denominator + k.voiceOfCustomer.ces.mean.denominator;

const CONTACT_KPIS = [
  'serviceLevel',
  'averageSpeedOfAnswer',
  'abandonRate',
  'averageHandleTime',
  'firstContactResolution',
  'transferRate',
  'containment',
];
const CONTACT_CELLS = [
  'kpi-row-name',
  'kpi-cell-contacts',
  'kpi-cell-answered',
  ...CONTACT_KPIS.map((k) => `kpi-cell-${k}`),
];
function expectedContactRows(report: KpisReport, withGroup = false): string[][] {
  return groupsOf(report)
    .filter((r) => r.kind === 'total' || r.kpis.contactCentre.contacts > 0)
    .map((r) => {
      const read = readings(r.kpis);
      return [
        ...(withGroup ? [r.group] : []),
        r.name,
        text(r.kpis.contactCentre.contacts),
        text(r.kpis.contactCentre.answered),
        ...CONTACT_KPIS.map((k) => text(read[k]?.[0] ?? null)),
      ];
    });
}
const SURVEY_CELLS = [
  'kpi-row-name',
  'kpi-cell-answers',
  'kpi-cell-nps',
  'kpi-cell-promoters',
  'kpi-cell-passives',
  'kpi-cell-detractors',
  'kpi-cell-csat',
  'kpi-cell-ces',
  'kpi-cell-ces-top',
];
function expectedSurveyRows(report: KpisReport): string[][] {
  return groupsOf(report)
    .filter((r) => r.kind === 'total' || answers(r.kpis) > 0)
    .map(({ name, kpis: k }) => {
      const v = k.voiceOfCustomer;
      return [name, answers(k), v.nps.score, v.nps.promoters, v.nps.passives, v.nps.detractors, v.csat.rate]
        .concat([v.ces.mean.score, v.ces.scoring5to7.rate])
        .map((x) => text(x as number | string | null));
    });
}

async function expectTables(page: Page, report: KpisReport): Promise<void> {
  await poll(() => tableValues(page.getByTestId('kpi-contact-table-row'), CONTACT_CELLS)).toEqual(
    expectedContactRows(report),
  );
  expect(await tableValues(page.getByTestId('kpi-survey-table-row'), SURVEY_CELLS)).toEqual(expectedSurveyRows(report));
}

describe('KPI and timeline pages', () => {
  it('KPIs: cards, tables and chart are the API numbers; CSV; the view lives in the address', async () => {
    const url = harness.server.url;
    const api = (query: string) => harness.api<KpisReport>(`/api/reports/kpis?${query}`);
    const byChannel = await api('by=channel');
    // The world has every kind of KPI to show: no card is empty.
    for (const [key, [value]] of Object.entries(readings(byChannel.total.kpis))) expect(value, key).not.toBeNull();

    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/?token=${TOKEN}`);
    await page.getByTestId('nav-kpis').click();
    await page.waitForURL(`${url}/kpis`);
    await expectCards(page, byChannel);
    await expectTables(page, byChannel);

    // The chart: first-contact resolution per channel, for channels with contacts whose window closed.
    const fcrChannels = byChannel.total.by.filter((b) => b.kpis.contactCentre.firstContactResolution.denominator > 0);
    const chartValues = page.getByTestId('kpi-chart-values');
    expect(JSON.parse((await chartValues.getAttribute('data-categories')) ?? '')).toEqual(
      fcrChannels.map((b) => b.name),
    );
    expect(JSON.parse((await chartValues.getAttribute('data-values')) ?? '')).toEqual([
      fcrChannels.map((b) => b.kpis.contactCentre.firstContactResolution.rate),
    ]);
    expect(await paintedPixels(page.getByTestId('kpi-chart'))).toBeGreaterThan(3_000);

    // CSV: the table's rows, with the numerator and denominator behind every rate.
    const contactCsv = await downloadText(page, page.getByTestId('kpi-contact-table-csv'));
    expect(contactCsv.name).toBe('kpis-by-channel-contact-centre.csv');
    const csvNames = ['Channel', 'Contacts', 'Answered', 'Service level rate', 'ASA seconds', 'Abandoned rate'];
    csvNames.push('AHT seconds', 'FCR rate', 'Transferred rate', 'Contained rate');
    expect(csvColumns(contactCsv.text, csvNames)).toEqual(expectedContactRows(byChannel));
    const contactRowsApi = groupsOf(byChannel).filter((r) => r.kind === 'total' || r.kpis.contactCentre.contacts > 0);
    expect(
      csvColumns(contactCsv.text, [
        'FCR numerator',
        'FCR denominator',
        'ASA numerator',
        'Repeat rate',
        'Short abandons',
      ]),
    ).toEqual(
      contactRowsApi.map(({ kpis: { contactCentre: c } }) =>
        [
          c.firstContactResolution.numerator,
          c.firstContactResolution.denominator,
          c.averageSpeedOfAnswer.numerator,
          c.repeatContactRate.rate,
          c.shortAbandons,
        ].map(text),
      ),
    );
    const surveyCsv = await downloadText(page, page.getByTestId('kpi-survey-table-csv'));
    const surveyNames = ['Channel', 'Answers', 'NPS', 'Promoters', 'Passives', 'Detractors', 'CSAT rate', 'CES'];
    expect(csvColumns(surveyCsv.text, [...surveyNames, 'CES 5–7 rate'])).toEqual(expectedSurveyRows(byChannel));
    expect(csvColumns(surveyCsv.text, ['CSAT 5', 'CES 1', 'NPS numerator', 'NPS denominator'])[0]).toEqual(
      [
        byChannel.total.kpis.voiceOfCustomer.csat.counts['5'],
        byChannel.total.kpis.voiceOfCustomer.ces.counts['1'],
        byChannel.total.kpis.voiceOfCustomer.nps.numerator,
        byChannel.total.kpis.voiceOfCustomer.nps.denominator,
      ].map((n) => text(n ?? null)),
    );
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await screenshot(page, 'kpis.png');

    // By stage: the journey is asked for and offered; the stages come in the journey's order.
    await page.getByTestId('kpi-by').selectOption('stage');
    await page.waitForURL(`${url}/kpis?by=stage`);
    const byStage = await api(`journey=${WORLD_JOURNEY_ID}&by=stage`);
    expect(byStage.journey).toBe(WORLD_JOURNEY_ID);
    await expectTables(page, byStage);
    expect(await page.getByTestId('filter-journey').inputValue()).toBe(WORLD_JOURNEY_ID);

    // The charted KPI, a threshold and a breakdown: each in the address, the numbers follow.
    await page.getByTestId('kpi-chart-kpi').selectOption('nps');
    await page.waitForURL(`${url}/kpis?by=stage&kpi=nps`);
    const npsStages = byStage.total.by.filter((b) => b.kpis.voiceOfCustomer.nps.denominator > 0);
    await poll(async () => JSON.parse((await chartValues.getAttribute('data-values')) ?? '[]')).toEqual([
      npsStages.map((b) => b.kpis.voiceOfCustomer.nps.score),
    ]);
    await page.getByTestId('kpi-threshold-fcrDays').fill('3');
    await page.getByTestId('kpi-threshold-fcrDays').press('Enter');
    await page.waitForURL(`${url}/kpis?by=stage&kpi=nps&fcrDays=3`);
    const threeDays = await api(`journey=${WORLD_JOURNEY_ID}&by=stage&fcrDays=3`);
    expect(threeDays.total.kpis.contactCentre.firstContactResolution).not.toEqual(
      byStage.total.kpis.contactCentre.firstContactResolution,
    );
    await expectCards(page, threeDays);
    await page.getByTestId('filter-breakdown').selectOption('firstTouch');
    await page.waitForURL(`${url}/kpis?by=stage&kpi=nps&fcrDays=3&breakdown=firstTouch`);
    const split = await api(`journey=${WORLD_JOURNEY_ID}&by=stage&fcrDays=3&breakdown=firstTouch`);
    expect(split.groups.length).toBeGreaterThan(1);
    await poll(() =>
      tableValues(page.getByTestId('kpi-contact-table-row'), ['kpi-row-group', ...CONTACT_CELLS]),
    ).toEqual(expectedContactRows(split, true));
    await expectCards(page, split);

    // The address alone reproduces the view: after a reload, and in a new tab.
    await page.reload();
    await poll(() => page.getByTestId('kpi-by').inputValue()).toBe('stage');
    expect(await page.getByTestId('kpi-threshold-fcrDays').inputValue()).toBe('3');
    await expectCards(page, split);
    const shared = await harness.openPage();
    await shared.page.goto(`${url}/kpis?by=stage&kpi=nps&fcrDays=3&breakdown=firstTouch&token=${TOKEN}`);
    await expectCards(shared.page, split);
    await poll(() =>
      tableValues(shared.page.getByTestId('kpi-contact-table-row'), ['kpi-row-group', ...CONTACT_CELLS]),
    ).toEqual(expectedContactRows(split, true));
    expect(shared.errors).toEqual([]);
    expect(errors).toEqual([]);

    // A threshold the server refuses is named on its field, and no numbers stand for it.
    await page.getByTestId('kpi-threshold-fcrDays').fill('soon');
    await page.getByTestId('kpi-threshold-fcrDays').press('Enter');
    await poll(() => page.getByTestId('filter-error').getAttribute('data-param')).toBe('fcrDays');
    expect(await page.getByTestId('kpi-threshold-fcrDays').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('kpis').count()).toBe(0);
    expect(errors.map((e) => e.includes('status of 400'))).toEqual([true]);
  });

  it('timeline: a customer found by any id shows the API events by day, stage changes marked; unknown ids said clearly', async () => {
    const url = harness.server.url;
    const timeline = (id: string) =>
      harness.api<TimelineReport>(
        `/api/reports/timeline?customer=${encodeURIComponent(id)}&journey=${WORLD_JOURNEY_ID}`,
      );
    const { page, errors } = await harness.openPage();

    // From the event funnel's drop-off list to a customer's timeline.
    await page.goto(`${url}/funnel?dropOffAfter=1&token=${TOKEN}`);
    const firstDropped = page.getByTestId('drop-off-customer').first().locator('a');
    const droppedId = (await firstDropped.textContent()) ?? '';
    await firstDropped.click();
    await page.waitForURL(`${url}/timeline?customer=${encodeURIComponent(droppedId)}`);
    const dropped = await timeline(droppedId);
    await expectTimeline(page, dropped);

    // A customer with anonymous history, contacts and survey answers, found by their anonymousId.
    const { anonymousId, userId } = richCustomer();
    const input = page.getByTestId('timeline-customer-input');
    await input.fill(anonymousId);
    await input.press('Enter');
    await page.waitForURL(`${url}/timeline?customer=${encodeURIComponent(anonymousId)}`);
    const rich = await timeline(anonymousId);
    expect(rich.customer).toBe(userId);
    expect(rich.identities).toContain(anonymousId);
    await expectTimeline(page, rich);
    expect(await page.getByTestId('timeline-identities').textContent()).toContain(anonymousId);
    const contacts = rich.events.filter((e) => e.contact !== null);
    const surveys = rich.events.filter((e) => e.survey !== null);
    expect(contacts.length).toBeGreaterThan(0);
    expect(surveys.length).toBeGreaterThan(0);
    expect(await shownNumber(page, 'timeline-contact-count')).toBe(contacts.length);
    expect(await shownNumber(page, 'timeline-survey-count')).toBe(surveys.length);
    expect(await page.getByTestId('timeline-contact').count()).toBe(contacts.length);
    const channels = await page
      .getByTestId('timeline-channel')
      .evaluateAll((items) => items.map((i) => [i.getAttribute('data-channel'), Number(i.getAttribute('data-value'))]));
    expect(channels.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(rich.events.length);

    // An event's details: its properties as the API gives them.
    const contact = contacts[0]!;
    const row = page.locator(`[data-testid="timeline-event"][data-seq="${contact.seq}"]`);
    await row.getByTestId('timeline-event-toggle').click();
    const properties = await row
      .getByTestId('timeline-property')
      .evaluateAll((items) => items.map((i) => [i.getAttribute('data-key'), i.querySelector('td')?.textContent]));
    expect(properties).toEqual(
      Object.entries(contact.properties ?? {}).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
    expect(properties.map(([key]) => key)).not.toContain('transcript');
    await page.getByTestId('timeline-expand-all').click();
    await poll(() => page.getByTestId('timeline-event-details').count()).toBe(rich.events.length);
    await page.getByTestId('timeline-expand-all').click();
    await poll(() => page.getByTestId('timeline-event-details').count()).toBe(0);

    // The address is the view: a new tab opens the same customer.
    const shared = await harness.openPage();
    await shared.page.goto(`${url}/timeline?customer=${encodeURIComponent(anonymousId)}&token=${TOKEN}`);
    await expectTimeline(shared.page, rich);
    await shared.page.setViewportSize(SCREENSHOT_VIEWPORT);
    await screenshot(shared.page, 'timeline.png');
    expect(shared.errors).toEqual([]);
    expect(errors).toEqual([]);

    // Nobody has this id: the page says so (the API's 404), and shows no one else's journey.
    await input.fill('nobody-has-this-id');
    await input.press('Enter');
    await page.waitForURL(`${url}/timeline?customer=nobody-has-this-id`);
    const unknown = page.getByTestId('timeline-unknown');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('No customer with the id “nobody-has-this-id”');
    expect(await unknown.textContent()).toContain('no customer with id "nobody-has-this-id"');
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(errors.map((e) => e.includes('status of 404'))).toEqual([true]);

    // No id yet: the page opens on a real customer, the one whose journey crossed the most channels.
    await page.getByTestId('nav-timeline').click();
    await page.waitForURL(`${url}/timeline`);
    const suggested = await harness.api<TimelineReport>(`/api/reports/timeline?journey=${WORLD_JOURNEY_ID}`);
    await page.getByTestId('timeline-suggested').waitFor();
    expect(await page.getByTestId('timeline-suggested').textContent()).toContain(suggested.customer);
    await expectTimeline(page, suggested);
    expect(await page.getByTestId('timeline-empty').count()).toBe(0);
  });
});

/** The page shows `report`: the customer, every event in order grouped by day, the stage changes. */
async function expectTimeline(page: Page, report: TimelineReport): Promise<void> {
  const seqs = report.events.map((e) => String(e.seq));
  await poll(() =>
    page.getByTestId('timeline-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq'))),
  ).toEqual(seqs);
  expect(await page.getByTestId('timeline-customer-id').textContent()).toBe(report.customer);
  expect(await shownNumber(page, 'timeline-event-count')).toBe(report.events.length);
  const changed = report.events.filter((e) => e.stageChanged);
  expect(
    await page
      .locator('[data-testid="timeline-event"][data-stage-changed="true"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-seq'))),
  ).toEqual(changed.map((e) => String(e.seq)));
  expect(await page.getByTestId('timeline-stage-change').count()).toBe(changed.length);
  expect(
    await page.getByTestId('stage-path-step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-stage'))),
  ).toEqual(changed.map((e) => e.stage));
  expect(await shownNumber(page, 'timeline-stage-change-count')).toBe(changed.length);
  const days = new Set(report.events.map((e) => e.timestamp.slice(0, 10)));
  expect(
    await page.getByTestId('timeline-day').evaluateAll((items) => items.map((i) => i.getAttribute('data-day'))),
  ).toEqual([...days]);
}

/**
 * A customer of the generated world whose journey shows everything the page does: history under
 * an anonymousId before they were identified, contacts, a survey answer with a comment.
 */
function richCustomer(): { anonymousId: string; userId: string } {
  type Message = { userId?: string; anonymousId?: string; event?: string; properties?: { comment?: string } };
  const messages = generatedMessages(WORLD) as Message[];
  const owner = new Map<string, string>();
  for (const m of messages)
    if (m.userId && m.anonymousId && !owner.has(m.anonymousId)) owner.set(m.anonymousId, m.userId);
  const count = (predicate: (m: Message) => boolean) => {
    const counts = new Map<string, number>();
    for (const m of messages) {
      const who = m.userId ?? (m.anonymousId === undefined ? undefined : (owner.get(m.anonymousId) ?? m.anonymousId));
      if (who !== undefined && predicate(m)) counts.set(who, (counts.get(who) ?? 0) + 1);
    }
    return counts;
  };
  const events = count(() => true);
  const anonymous = count((m) => m.userId === undefined && m.anonymousId !== undefined);
  const contacts = count((m) => m.event === 'Contact Completed');
  const comments = count((m) => m.event === 'Survey Answered' && typeof m.properties?.comment === 'string');
  for (const [anonymousId, userId] of owner) {
    const n = events.get(userId) ?? 0;
    if ((anonymous.get(userId) ?? 0) >= 3 && (contacts.get(userId) ?? 0) >= 2 && (comments.get(userId) ?? 0) >= 1)
      if (n >= 12 && n <= 30) return { anonymousId, userId };
  }
  throw new Error('the generated world has no customer with anonymous history, contacts and a survey comment');
}
