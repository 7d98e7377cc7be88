import type { FunnelMode } from '@waymark/core';
import type { JourneySummary } from '../../api/journeys.ts';

/** The event funnel page's own address parameters (API names), besides the shared filter. */
export const FUNNEL_PARAMS = ['funnel', 'steps', 'mode', 'dropOffAfter', 'limit'] as const;

/** Ad-hoc steps in the address: event names joined by `>`, as the API takes them. */
export const STEP_SEPARATOR = '>';

export function parseSteps(text: string): string[] {
  return text === '' ? [] : text.split(STEP_SEPARATOR).map((step) => step.trim());
}

export const joinSteps = (steps: readonly string[]): string => steps.map((step) => step.trim()).join(STEP_SEPARATOR);

export function parseMode(text: string): FunnelMode | null {
  return text === 'ordered' || text === 'strict' || text === 'any' ? text : null;
}

export const DROP_OFF_LIMITS = [100, 1000, 10_000] as const;
export const DEFAULT_DROP_OFF_LIMIT = 100;

/** What the page reports on: a funnel of the journey, or steps typed in. */
export type FunnelSubject =
  | { kind: 'journey'; name: string; mode: FunnelMode; steps: string[] }
  | { kind: 'custom'; steps: string[] }
  | { kind: 'none' };

/** `steps=` wins; else `funnel=` names one of the journey's funnels, else its first. */
export function funnelSubject(journey: JourneySummary | undefined, funnel: string, steps: string): FunnelSubject {
  if (steps !== '') return { kind: 'custom', steps: parseSteps(steps) };
  const funnels = journey?.funnels ?? [];
  const chosen = funnel === '' ? funnels[0] : funnels.find((f) => f.name === funnel);
  if (chosen !== undefined) return { kind: 'journey', name: chosen.name, mode: chosen.mode, steps: chosen.steps };
  // An unknown name still goes to the server, which says which funnels there are.
  if (funnel !== '') return { kind: 'journey', name: funnel, mode: 'ordered', steps: [] };
  return { kind: 'none' };
}
