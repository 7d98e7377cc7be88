/**
 * The overview dashboard in a real browser on the demo's subscription world: the headline KPIs
 * are the KPI report's totals, and each stage's trend is its conversion in the last weeks of the
 * data against the weeks before, exactly as the stage funnel report gives them for those dates.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { KpisReport, OverviewReport, StageFunnelReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { trendPeriods } from '../../packages/web/src/pages/overview/stage-trend.ts';
import { browserHarness, poll, TOKEN, WORLD_JOURNEY_ID } from './harness.ts';

const harness = browserHarness({ customers: 1_500, seed: 7, scenario: 'subscription' });

describe('overview dashboard', () => {
  it('shows the headline KPIs and each stage trend as the reports give them', async () => {
    const { page, errors, failedRequests } = await harness.openPage();
    await page.goto(`${harness.server.url}/?token=${TOKEN}`);

    const kpis = await harness.api<KpisReport>('/api/reports/kpis?by=channel');
    const tiles = page.getByTestId('headline-kpi');
    await poll(async () => [await tiles.count(), errors, failedRequests]).toEqual([6, [], []]);
    const shown = Object.fromEntries(
      await tiles.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-kpi'), n.getAttribute('data-value')])),
    );
    const v = kpis.total.kpis.voiceOfCustomer;
    const c = kpis.total.kpis.contactCentre;
    const text = (x: number | null) => (x === null ? '' : String(x));
    expect(shown).toEqual({
      nps: text(v.nps.score),
      csat: text(v.csat.rate),
      ces: text(v.ces.mean.score),
      abandonRate: text(c.abandonRate.rate),
      averageSpeedOfAnswer: text(c.averageSpeedOfAnswer.seconds),
      firstContactResolution: text(c.firstContactResolution.rate),
    });
    // The wait over every medium, then each of the busiest channels' own.
    const waits = kpis.total.by
      .map((g) => g.kpis.contactCentre.averageSpeedOfAnswer)
      .filter((a) => a.seconds !== null && a.denominator > 0);
    const busiest = kpis.total.by.reduce((best, g) =>
      g.kpis.contactCentre.averageSpeedOfAnswer.denominator > best.kpis.contactCentre.averageSpeedOfAnswer.denominator
        ? g
        : best,
    );
    const split = (await page.getByTestId('headline-kpi-by-channel').textContent()) ?? '';
    expect(split.split(' · ')).toHaveLength(Math.min(3, waits.length));
    expect(split.startsWith(`${busiest.name} `)).toBe(true);
    expect(v.nps.denominator).toBeGreaterThan(0);
    expect(c.offered).toBeGreaterThan(0);

    const overview = await harness.api<OverviewReport>('/api/reports/overview');
    const periods = trendPeriods(overview.firstTimestamp as string, overview.lastTimestamp as string);
    expect(periods?.days).toBe(28);
    const funnel = (p: { from: string; to: string }) =>
      harness.api<StageFunnelReport>(`/api/reports/stage-funnel?journey=${WORLD_JOURNEY_ID}&from=${p.from}&to=${p.to}`);
    const [current, previous] = await Promise.all([funnel(periods!.current), funnel(periods!.previous)]);
    const trends = page.getByTestId('overview-stage-trend');
    await poll(() => trends.count()).toBe(current.total.steps.length);
    const read = await trends.evaluateAll((nodes) =>
      nodes.map((n) => [Number(n.getAttribute('data-rate')), Number(n.getAttribute('data-change'))]),
    );
    read.forEach(([rate, change], s) => {
      const now = current.total.steps[s]?.conversionFromPrevious.rate as number;
      const before = previous.total.steps[s]?.conversionFromPrevious.rate as number;
      expect(rate, `stage ${s}`).toBe(now);
      expect(change, `stage ${s}`).toBeCloseTo((now - before) * 100, 9);
    });
    // The periods differ, so the trend is not the all-time funnel twice.
    expect(current.total.customers).not.toBe(previous.total.customers);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  }, 120_000);
});
