import type { FunnelStep, TimeStats } from '@waymark/core';

/** What the stage and the event funnel share: a named group of customers and its steps. */
export interface FunnelGroupView {
  name: string;
  /** The report's total (all customers in scope), shown as {@link TOTAL_LABEL}. */
  isTotal: boolean;
  customers: number;
  steps: ReadonlyArray<FunnelStep & { reachedAnyOrder?: number }>;
}

/** How the group of every customer in scope (the report's `total`) is named on screen. */
export const TOTAL_LABEL = 'All customers';

/** Colours for breakdown groups, in the order the report sorts them (most customers first). */
export const GROUP_COLORS = [
  '#4263eb',
  '#12b886',
  '#f59f00',
  '#ae3ec9',
  '#1c7ed6',
  '#e8590c',
  '#74b816',
  '#e64980',
  '#15aabf',
  '#7048e8',
];

/** Charts draw at most this many groups; the tables hold them all. */
export const CHARTED_GROUPS = GROUP_COLORS.length;

export const groupColor = (index: number): string => GROUP_COLORS[index % GROUP_COLORS.length] as string;

/** Text for chart tooltips, which are HTML: names come from customer data and must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The step a transition leads to, "A → B", for step index s ≥ 1. */
export function transitionLabel(steps: readonly { name: string }[], s: number): string {
  return `${steps[s - 1]?.name ?? ''} → ${steps[s]?.name ?? ''}`;
}

/** End-to-end conversion of a group: the last step's customers over the first step's. */
export function overallConversion(group: FunnelGroupView): number | null {
  const first = group.steps[0]?.customers ?? 0;
  const last = group.steps[group.steps.length - 1]?.customers ?? 0;
  return first === 0 ? null : last / first;
}

/** The step (index ≥ 1) that loses the most customers, or null when none loses any. */
export function biggestDropOff(group: FunnelGroupView): number | null {
  let best: number | null = null;
  for (let s = 1; s < group.steps.length; s++) {
    const dropped = group.steps[s]?.droppedOff ?? 0;
    if (dropped > 0 && (best === null || dropped > (group.steps[best]?.droppedOff ?? 0))) best = s;
  }
  return best;
}

export const hasTimes = (stats: TimeStats | null): stats is TimeStats => stats !== null && stats.count > 0;
