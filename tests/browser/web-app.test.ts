/**
 * The built web app in a real browser against a real server: the numbers on each page are the
 * API's numbers, the live panel shows events as they are posted, navigation and URL state work,
 * and a missing admin token gives a clear message. Saves screenshots to docs/screenshots/.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { DfgReport, OverviewReport, StageFunnelReport, VariantsReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  browserHarness,
  digits,
  JOURNEY_ID,
  paintedPixels,
  poll,
  screenshot,
  shownNumber,
  TOKEN,
  WRITE_KEY,
} from './harness.ts';

const CUSTOMERS = 2_000;
const harness = browserHarness({ customers: CUSTOMERS, seed: 11 });
const api = <T>(path: string) => harness.api<T>(path);
const openPage = () => harness.openPage();

describe('web app', () => {
  it('overview shows the API totals, a drawn chart, channels and activities, without console errors', async () => {
    const report = await api<OverviewReport>('/api/reports/overview?bucket=day');
    expect(report.events).toBeGreaterThan(10_000);
    expect(report.customers).toBe(CUSTOMERS);

    const { page, errors } = await openPage();
    await page.goto(`${harness.server.url}/?token=${TOKEN}`);
    expect(await shownNumber(page, 'metric-events')).toBe(report.events);
    expect(await shownNumber(page, 'metric-customers')).toBe(report.customers);
    expect(await page.getByTestId('metric-range').getAttribute('data-value')).toBe(
      `${report.firstTimestamp}/${report.lastTimestamp}`,
    );
    // The token moved from the address bar into sessionStorage.
    expect(page.url()).toBe(`${harness.server.url}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('waymark.adminToken'))).toBe(TOKEN);

    // The chart's canvas exists, has a size and has been painted on.
    expect(await paintedPixels(page.getByTestId('volume-chart'))).toBeGreaterThan(1_000);

    // The first journey's stages, compact: the stage funnel's totals.
    const stages = await api<StageFunnelReport>(`/api/reports/stage-funnel?journey=${JOURNEY_ID}`);
    const tiles = page.getByTestId('overview-stage-customers');
    await poll(() => tiles.count()).toBe(stages.stages.length);
    expect(await tiles.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))))).toEqual(
      stages.total.steps.map((step) => step.customers),
    );
    expect(digits(await tiles.first().textContent())).toBe(String(stages.total.steps[0]!.customers));

    // Channels: a chart and a table with every channel, the largest first.
    await page.locator('[data-testid="channels-chart"] canvas').first().waitFor();
    const channelRows = page.locator('[data-testid="channels-table"] tbody tr');
    await poll(() => channelRows.count()).toBe(report.channels.length);
    const firstChannel = report.channels[0]!;
    expect(await channelRows.first().locator('td').nth(0).textContent()).toBe(firstChannel.channel);
    expect(digits(await channelRows.first().locator('td').nth(1).textContent())).toBe(String(firstChannel.events));

    // Top activities: the API's order.
    const activityRows = page.locator('[data-testid="activities-table"] tbody tr');
    const shownActivities = await activityRows.locator('td:first-child').allTextContents();
    expect(shownActivities).toEqual(report.activities.slice(0, shownActivities.length).map((a) => a.activity));
    expect(digits(await activityRows.first().locator('td').nth(1).textContent())).toBe(
      String(report.activities[0]!.events),
    );

    // The bucket switch puts the bucket in the URL, and a reload keeps it.
    await page.getByTestId('bucket-week').click();
    await page.waitForURL(/\?bucket=week$/);
    await poll(() => page.getByTestId('bucket-week').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await poll(() => page.getByTestId('bucket-week').getAttribute('aria-pressed')).toBe('true');
    expect(await shownNumber(page, 'metric-events')).toBe(report.events);
    await page.locator('[data-testid="volume-chart"] canvas').first().waitFor();

    expect(errors).toEqual([]);
  }, 90_000);

  it('process map and variants show the API rows; navigation and URL state work', async () => {
    const dfg = await api<DfgReport>('/api/reports/dfg');
    const variants10 = await api<VariantsReport>('/api/reports/variants?top=10');
    const variants20 = await api<VariantsReport>('/api/reports/variants?top=20');
    const { page, errors } = await openPage();
    await page.goto(`${harness.server.url}/?token=${TOKEN}`);
    await page.getByTestId('metric-events').waitFor();

    // Process map, reached through the navigation.
    await page.getByTestId('nav-process-map').click();
    await page.waitForURL(`${harness.server.url}/process-map`);
    await poll(() => page.locator('h1').textContent()).toBe('Process map');
    expect(await page.getByTestId('nav-process-map').getAttribute('aria-current')).toBe('page');
    expect(await shownNumber(page, 'dfg-cases')).toBe(dfg.cases);
    expect(await shownNumber(page, 'dfg-events')).toBe(dfg.events);
    expect(await shownNumber(page, 'dfg-edges')).toBe(dfg.edges.length);

    const edgeRows = page.getByTestId('edge-row');
    const readEdges = async (n: number) => {
      const rows = [];
      for (let i = 0; i < n; i++) {
        const row = edgeRows.nth(i);
        rows.push({
          from: await row.getByTestId('edge-from').textContent(),
          to: (await row.getByTestId('edge-to').textContent())?.replace(/^→/, ''),
          count: Number(await row.getByTestId('edge-count').getAttribute('data-value')),
          medianSeconds: Number(await row.getByTestId('edge-median').getAttribute('data-value')),
          p90Seconds: Number(await row.getByTestId('edge-p90').getAttribute('data-value')),
        });
      }
      return rows;
    };
    await poll(() => edgeRows.count()).toBe(Math.min(100, dfg.edges.length));
    // Default order: most frequent first; ties in the API's order.
    const byCount = [...dfg.edges].sort((a, b) => b.count - a.count);
    expect(await readEdges(5)).toEqual(byCount.slice(0, 5));
    expect(digits(await edgeRows.first().getByTestId('edge-count').textContent())).toBe(String(byCount[0]!.count));
    const startRows = page.getByTestId('start-activities-row');
    const starts = Object.entries(dfg.startActivities).sort((a, b) => b[1] - a[1]);
    expect(await startRows.count()).toBe(starts.length);
    expect(await startRows.first().getByTestId('endpoint-activity').textContent()).toBe(starts[0]![0]);
    expect(await startRows.first().getByTestId('endpoint-count').getAttribute('data-value')).toBe(
      String(starts[0]![1]),
    );
    // The map itself, its slider and labels: process-map.test.ts (which also takes its screenshot).

    // Sorting by "From" gives the API's own order, is kept in the URL and survives a reload.
    await page.getByTestId('sort-from').click();
    await page.waitForURL(/\/process-map\?sort=from$/);
    expect(await readEdges(5)).toEqual(dfg.edges.slice(0, 5));
    await page.reload();
    await edgeRows.first().waitFor();
    expect(await readEdges(5)).toEqual(dfg.edges.slice(0, 5));

    // Variants: the top 10 by default, each chain and count as the API has them.
    await page.getByTestId('nav-variants').click();
    await page.waitForURL(`${harness.server.url}/variants`);
    await poll(() => page.locator('h1').textContent()).toBe('Variants');
    expect(await shownNumber(page, 'variants-cases')).toBe(variants10.cases);
    expect(await shownNumber(page, 'variants-count')).toBe(variants10.variantCount);
    const variantRows = page.getByTestId('variant-row');
    const readVariants = async () => ({
      chains: await variantRows.getByTestId('chain').evaluateAll((els) => els.map((e) => e.getAttribute('data-chain'))),
      counts: await variantRows
        .getByTestId('variant-count')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value')))),
    });
    const expected = (report: VariantsReport) => ({
      chains: report.variants.map((v) => v.activities.join(' → ')),
      counts: report.variants.map((v) => v.count),
    });
    await poll(() => variantRows.count()).toBe(variants10.variants.length);
    expect(await readVariants()).toEqual(expected(variants10));
    const firstChips = await variantRows.first().getByTestId('chip').allTextContents();
    expect(firstChips.length).toBeGreaterThan(0);
    expect(firstChips.join(' ')).toContain(variants10.variants[0]!.activities[0]!);
    await screenshot(page, 'variants.png');

    // Top N: in the URL, kept on reload.
    await page.getByTestId('top-select').selectOption('20');
    await page.waitForURL(/\/variants\?top=20$/);
    await poll(() => variantRows.count()).toBe(variants20.variants.length);
    expect(await readVariants()).toEqual(expected(variants20));
    await page.reload();
    await poll(() => variantRows.count()).toBe(variants20.variants.length);
    expect(await page.getByTestId('top-select').inputValue()).toBe('20');
    expect(await readVariants()).toEqual(expected(variants20));

    // Back goes to the process map with its sort; the overview link goes home.
    await page.goBack();
    await page.waitForURL(/\/process-map\?sort=from$/);
    await poll(() => page.locator('h1').textContent()).toBe('Process map');
    await page.getByTestId('nav-overview').click();
    await page.waitForURL(`${harness.server.url}/`);
    expect(await shownNumber(page, 'metric-customers')).toBe(dfg.cases);
    expect(errors).toEqual([]);
  }, 120_000);

  it('live panel shows posted events, newest on top, and counts them', async () => {
    const before = await api<OverviewReport>('/api/reports/overview');
    const { page, errors } = await openPage();
    await page.goto(`${harness.server.url}/?token=${TOKEN}`);
    await page.locator('[data-testid="live-status"][data-state="open"]').waitFor();
    const counted = await shownNumber(page, 'live-count');

    const run = Math.random().toString(36).slice(2, 8);
    const names = [1, 2, 3].map((n) => `Live check ${run} #${n}`);
    const now = Date.now();
    const response = await fetch(`${harness.server.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`,
      },
      body: JSON.stringify({
        batch: names.map((event, i) => ({
          type: 'track',
          userId: `live-tester-${run}`,
          event,
          timestamp: new Date(now + i * 1000).toISOString(),
          context: { channel: 'web' },
          messageId: `live-${run}-${i}`,
        })),
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, accepted: 3 });

    const activities = page.getByTestId('live-activity');
    await poll(() => activities.allTextContents()).toEqual(expect.arrayContaining(names));
    expect((await activities.allTextContents()).slice(0, 3)).toEqual([...names].reverse());
    await poll(() => page.getByTestId('live-count').getAttribute('data-value')).toBe(String(counted + 3));
    expect(await shownNumber(page, 'live-count')).toBe(counted + 3);

    // The page offers to refresh its numbers, which then include the new events.
    const refresh = page.getByTestId('refresh');
    await poll(() => refresh.textContent()).toContain('3 new');
    await screenshot(page, 'overview.png');
    await refresh.click();
    await poll(() => page.getByTestId('metric-events').getAttribute('data-value')).toBe(String(before.events + 3));
    expect(errors).toEqual([]);
  }, 90_000);

  it('without a token shows "admin token needed" with how to pass it, and a pasted token works', async () => {
    const { page } = await openPage();
    await page.goto(`${harness.server.url}/`);
    const notice = page.getByTestId('token-needed');
    await notice.waitFor();
    expect(await notice.locator('h1').textContent()).toBe('Admin token needed');
    expect(await notice.textContent()).toContain('?token=');
    expect(await page.getByTestId('metric-events').count()).toBe(0);
    expect(await page.locator('nav').getByTestId('nav-variants').isVisible()).toBe(true);

    // A wrong token is named as such.
    await page.goto(`${harness.server.url}/variants?token=wrong-token`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain('did not accept');

    // Pasting the right one opens the page.
    await page.locator('#token-input').fill(TOKEN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('variant-row').first().waitFor();
    expect(page.url()).toBe(`${harness.server.url}/variants`);

    // The journey pages ask for it the same way, keep their filter, and work once it is given.
    const other = await openPage();
    await other.page.goto(`${harness.server.url}/stage-funnel?breakdown=firstTouch`);
    await other.page.getByTestId('token-needed').waitFor();
    await other.page.locator('#token-input').fill(TOKEN);
    await other.page.getByRole('button', { name: 'Continue' }).click();
    await other.page.getByTestId('group-row').first().waitFor();
    expect(other.page.url()).toBe(`${harness.server.url}/stage-funnel?breakdown=firstTouch`);
    await other.page.goto(`${harness.server.url}/funnel?mode=strict&token=${TOKEN}`);
    await other.page.getByTestId('step-row').first().waitFor();
    expect(other.page.url()).toBe(`${harness.server.url}/funnel?mode=strict`);
  }, 60_000);
});
