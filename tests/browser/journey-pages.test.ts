/**
 * The journey report pages in a real browser against a real server: the stage funnel, the
 * event funnel and their shared filter bar. The numbers shown are the API's numbers for the
 * filter in the address; changing a filter changes the address and the numbers; CSV exports hold
 * the table's rows; refused filters are explained. Saves screenshots to docs/screenshots/.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { EventFunnelReport, FunnelStep, StageFunnelReport } from '@waymark/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserHarness,
  digits,
  downloadText,
  JOURNEY_ID,
  paintedPixels,
  parseCsv,
  poll,
  screenshot,
  shownNumber,
  TOKEN,
  tableValues,
} from './harness.ts';

const harness = browserHarness({ customers: 2_000, seed: 23 });
const SCREENSHOT_VIEWPORT = { width: 1280, height: 1180 };

/** A report's step rows as the step table shows them: total first, then each group. */
interface StepGroup {
  name: string;
  steps: FunnelStep[];
}
const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
function expectedStepRows(total: StepGroup, groups: readonly StepGroup[]): string[][] {
  return [total, ...groups].flatMap((group, g) =>
    group.steps.map((step) => [
      g === 0 ? 'All customers' : group.name,
      step.name,
      String(step.customers),
      text(step.conversionFromPrevious.rate),
      text(step.conversionFromStart.rate),
      String(step.droppedOff),
      text(step.timeFromPrevious?.medianSeconds),
      text(step.timeFromPrevious?.p90Seconds),
    ]),
  );
}
const STEP_CELLS = [
  'step-group',
  'step-name',
  'step-customers',
  'step-from-previous',
  'step-from-start',
  'step-dropped',
  'step-median',
  'step-p90',
];

/** The step table's values, with the group column filled in as "All customers" when there is none. */
async function shownStepRows(page: Page): Promise<string[][]> {
  const rows = await tableValues(page.getByTestId('step-row'), STEP_CELLS);
  return rows.map(([group, ...rest]) => [group === '' ? 'All customers' : (group as string), ...rest]);
}

/** The CSV's rows as the same cells, by header name. */
function csvStepRows(csv: string[][], anyOrder: boolean): string[][] {
  const [header, ...rows] = csv;
  const column = (name: string) => {
    const index = header!.indexOf(name);
    expect(index, `CSV column ${name} in ${header!.join(',')}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const hasGroup = header!.includes('Group');
  const columns = [
    'Conversion from previous',
    'Conversion from first step',
    'Dropped off',
    'Median seconds from previous',
    'p90 seconds from previous',
  ].map(column);
  const name = column(anyOrder ? 'Stage' : 'Step');
  const customers = column('Customers');
  if (anyOrder) column('Reached in any order');
  return rows.map((row) => [
    hasGroup ? row[column('Group')]! : 'All customers',
    row[name]!,
    row[customers]!,
    ...columns.map((i) => row[i]!),
  ]);
}

describe('journey pages', () => {
  it('stage funnel: API numbers, breakdown and dates in the address, CSV export, refused filters explained', async () => {
    const url = harness.server.url;
    const report = await harness.api<StageFunnelReport>(`/api/reports/stage-funnel?journey=${JOURNEY_ID}`);
    expect(report.total.customers).toBe(2_000);
    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/stage-funnel?token=${TOKEN}`);

    // Headline, chart, times between stages and the table: the API's numbers.
    expect(await shownNumber(page, 'stage-customers')).toBe(report.total.customers);
    expect(await shownNumber(page, 'stage-first')).toBe(report.total.steps[0]!.customers);
    expect(await shownNumber(page, 'stage-last')).toBe(report.total.steps.at(-1)!.customers);
    expect(await paintedPixels(page.getByTestId('stage-chart'))).toBeGreaterThan(1_000);
    await poll(() => page.getByTestId('step-row').count()).toBe(report.stages.length);
    expect(await shownStepRows(page)).toEqual(expectedStepRows(report.total, []));
    expect(await tableValues(page.getByTestId('step-row'), ['step-any-order'])).toEqual(
      report.total.steps.map((step) => [String(step.reachedAnyOrder)]),
    );
    const firstCustomers = page.getByTestId('step-customers').first();
    expect(digits(await firstCustomers.textContent())).toBe(String(report.total.steps[0]!.customers));
    expect(
      await page.getByTestId('transition-median').evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
    ).toEqual(report.total.steps.slice(1).map((step) => text(step.timeFromPrevious?.medianSeconds)));
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await screenshot(page, 'stage-funnel.png');

    // CSV export: a file whose rows are the table's.
    const plain = await downloadText(page, page.getByTestId('stage-table-csv'));
    expect(plain.name).toBe(`stage-funnel-${JOURNEY_ID}.csv`);
    expect(csvStepRows(parseCsv(plain.text), true)).toEqual(await shownStepRows(page));

    // Breakdown by first touch: in the address, one group per channel, the groups add up to the total.
    await page.getByTestId('filter-breakdown').selectOption('firstTouch');
    await page.waitForURL(/\/stage-funnel\?breakdown=firstTouch$/);
    const broken = await harness.api<StageFunnelReport>(
      `/api/reports/stage-funnel?journey=${JOURNEY_ID}&breakdown=firstTouch`,
    );
    expect(broken.groups.length).toBeGreaterThan(1);
    const groupRows = page.getByTestId('group-row');
    await poll(() => groupRows.count()).toBe(broken.groups.length);
    const groups = await tableValues(groupRows, ['group-name', 'group-customers']);
    expect(groups).toEqual(broken.groups.map((g) => [g.name, String(g.customers)]));
    const sum = groups.reduce((total, [, customers]) => total + Number(customers), 0);
    expect(sum).toBe(await shownNumber(page, 'stage-customers'));
    await poll(() => page.getByTestId('step-row').count()).toBe(report.stages.length * (1 + broken.groups.length));
    expect(await shownStepRows(page)).toEqual(expectedStepRows(broken.total, broken.groups));
    const byGroup = await downloadText(page, page.getByTestId('stage-table-csv'));
    expect(byGroup.name).toBe(`stage-funnel-${JOURNEY_ID}-firsttouch.csv`);
    expect(csvStepRows(parseCsv(byGroup.text), true)).toEqual(await shownStepRows(page));
    const groupCsv = parseCsv((await downloadText(page, page.getByTestId('group-table-csv'))).text);
    expect(groupCsv.slice(1).map((row) => [row[0], row[1]])).toEqual(groups);

    // The chart scale is in the address too; a reload keeps the whole view.
    await page.getByTestId('scale-percent').click();
    await page.waitForURL(/breakdown=firstTouch&scale=percent$/);
    await screenshot(page, 'stage-funnel-breakdown.png');
    await page.reload();
    await poll(() => page.getByTestId('filter-breakdown').inputValue()).toBe('firstTouch');
    await poll(() => page.getByTestId('scale-percent').getAttribute('aria-pressed')).toBe('true');
    await poll(() => groupRows.count()).toBe(broken.groups.length);

    // A date range and a segment: in the address, and the numbers are the API's for them.
    await page.getByTestId('filter-from').fill('2026-01-10');
    await page.getByTestId('filter-to').fill('2026-01-20');
    await page.waitForURL(/from=2026-01-10&to=2026-01-20/);
    await page.getByTestId('filter-segment').fill('properties.plan=pro|basic');
    await page.getByTestId('filter-segment').press('Enter');
    await page.waitForURL(/segment=properties.plan%3Dpro%7Cbasic/);
    const filtered = await harness.api<StageFunnelReport>(
      `/api/reports/stage-funnel?journey=${JOURNEY_ID}&breakdown=firstTouch&from=2026-01-10&to=2026-01-20&segment=${encodeURIComponent('properties.plan=pro|basic')}`,
    );
    expect(filtered.total.customers).toBeGreaterThan(0);
    expect(filtered.total.customers).toBeLessThan(report.total.customers);
    await poll(() => page.getByTestId('stage-customers').getAttribute('data-value')).toBe(
      String(filtered.total.customers),
    );
    expect(await shownStepRows(page)).toEqual(expectedStepRows(filtered.total, filtered.groups));

    // A segment the server refuses: its own words, on the field it names, and no stale numbers.
    const refusal = await fetch(
      `${url}/api/reports/stage-funnel?journey=${JOURNEY_ID}&segment=${encodeURIComponent('plan is pro')}`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    expect(refusal.status).toBe(400);
    const { error } = (await refusal.json()) as { error: string };
    await page.getByTestId('filter-segment').fill('plan is pro');
    await page.getByTestId('filter-segment').press('Enter');
    const shownError = page.getByTestId('filter-error');
    await poll(() => shownError.textContent()).toContain(error);
    expect(await shownError.getAttribute('data-param')).toBe('segment');
    expect(await page.getByTestId('filter-segment').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('stage-funnel').count()).toBe(0);

    // Clearing the filters goes back to every customer.
    await page.getByTestId('filter-clear').click();
    await page.waitForURL(`${url}/stage-funnel?scale=percent`);
    await poll(() => page.getByTestId('stage-customers').getAttribute('data-value')).toBe(
      String(report.total.customers),
    );
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    expect(errors.length).toBe(1);
  }, 150_000);

  it('event funnel: journey funnels, mode, custom steps, drop-off customers and their CSV', async () => {
    const url = harness.server.url;
    const api = <T>(query: string) => harness.api<T>(`/api/reports/funnel?journey=${JOURNEY_ID}&${query}`);
    const checkout = await api<EventFunnelReport>('funnel=Checkout');
    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/?token=${TOKEN}`);
    await page.getByTestId('nav-funnel').click();
    await page.waitForURL(`${url}/funnel`);

    // The journey's first funnel by default, with the API's numbers.
    expect(await page.getByTestId('funnel-select').inputValue()).toBe('Checkout');
    expect(await shownNumber(page, 'funnel-customers')).toBe(checkout.total.customers);
    expect(await shownNumber(page, 'funnel-started')).toBe(checkout.total.steps[0]!.customers);
    expect(await shownNumber(page, 'funnel-converted')).toBe(checkout.total.steps.at(-1)!.customers);
    await poll(() => page.getByTestId('step-row').count()).toBe(checkout.steps.length);
    expect(await shownStepRows(page)).toEqual(expectedStepRows(checkout.total, []));
    expect(await page.getByTestId('convert-median').getAttribute('data-value')).toBe(
      text(checkout.total.timeToConvert?.medianSeconds),
    );
    expect(await shownNumber(page, 'convert-count')).toBe(checkout.total.timeToConvert!.count);
    expect(await paintedPixels(page.getByTestId('funnel-chart'))).toBeGreaterThan(1_000);

    // Mode: in the address, and the numbers follow.
    await page.getByTestId('funnel-mode-strict').click();
    await page.waitForURL(`${url}/funnel?mode=strict`);
    const strict = await api<EventFunnelReport>('funnel=Checkout&mode=strict');
    await poll(() => shownStepRows(page)).toEqual(expectedStepRows(strict.total, []));
    await page.getByTestId('funnel-mode-ordered').click();
    await page.waitForURL(`${url}/funnel?mode=ordered`);

    // Another funnel of the journey.
    await page.getByTestId('funnel-select').selectOption('Plans to order');
    await page.waitForURL(`${url}/funnel?funnel=Plans+to+order`);
    const plans = await api<EventFunnelReport>(`funnel=${encodeURIComponent('Plans to order')}`);
    await poll(() => page.getByTestId('step-row').count()).toBe(plans.steps.length);
    expect(await shownStepRows(page)).toEqual(expectedStepRows(plans.total, []));

    // Drop-off after step 2: the API's count and customers, listed and exported.
    await page.getByTestId('drop-off-after-2').click();
    await page.waitForURL(`${url}/funnel?funnel=Plans+to+order&dropOffAfter=2`);
    const dropped = await api<EventFunnelReport>(`funnel=${encodeURIComponent('Plans to order')}&dropOffAfter=2`);
    expect(dropped.dropOff!.count).toBe(plans.total.steps[2]!.droppedOff);
    expect(await shownNumber(page, 'drop-off-count')).toBe(dropped.dropOff!.count);
    const dropRows = page.getByTestId('drop-off-row');
    await page
      .getByTestId('drop-off')
      .getByRole('button', { name: /Show all/ })
      .click();
    await poll(() => dropRows.count()).toBe(dropped.dropOff!.customers.length);
    const listed = (await tableValues(dropRows, ['drop-off-customer'])).map(([name]) => name);
    expect(listed).toEqual(dropped.dropOff!.customers);
    const exported = await downloadText(page, page.getByTestId('drop-off-table-csv'));
    expect(exported.name).toBe('funnel-plans-to-order-drop-off-after-step-2.csv');
    expect(parseCsv(exported.text)).toEqual([['Customer'], ...listed.map((name) => [name])]);
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await page.getByTestId('drop-off').getByRole('button', { name: 'Show fewer' }).click();
    await screenshot(page, 'event-funnel.png');

    // Custom steps with a breakdown: the steps in the address; the groups add up to the total.
    await page.getByTestId('funnel-select').selectOption({ label: 'Custom steps…' });
    const inputs = page.getByTestId('step-input');
    await inputs.nth(0).fill('Home Viewed');
    await inputs.nth(1).fill('Plans Viewed');
    await page.getByRole('button', { name: '+ Add step' }).click();
    await inputs.nth(2).fill('Signed Up');
    await page.getByTestId('steps-apply').click();
    await page.waitForURL(`${url}/funnel?steps=Home+Viewed%3EPlans+Viewed%3ESigned+Up`);
    await page.getByTestId('filter-breakdown').selectOption('firstTouch');
    await page.waitForURL(/steps=Home\+Viewed%3EPlans\+Viewed%3ESigned\+Up&breakdown=firstTouch$/);
    const custom = await harness.api<EventFunnelReport>(
      `/api/reports/funnel?steps=${encodeURIComponent('Home Viewed>Plans Viewed>Signed Up')}&breakdown=firstTouch`,
    );
    await poll(() => page.getByTestId('step-row').count()).toBe(3 * (1 + custom.groups.length));
    expect(await shownStepRows(page)).toEqual(expectedStepRows(custom.total, custom.groups));
    const groups = await tableValues(page.getByTestId('group-row'), ['group-customers']);
    expect(groups.reduce((sum, [customers]) => sum + Number(customers), 0)).toBe(custom.total.customers);
    const csv = await downloadText(page, page.getByTestId('funnel-table-csv'));
    expect(csvStepRows(parseCsv(csv.text), false)).toEqual(await shownStepRows(page));

    // A reload keeps it all, and the steps editor shows the steps.
    await page.reload();
    await poll(() =>
      page.getByTestId('step-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['Home Viewed', 'Plans Viewed', 'Signed Up']);
    await poll(() => shownStepRows(page)).toEqual(expectedStepRows(custom.total, custom.groups));
    expect(errors).toEqual([]);
  }, 150_000);
});
