/**
 * The demo as a newcomer meets it, and the screenshots the README's tour shows.
 *
 * Starts `waymark demo` in its own process on a fresh data folder, as `npm start` does once the
 * web app is built (`npm test` builds it): the demo's own code seeds the subscription world of
 * docs/demo-world.md at its full size (20,000 customers, seed 7) and copies home-internet.yaml
 * into the folder's journeys. Then, in headless Chromium: opens the root URL and walks every
 * entry of the navigation as the page lists it. On each page: no console errors and no failed
 * requests, the page shows data (numbers above zero, every chart painted), and every in-app link
 * on it opens a page that renders. Then follows one story through: from the event funnel's list
 * of customers who signed up but placed no order to one of those customers' timeline, where the
 * planted Amex payment failure shows. Checks every number the README's tour quotes against the
 * demo's reports (readme-tour.ts). Saves docs/screenshots/tour/<page>.png.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWaymarkProcess, stopServerProcess } from '../integration/server-process.ts';
import { checkPrerequisites, launchBrowser, type OpenedPage, openPageIn, poll, screenshot } from './harness.ts';
import { readmeTour, tourNumbers } from './readme-tour.ts';

/** The pages that exist today: the navigation may gain pages, but must not lose these. */
const PAGES_TODAY = [
  '/',
  '/stage-funnel',
  '/funnel',
  '/paths',
  '/retention',
  '/process-map',
  '/variants',
  '/kpis',
  '/timeline',
];
const TIMELINE_VIEWPORT = { width: 1280, height: 1700 };
/** Pages whose screenshot shows more than the first screen: the KPIs down to the contact centre's per-channel values. */
const TALL_SCREENSHOTS: Record<string, { width: number; height: number }> = { '/kpis': { width: 1280, height: 1000 } };
/** Pages that open on a question rather than data: none today (the timeline opens on a real customer). */
const OPENS_EMPTY: string[] = [];

let dataDir: string | undefined;
let demo: { child: ChildProcess; url: string } | undefined;
let browser: Browser | undefined;
const openedPages: OpenedPage[] = [];

beforeAll(async () => {
  checkPrerequisites();
  dataDir = await mkdtemp(join(tmpdir(), 'waymark-demo-tour-'));
  demo = await startWaymarkProcess(['demo', '--data', join(dataDir, 'demo'), '--port', '0']);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  for (const { page } of openedPages) await page.context().close();
  await browser?.close();
  if (demo !== undefined) await stopServerProcess(demo.child);
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

const demoUrl = (): string => {
  if (demo === undefined) throw new Error('the demo has not started');
  return demo.url;
};

/** Each page's requests for data still in flight (fetches; the live stream is an `eventsource`, always open). */
const inFlight = new WeakMap<Page, Set<Request>>();

async function openPage(): Promise<OpenedPage> {
  if (browser === undefined) throw new Error('the browser has not started');
  const opened = await openPageIn(browser);
  openedPages.push(opened);
  const pending = new Set<Request>();
  inFlight.set(opened.page, pending);
  opened.page.on('request', (request) => {
    if (request.resourceType() === 'fetch' || request.resourceType() === 'xhr') pending.add(request);
  });
  opened.page.on('requestfinished', (request) => pending.delete(request));
  opened.page.on('requestfailed', (request) => pending.delete(request));
  return opened;
}

/**
 * Waits until the page has finished loading what it shows: a heading, no fetch in flight, no
 * loading indicator, and both for a moment (a page may ask again once the first answer is in).
 */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  let quietSince = 0;
  await poll(async () => {
    const busy = (inFlight.get(page)?.size ?? 0) > 0 || (await page.getByTestId('loading').count()) > 0;
    if (busy) quietSince = 0;
    else if (quietSince === 0) quietSince = Date.now();
    return quietSince !== 0 && Date.now() - quietSince >= 300;
  }).toBe(true);
}

/** What the page's content shows: numbers above zero (their `data-value`s), and each chart's painted pixels. */
async function shownData(page: Page): Promise<{ positives: number; charts: number[]; emptyState: boolean }> {
  return page.locator('main').evaluate((main) => {
    const positives = [...main.querySelectorAll('[data-value]')].filter(
      (e) => Number(e.getAttribute('data-value')) > 0,
    ).length;
    const charts = [...main.querySelectorAll('canvas')]
      .filter((c) => c.width > 0 && c.height > 0)
      .map((canvas) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        if (pixels !== undefined) for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
        return painted;
      });
    return { positives, charts, emptyState: main.querySelector('.empty-state') !== null };
  });
}

/** The in-app links in the page's content, as paths with their query; links elsewhere are listed apart. */
async function contentLinks(page: Page): Promise<{ inApp: string[]; elsewhere: string[] }> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  const urls = hrefs.map((href) => new URL(href));
  return {
    inApp: [...new Set(urls.filter((u) => u.origin === origin).map((u) => `${u.pathname}${u.search}`))],
    elsewhere: urls.filter((u) => u.origin !== origin).map((u) => u.href),
  };
}

/** The page renders: a page of the app (not the "no page here" route), with a heading and content, and no error shown. */
async function expectRendered(page: Page, what: string): Promise<void> {
  await settled(page);
  expect(await page.getByTestId('not-found').count(), `${what}: a page of the app`).toBe(0);
  expect((await page.locator('main h1').first().textContent())?.trim(), `${what}: heading`).not.toBe('');
  expect(((await page.locator('main').textContent()) ?? '').length, `${what}: content`).toBeGreaterThan(100);
  expect(await page.locator('main [role="alert"]').allTextContents(), `${what}: errors shown`).toEqual([]);
}

const screenshotName = (label: string): string => `tour/${label.toLowerCase().replace(/\W+/g, '-')}.png`;

describe('the demo, walked as a newcomer', () => {
  it('every page in the navigation loads without errors and shows data, and its links open pages that render', async () => {
    const { page, errors, failedRequests } = await openPage();
    await page.goto(demoUrl());
    await settled(page);
    const nav = await page.locator('nav[aria-label="Main"] a').evaluateAll((anchors) =>
      anchors.map((a) => ({
        path: new URL((a as HTMLAnchorElement).href).pathname,
        label: a.textContent?.trim() ?? '',
      })),
    );
    expect(nav.map((n) => n.path)).toEqual(expect.arrayContaining(PAGES_TODAY));

    const links = new Map<string, string>();
    const openedEmpty: string[] = [];
    for (const { path, label } of nav) {
      const where = `${label} (${path})`;
      await page.locator(`nav[aria-label="Main"] a[href="${path}"]`).click();
      await page.waitForURL((url) => url.pathname === path);
      await expectRendered(page, where);
      expect(await page.title(), where).toBe(`${label} · Waymark`);

      const shown = await shownData(page);
      if (shown.positives === 0 && shown.charts.length === 0 && shown.emptyState) openedEmpty.push(path);
      else {
        expect(shown.positives, `${where}: numbers above zero`).toBeGreaterThanOrEqual(3);
        for (const painted of shown.charts) expect(painted, `${where}: a chart is drawn`).toBeGreaterThan(1_000);
        const tall = TALL_SCREENSHOTS[path];
        if (tall === undefined) await screenshot(page, screenshotName(label));
        else {
          const usual = page.viewportSize();
          await page.setViewportSize(tall);
          await screenshot(page, screenshotName(label));
          if (usual !== null) await page.setViewportSize(usual);
        }
      }
      const { inApp, elsewhere } = await contentLinks(page);
      expect(elsewhere, `${where}: links out of the app`).toEqual([]);
      for (const link of inApp) if (!links.has(link)) links.set(link, where);
      expect(errors, where).toEqual([]);
      expect(failedRequests, where).toEqual([]);
    }
    expect(openedEmpty).toEqual(OPENS_EMPTY);

    // Every link found on those pages, opened on its own (as a shared link would be).
    expect(links.size).toBeGreaterThan(0);
    const visitor = await openPage();
    for (const [link, from] of links) {
      await visitor.page.goto(`${demoUrl()}${link}`);
      await expectRendered(visitor.page, `${link}, linked from ${from}`);
      expect(visitor.errors, link).toEqual([]);
      expect(visitor.failedRequests, link).toEqual([]);
    }
  }, 240_000);

  it("every number the README's tour quotes is the demo's", async () => {
    const api = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${demoUrl()}${path}`);
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    const numbers = await tourNumbers(readmeTour(), api);
    for (const { what, readme, demo } of numbers) {
      expect(readme, `README's tour no longer quotes the ${what} as the check reads it`).not.toBeNull();
      expect(readme, `the ${what} in README's tour`).toEqual(demo);
    }
  }, 60_000);

  it('one story: from the customers who signed up but placed no order to one of their timelines', async () => {
    const { page, errors, failedRequests } = await openPage();
    await page.goto(demoUrl());
    await page.locator('nav[aria-label="Main"] a', { hasText: 'Event funnel' }).click();
    await settled(page);
    const step = page.getByRole('button', { name: /After Sign-up, not Order placed/ });
    await step.click();
    await page.waitForURL(/\/funnel\?dropOffAfter=\d+$/);
    const count = page.getByTestId('drop-off-count');
    await count.waitFor();
    expect(Number(await count.getAttribute('data-value'))).toBeGreaterThan(0);

    const first = page.getByTestId('drop-off-customer').first().locator('a');
    const customer = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForURL((url) => url.pathname === '/timeline' && url.searchParams.get('customer') === customer);
    await expectRendered(page, `the timeline of ${customer}`);
    expect(await page.getByTestId('timeline-customer-id').textContent()).toBe(customer);
    const activities = await page
      .getByTestId('timeline-event')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-activity')));
    // The planted Amex failure: an Amex customer whose payment failed after signing up.
    expect(activities.indexOf('Signed Up')).toBeGreaterThanOrEqual(0);
    expect(activities.indexOf('Payment Failed')).toBeGreaterThan(activities.indexOf('Signed Up'));
    const traits = await page
      .getByTestId('timeline-traits')
      .locator('div')
      .evaluateAll((pairs) =>
        pairs.map((p) => [p.querySelector('dt')?.textContent, p.querySelector('dd')?.textContent]),
      );
    expect(traits).toContainEqual(['cardType', 'amex']);
    // The README's tour tells this customer's story.
    expect(readmeTour()).toContain(`${customer}'s Amex payment fails`);
    // Tall enough for who they are and the days up to the payment failure and what followed.
    await page.setViewportSize(TIMELINE_VIEWPORT);
    await screenshot(page, screenshotName('Customer timeline'));
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  }, 120_000);
});
