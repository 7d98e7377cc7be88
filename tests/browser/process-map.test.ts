/**
 * The process map page in a real browser against a real server: the SVG map has a node per
 * activity shown and a path per transition shown, each with the API's numbers; the slider hides
 * exactly the transitions seen fewer times than it says; the label switch shows counts, median
 * or p90 times; both live in the address. Saves docs/screenshots/process-map.png.
 *
 * Needs `npm run build:web` first (`npm test` runs it) and Chromium at /usr/bin/chromium.
 */
import type { DfgReport } from '@waymark/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserHarness, digits, poll, screenshot, TOKEN } from './harness.ts';

const harness = browserHarness({ customers: 2_000, seed: 11 });
const SCREENSHOT_VIEWPORT = { width: 1280, height: 1500 };

/** What the map should show at a minimum count, from the API's report alone. */
function expectedMap(dfg: DfgReport, minCount: number) {
  const transitions = dfg.edges.filter((e) => e.count >= minCount);
  const starts = Object.entries(dfg.startActivities).filter(([, count]) => count >= minCount);
  const ends = Object.entries(dfg.endActivities).filter(([, count]) => count >= minCount);
  const activities = new Set([
    ...transitions.flatMap((e) => [e.from, e.to]),
    ...starts.map(([name]) => name),
    ...ends.map(([name]) => name),
  ]);
  // An activity occurs once per journey it starts and once per transition into it.
  const occurrences = (name: string) =>
    (dfg.startActivities[name] ?? 0) + dfg.edges.filter((e) => e.to === name).reduce((sum, e) => sum + e.count, 0);
  return {
    transitions: transitions.map((e) => `${e.from}→${e.to}:${e.count}`).sort(),
    endpoints: starts.length + ends.length,
    // One end marker below each activity journeys end at.
    endMarkers: ends.length,
    nodes: [...activities].map((name) => `${name}:${occurrences(name)}`).sort(),
  };
}

async function shownMap(page: Page) {
  await page.locator('[data-testid="pm-svg"][data-state="ready"]').waitFor();
  const attrs = (testId: string, names: string[]) =>
    page
      .getByTestId(testId)
      .evaluateAll((els, keys) => els.map((el) => keys.map((k) => el.getAttribute(k) ?? '')), names);
  return {
    transitions: (await attrs('pm-edge', ['data-from', 'data-to', 'data-count']))
      .map(([from, to, count]) => `${from}→${to}:${count}`)
      .sort(),
    endpoints: await page.getByTestId('pm-endpoint-edge').count(),
    endMarkers: await page.getByTestId('pm-end').count(),
    nodes: (await attrs('pm-node', ['data-activity', 'data-count'])).map(([name, count]) => `${name}:${count}`).sort(),
  };
}

/** The transition labels: from→to, the number behind the label, and its text. */
async function shownLabels(page: Page): Promise<Map<string, { value: number; text: string }>> {
  const rows = await page
    .getByTestId('pm-edge-label')
    .evaluateAll((els) =>
      els.map((el) => [
        `${el.getAttribute('data-from')}→${el.getAttribute('data-to')}`,
        Number(el.getAttribute('data-value')),
        el.textContent ?? '',
      ]),
    );
  return new Map(rows.map(([key, value, text]) => [key as string, { value: value as number, text: text as string }]));
}

/** Boxes (on screen) of the labels, nodes and markers that overlap another one. */
async function overlaps(page: Page): Promise<string[]> {
  return page.locator('[data-testid="pm-svg"]').evaluate((svg) => {
    const selector = '[data-testid="pm-edge-label"], [data-testid="pm-endpoint-label"], [data-testid="pm-node"]';
    const boxes = [...svg.querySelectorAll(`${selector}, [data-testid="pm-start"], [data-testid="pm-end"]`)].map(
      (el) => ({
        name: el.textContent ?? '',
        box: (el.querySelector('rect') ?? (el.querySelector('text') as Element)).getBoundingClientRect(),
      }),
    );
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 0.5 && overlapY > 0.5) found.push(`${boxes[i]!.name} / ${boxes[j]!.name}`);
      }
    }
    return found;
  });
}

describe('process map', () => {
  it('draws the API graph; the slider hides rare transitions; labels and slider in the address', async () => {
    const dfg = await harness.api<DfgReport>('/api/reports/dfg');
    expect(dfg.edges.length).toBeGreaterThan(10);
    const { page, errors } = await harness.openPage();
    await page.setViewportSize(SCREENSHOT_VIEWPORT);
    await page.goto(`${harness.server.url}/process-map?token=${TOKEN}`);

    // Every transition, start and end arc, and every activity with how often it occurs.
    const all = expectedMap(dfg, 1);
    expect(all.nodes).toHaveLength(dfg.activities.length);
    await poll(async () => (await shownMap(page)).transitions.length).toBe(dfg.edges.length);
    expect(await shownMap(page)).toEqual(all);
    expect(await page.getByTestId('pm-start').count()).toBe(1);

    // Frequency labels: the API's counts.
    let labels = await shownLabels(page);
    expect(labels.size).toBe(dfg.edges.length);
    for (const edge of dfg.edges) {
      const label = labels.get(`${edge.from}→${edge.to}`);
      expect(label?.value).toBe(edge.count);
      expect(digits(label?.text ?? null)).toBe(String(edge.count));
    }
    // Nothing drawn on top of anything else, and the map fits the card.
    expect(await overlaps(page)).toEqual([]);
    const svgWidth = await page.getByTestId('pm-svg').evaluate((el) => el.getBoundingClientRect().width);
    const cardWidth = await page.getByTestId('process-map').evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(cardWidth);
    await screenshot(page, 'process-map.png');

    // Median, then p90 labels: the API's seconds, shown as the table shows them.
    const tableTimes = new Map(
      await page
        .getByTestId('edge-row')
        .evaluateAll((rows) =>
          rows.map((row) => [
            `${row.querySelector('[data-testid="edge-from"]')?.textContent}→${row
              .querySelector('[data-testid="edge-to"]')
              ?.textContent?.replace(/^→/, '')}`,
            [
              row.querySelector('[data-testid="edge-median"]')?.textContent ?? '',
              row.querySelector('[data-testid="edge-p90"]')?.textContent ?? '',
            ],
          ]),
        ),
    );
    for (const [mode, pick, column] of [
      ['median', (e: DfgReport['edges'][number]) => e.medianSeconds, 0],
      ['p90', (e: DfgReport['edges'][number]) => e.p90Seconds, 1],
    ] as const) {
      await page.getByTestId(`pm-label-${mode}`).click();
      await page.waitForURL(new RegExp(`[?&]label=${mode}$`));
      await poll(async () => [...(await shownLabels(page)).values()].map((l) => l.value).sort()).toEqual(
        dfg.edges.map(pick).sort(),
      );
      labels = await shownLabels(page);
      for (const edge of dfg.edges) {
        const key = `${edge.from}→${edge.to}`;
        expect(labels.get(key)?.value).toBe(pick(edge));
        expect(labels.get(key)?.text).toBe(tableTimes.get(key)?.[column]);
      }
      // Start and end arcs have no times: unlabelled.
      expect(await page.getByTestId('pm-endpoint-label').count()).toBe(0);
    }

    // The slider: each step to the right hides exactly the transitions seen fewer times.
    const steps = [
      ...new Set([
        ...dfg.edges.map((e) => e.count),
        ...Object.values(dfg.startActivities),
        ...Object.values(dfg.endActivities),
      ]),
    ].sort((a, b) => a - b);
    const slider = page.getByTestId('pm-min-count');
    await slider.focus();
    for (const k of [1, 2, 3, 4, 5, 6]) {
      await page.keyboard.press('ArrowRight');
      const minCount = steps[k]!;
      await page.waitForURL(new RegExp(`[?&]minCount=${minCount}(&|$)`));
      expect(Number(await page.getByTestId('pm-min-count-value').getAttribute('data-value'))).toBe(minCount);
      const expected = expectedMap(dfg, minCount);
      await poll(async () => (await shownMap(page)).transitions).toEqual(expected.transitions);
      expect(await shownMap(page)).toEqual(expected);
      expect(Number(await page.getByTestId('pm-shown').getAttribute('data-value'))).toBe(expected.transitions.length);
    }
    const minCount = steps[6]!;
    const hidden = expectedMap(dfg, minCount);
    expect(hidden.transitions.length).toBeLessThan(dfg.edges.length);
    expect(await overlaps(page)).toEqual([]);

    // The address holds the view: a reload, and a fresh page opened at the same address, show it again.
    expect(new URL(page.url()).searchParams.get('label')).toBe('p90');
    const address = page.url();
    await page.reload();
    expect(await shownMap(page)).toEqual(hidden);
    expect(await page.getByTestId('pm-label-p90').getAttribute('aria-pressed')).toBe('true');
    expect(Number(await slider.inputValue())).toBe(6);
    const other = await harness.openPage();
    await other.page.goto(`${address}&token=${TOKEN}`);
    expect(await shownMap(other.page)).toEqual(hidden);
    expect([...(await shownLabels(other.page)).values()].map((l) => l.value).sort()).toEqual(
      dfg.edges
        .filter((e) => e.count >= minCount)
        .map((e) => e.p90Seconds)
        .sort(),
    );

    // Back to every transition: the default leaves the address.
    await slider.fill('0');
    await page.waitForURL((url) => !url.searchParams.has('minCount'));
    await poll(async () => (await shownMap(page)).transitions.length).toBe(dfg.edges.length);

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 120_000);
});
