/**
 * What every browser test file needs: a real server on a temporary data folder, seeded with
 * generated journeys and the example journey definition they follow, and headless Chromium.
 * Call {@link browserHarness} at the top of a test file; it registers its own beforeAll/afterAll.
 * The data is the simple journeys (`waymark generate`'s default) unless a file asks for the
 * subscription world, which has the contact centre and surveys the KPI pages need. A test that
 * starts its own server (the demo tour) uses the parts: {@link checkPrerequisites},
 * {@link launchBrowser} and {@link openPageIn}.
 */

import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSimpleJourneys, SubscriptionWorld } from '@waymark/core';
import { DEFAULT_WEB_DIR, type RunningServer, startServer } from '@waymark/server';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const TOKEN = 'test-token';
export const WRITE_KEY = 'test-write-key';
export const JOURNEY_ID = 'simple-subscription';
/** The subscription world's journey (examples/journeys/home-internet.yaml), as the demo ships it. */
export const WORLD_JOURNEY_ID = 'home-internet';
const CHROMIUM = '/usr/bin/chromium';
const WEB_INDEX = join(DEFAULT_WEB_DIR, 'index.html');
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const journeyFile = (id: string) => fileURLToPath(new URL(`../../examples/journeys/${id}.yaml`, import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen on the page so far. */
  errors: string[];
  /**
   * Requests that failed (network errors) or were answered 400 or above, so far. Requests the
   * page itself cancels (`net::ERR_ABORTED`: the live stream when leaving the overview, a report
   * superseded by a newer view) are not failures.
   */
  failedRequests: string[];
}

export interface Harness {
  readonly server: RunningServer;
  /** GET an admin API path as JSON, asserting a 200. */
  api<T>(path: string): Promise<T>;
  /** A fresh browser context (its own sessionStorage) with one page, errors collected. */
  openPage(): Promise<OpenedPage>;
}

export interface HarnessOptions {
  customers: number;
  seed: number;
  /**
   * `simple` (default): the simple journeys and simple-subscription.yaml; `subscription`: the
   * demo's subscription world (contacts, IVR and bot sessions, NPS, CSAT and CES surveys) and
   * home-internet.yaml — as `waymark generate --scenario` names them.
   */
  scenario?: 'simple' | 'subscription';
}

/** The scenario's messages, as `waymark generate` writes them. */
export function generatedMessages(options: HarnessOptions): unknown[] {
  const messages: unknown[] = [];
  const add = (line: string) => messages.push(JSON.parse(line));
  if (options.scenario === 'subscription') {
    const world = new SubscriptionWorld({ customers: options.customers, seed: options.seed });
    while (!world.done) world.simulateNextDay(add);
  } else {
    generateSimpleJourneys({ customers: options.customers, seed: options.seed }, add);
  }
  return messages;
}

/** Starts the server and the browser for this test file, and stops them after it. */
export function browserHarness(options: HarnessOptions): Harness {
  let dataDir: string | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    checkPrerequisites();
    dataDir = await mkdtemp(join(tmpdir(), 'waymark-web-test-'));
    // The journey definition the generated data follows, as the demo ships it.
    const journeyId = options.scenario === 'subscription' ? WORLD_JOURNEY_ID : JOURNEY_ID;
    await mkdir(join(dataDir, 'journeys'));
    await copyFile(journeyFile(journeyId), join(dataDir, 'journeys', `${journeyId}.yaml`));
    server = await startServer({ dataDir, port: 0, adminToken: TOKEN, writeKey: WRITE_KEY });

    const messages = generatedMessages(options);
    for (let i = 0; i < messages.length; i += 5_000) {
      const result = await server.workspace.pipeline.submit(messages.slice(i, i + 5_000), { source: 'test' });
      expect(result.rejected).toEqual([]);
    }

    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const running = (): RunningServer => {
    if (server === undefined) throw new Error('the server has not started');
    return server;
  };

  return {
    get server() {
      return running();
    },
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${running().url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status, `GET ${path}`).toBe(200);
      return (await response.json()) as T;
    },
    async openPage(): Promise<OpenedPage> {
      if (browser === undefined) throw new Error('the browser has not started');
      const opened = await openPageIn(browser);
      contexts.push(opened.page.context());
      return opened;
    },
  };
}

/** The web app is built and Chromium is installed, or an error that says what to do. */
export function checkPrerequisites(): void {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `The web app is not built: ${WEB_INDEX} is missing. Run \`npm run build:web\` first (\`npm test\` does it).`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` as root.`);
  }
}

/** Headless Chromium as every browser test runs it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (its own sessionStorage) with one page, errors and failed requests collected. */
export async function openPageIn(browser: Browser): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_ABORTED') failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return { page, errors, failedRequests };
}

/** `expect.poll` with room for a slow machine (its default gives up after one second). */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

export const digits = (text: string | null): string => (text ?? '').replace(/\D/g, '');

/** The number shown in a metric: its `data-value`, after checking the visible text says the same. */
export async function shownNumber(page: Page, testId: string): Promise<number> {
  const element = page.getByTestId(testId);
  await element.waitFor();
  const value = Number(await element.getAttribute('data-value'));
  expect(digits(await element.textContent()), `${testId} text`).toBe(String(value));
  return value;
}

/** How many pixels of a chart's canvas have been painted on (0 when it has no size). */
export async function paintedPixels(chart: Locator): Promise<number> {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor();
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (context === null || element.width === 0 || element.height === 0) return 0;
    const pixels = context.getImageData(0, 0, element.width, element.height).data;
    let count = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) count++;
    return count;
  });
}

/** Saves the page's top as docs/screenshots/<name> (a name may have folders: `tour/overview.png`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, name);
  await mkdir(dirname(path), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(800); // chart animations (drawn by script) settle
  await page.screenshot({ path, animations: 'disabled' });
}

/** Clicks `button` and returns the text of the file it downloads. */
export async function downloadText(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF) after a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A CSV's rows as the named columns, in the order given (each column must be there). */
export function csvColumns(text: string, names: readonly string[]): string[][] {
  const [header, ...rows] = parseCsv(text);
  const indexes = names.map((name) => {
    const index = header!.indexOf(name);
    expect(index, `CSV column ${name} in ${header!.join(',')}`).toBeGreaterThanOrEqual(0);
    return index;
  });
  return rows.map((row) => indexes.map((i) => row[i]!));
}

/** Each cell's `data-value` in the rows of a table, by column test id ('' when a cell has none). */
export async function tableValues(rows: Locator, testIds: readonly string[]): Promise<string[][]> {
  return rows.evaluateAll(
    (elements, ids) =>
      elements.map((row) =>
        ids.map((id) => row.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value') ?? ''),
      ),
    testIds,
  );
}
