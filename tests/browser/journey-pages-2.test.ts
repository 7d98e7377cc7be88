/**
 * The paths and retention pages in a real browser against a real server: the Sankey's nodes
 * (through the steps table), the top paths, the cohort heat map and the overall retention line
 * are the API's numbers for the view in the address; changing the anchor, depth, events or period
 * changes the address and the numbers; CSV exports hold the tables' rows. Saves
 * docs/screenshots/paths.png and retention.png.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { PathsReport, RetentionReport } from '@waymark/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserHarness,
  csvColumns,
  downloadText,
  JOURNEY_ID,
  paintedPixels,
  poll,
  screenshot,
  shownNumber,
  TOKEN,
  tableValues,
} from './harness.ts';

const harness = browserHarness({ customers: 2_000, seed: 23 });
const SCREENSHOT_VIEWPORT = { width: 1280, height: 1180 };

const NODE_CELLS = ['node-step', 'node-label', 'node-customers', 'node-drop-off'];
const expectedNodes = (report: PathsReport): string[][] =>
  report.nodes.map((n) => [String(n.step), n.label, String(n.customers), String(n.dropOff)]);
const PATH_CELLS = ['path-labels', 'path-customers', 'path-median'];
const expectedPaths = (report: PathsReport): string[][] =>
  report.variants.map((v) => [v.labels.join(' → '), String(v.customers), String(v.medianSeconds)]);

/** The paths page shows `report`: headline, every Sankey node in the steps table, the top paths. */
async function expectPaths(page: Page, report: PathsReport): Promise<void> {
  await poll(() => tableValues(page.getByTestId('node-row'), NODE_CELLS)).toEqual(expectedNodes(report));
  expect(await shownNumber(page, 'paths-customers')).toBe(report.customers);
  expect(await tableValues(page.getByTestId('path-row'), PATH_CELLS)).toEqual(expectedPaths(report));
}

describe('journey pages 2', () => {
  it('paths: Sankey nodes and top paths are the API numbers; anchor, depth and labels in the address; CSV', async () => {
    const url = harness.server.url;
    const api = (query: string) => harness.api<PathsReport>(`/api/reports/paths${query === '' ? '' : `?${query}`}`);
    const first = await api('');
    expect(first.customers).toBe(2_000);
    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/?token=${TOKEN}`);
    await page.getByTestId('nav-paths').click();
    await page.waitForURL(`${url}/paths`);

    // From each customer's first event, 5 steps: the Sankey is drawn and its nodes are the API's.
    await expectPaths(page, first);
    expect(await paintedPixels(page.getByTestId('paths-chart'))).toBeGreaterThan(5_000);
    const steps = await downloadText(page, page.getByTestId('paths-nodes-csv'));
    expect(steps.name).toBe('paths-from-first-event-event-steps.csv');
    expect(csvColumns(steps.text, ['Step', 'Event', 'Customers', 'Dropped off'])).toEqual(expectedNodes(first));
    expect(csvColumns(steps.text, ['Share of customers'])).toEqual(
      first.nodes.map((n) => [String(n.customers / first.customers)]),
    );
    const top = await downloadText(page, page.getByTestId('paths-variants-csv'));
    expect(csvColumns(top.text, ['Path', 'Customers', 'Median seconds'])).toEqual(expectedPaths(first));

    // Depth: in the address, and the numbers follow.
    await page.getByTestId('paths-depth').selectOption('3');
    await page.waitForURL(`${url}/paths?depth=3`);
    const shallow = await api('depth=3');
    expect(shallow.nodes.length).toBeLessThan(first.nodes.length);
    await expectPaths(page, shallow);

    // After an event: the anchor is in the address, step 0 is the anchor alone.
    await page.getByTestId('paths-anchor-kind').selectOption('startEvent');
    await page.getByTestId('paths-anchor').selectOption('Plans Viewed');
    await page.waitForURL(`${url}/paths?depth=3&startEvent=Plans+Viewed`);
    const plans = await api(`depth=3&startEvent=${encodeURIComponent('Plans Viewed')}`);
    expect(plans.nodes.filter((n) => n.step === 0).map((n) => n.label)).toEqual(['Plans Viewed']);
    await expectPaths(page, plans);
    await page.getByTestId('paths-top').selectOption('3');
    await page.waitForURL(/startEvent=Plans\+Viewed&top=3$/);
    const topThree = await api(`depth=3&startEvent=${encodeURIComponent('Plans Viewed')}&top=3`);
    expect(topThree.nodes.some((n) => n.label === 'Other')).toBe(true);
    await expectPaths(page, topThree);
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await screenshot(page, 'paths.png');

    // Leading to a touchpoint, steps labelled by touchpoint: the journey is asked for and shown.
    await page.getByTestId('paths-anchor-kind').selectOption('endTouchpoint');
    await page.getByTestId('paths-anchor').selectOption('Order placed');
    await page.getByTestId('paths-by-touchpoint').click();
    await page.waitForURL(`${url}/paths?depth=3&top=3&endTouchpoint=Order+placed&by=touchpoint`);
    const toOrder = await api(
      `journey=${JOURNEY_ID}&endTouchpoint=${encodeURIComponent('Order placed')}&depth=3&top=3&by=touchpoint`,
    );
    expect(toOrder.direction).toBe('to');
    await expectPaths(page, toOrder);
    expect(await page.getByTestId('filter-journey').inputValue()).toBe(JOURNEY_ID);
    const toCsv = await downloadText(page, page.getByTestId('paths-nodes-csv'));
    expect(csvColumns(toCsv.text, ['Step', 'Touchpoint', 'Customers', 'Journey began here'])).toEqual(
      expectedNodes(toOrder),
    );

    // A reload keeps the whole view.
    await page.reload();
    await poll(() => page.getByTestId('paths-anchor').inputValue()).toBe('Order placed');
    expect(await page.getByTestId('paths-depth').inputValue()).toBe('3');
    await expectPaths(page, toOrder);
    expect(errors).toEqual([]);

    // A depth the server refuses: its own words, on the depth field, and no numbers left standing.
    await page.goto(`${url}/paths?depth=11`);
    const refused = page.getByTestId('filter-error');
    await poll(() => refused.textContent()).toContain('depth: expected at most 10 steps, got 11');
    expect(await refused.getAttribute('data-param')).toBe('depth');
    expect(await page.getByTestId('paths-depth').inputValue()).toBe('11');
    expect(await page.getByTestId('paths').count()).toBe(0);
    expect(errors.map((e) => e.includes('status of 400'))).toEqual([true]);
  }, 150_000);

  it('retention: cohort cells and the overall line are the API numbers; events and period in the address; CSV', async () => {
    const url = harness.server.url;
    const api = (query: string) =>
      harness.api<RetentionReport>(`/api/reports/retention${query === '' ? '' : `?${query}`}`);
    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/retention?token=${TOKEN}`);
    await expectRetention(page, await api(''));

    // Start and return events from the data's activities: in the address, and the numbers follow.
    await page.getByTestId('retention-start').selectOption('Order Completed');
    await page.getByTestId('retention-return').selectOption('App Opened');
    await page.waitForURL(`${url}/retention?startEvent=Order+Completed&returnEvent=App+Opened`);
    const events = 'startEvent=Order%20Completed&returnEvent=App%20Opened';
    const weekly = await api(events);
    await expectRetention(page, weekly);
    expect(weekly.cohorts.some((c) => c.returned.includes(null))).toBe(true);

    // Period: by day, 12 of them.
    await page.getByTestId('retention-period-day').click();
    await page.getByTestId('retention-periods').selectOption('12');
    await page.waitForURL(/returnEvent=App\+Opened&period=day&periods=12$/);
    const daily = await api(`${events}&period=day&periods=12`);
    expect(daily.cohorts.length).toBeGreaterThan(weekly.cohorts.length);
    await expectRetention(page, daily);
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await screenshot(page, 'retention.png');

    // The CSV holds the table's rows: rates as on screen, and the counts behind them.
    const csv = await downloadText(page, page.getByTestId('cohort-table-csv'));
    expect(csv.name).toBe('retention-order-completed-app-opened-day.csv');
    const rateColumns = daily.overall.map((_, k) => `Day ${k}`);
    expect(csvColumns(csv.text, ['Cohort', 'Customers', ...rateColumns])).toEqual(
      await tableValues(page.getByTestId('cohort-row'), cohortCells(daily.periods)),
    );
    expect(
      csvColumns(
        csv.text,
        rateColumns.map((name) => `${name} returned`),
      ).slice(1),
    ).toEqual(daily.cohorts.map((c) => c.returned.map((n) => (n === null ? '' : String(n)))));

    // Back to weeks; a reload keeps the view.
    await page.getByTestId('retention-period-week').click();
    await page.getByTestId('retention-periods').selectOption('8');
    await page.waitForURL(`${url}/retention?startEvent=Order+Completed&returnEvent=App+Opened`);
    await page.reload();
    await expectRetention(page, weekly);
    expect(errors).toEqual([]);
  }, 150_000);

  it("breakdown: paths and retention pick one group at a time; its numbers are the API group's", async () => {
    const url = harness.server.url;
    const { page, errors } = await harness.openPage();
    await page.goto(`${url}/retention?token=${TOKEN}&startEvent=Order+Completed&breakdown=firstTouch`);
    const retention = await harness.api<RetentionReport>(
      '/api/reports/retention?startEvent=Order%20Completed&breakdown=firstTouch',
    );
    expect(retention.groups.length).toBeGreaterThan(1);
    await expectRetention(page, retention); // all customers until a group is picked
    const [biggest] = retention.groups;
    if (biggest === undefined) throw new Error('no groups');
    await page.getByTestId('filter-group').selectOption(biggest.name);
    await page.waitForURL(/breakdown=firstTouch&group=/);
    await expectRetention(page, { ...retention, cohorts: biggest.cohorts, overall: biggest.overall });

    await page.goto(`${url}/paths?breakdown=firstTouch&depth=3`);
    const paths = await harness.api<PathsReport>('/api/reports/paths?breakdown=firstTouch&depth=3');
    await expectPaths(page, paths);
    const last = paths.groups.at(-1);
    if (last === undefined) throw new Error('no groups');
    await page.getByTestId('filter-group').selectOption(last.name);
    await expectPaths(page, { ...paths, ...last });
    // A trait or property breakdown suggests the data's attribute paths (GET /api/attributes).
    await page.getByTestId('filter-breakdown').selectOption('attribute');
    const suggested = () =>
      page
        .getByTestId('filter-attribute-choices')
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    await poll(suggested).toContain('properties.plan');
    await page.getByTestId('filter-breakdown-path').fill('properties.plan');
    await page.getByTestId('filter-breakdown-path').press('Enter');
    await page.waitForURL(/breakdown=properties.plan/);
    const byPlan = await harness.api<PathsReport>('/api/reports/paths?breakdown=properties.plan&depth=3');
    await poll(() => page.getByTestId('filter-group').locator('option').count()).toBe(byPlan.groups.length + 1);
    // A group the view does not have shows all customers.
    await page.goto(`${url}/paths?breakdown=lastTouch&depth=3&group=${encodeURIComponent(last.name)}x`);
    await expectPaths(page, await harness.api<PathsReport>('/api/reports/paths?breakdown=lastTouch&depth=3'));
    expect(errors).toEqual([]);
  }, 150_000);
});

const cohortCells = (periods: number): string[] => [
  'cohort-name',
  'cohort-customers',
  ...Array.from({ length: periods }, (_, k) => `cohort-rate-${k}`),
];

/** The retention page shows `report`: each cohort's cells with their counts, the overall row and line. */
async function expectRetention(page: Page, report: RetentionReport): Promise<void> {
  const rows = page.getByTestId('cohort-row');
  const overall = report.overall.map((r) => (r.denominator === 0 ? '' : String(r.rate)));
  const customers = report.cohorts.reduce((sum, c) => sum + c.customers, 0);
  const expected = [
    ['All cohorts', String(customers), ...overall],
    ...report.cohorts.map((c) => [
      c.cohort,
      String(c.customers),
      ...c.returned.map((n) => (n === null ? '' : String(n / c.customers))),
    ]),
  ];
  await poll(() => tableValues(rows, cohortCells(report.periods))).toEqual(expected);
  expect(await shownNumber(page, 'retention-customers')).toBe(customers);
  // The line plots the overall rates, and the chart is drawn.
  await poll(() => page.getByTestId('retention-chart-values').getAttribute('data-rates')).toBe(overall.join(','));
  expect(await paintedPixels(page.getByTestId('retention-chart'))).toBeGreaterThan(1_000);
  // Each cell's title gives its count; cells not yet observed say so.
  const titles = await rows.evaluateAll((elements) =>
    elements
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll('.heat-cell'), (cell) => cell.getAttribute('title'))),
  );
  const count = new Intl.NumberFormat('en-US');
  expect(titles).toEqual(
    report.cohorts.map((c) =>
      c.returned.map((n, k) =>
        n === null
          ? expect.stringMatching(/^Not yet observed/)
          : expect.stringContaining(
              `${count.format(n)} of ${count.format(c.customers)} customers came back in ${report.period} ${k}`,
            ),
      ),
    ),
  );
}
