import type { JourneyDefinition } from './journey-definition.ts';

/** A funnel of a journey definition, as the journey list shows it. */
export interface JourneyFunnelSummary {
  name: string;
  mode: 'ordered' | 'strict' | 'any';
  steps: string[];
  /** The conversion window in seconds; null when unlimited. */
  windowSeconds: number | null;
  /** Exclusion events between two steps (1-based step numbers). */
  exclusions: Array<{ afterStep: number; beforeStep: number }>;
}

/** One journey definition, summarised for pickers and labels (`GET /api/journeys`). */
export interface JourneySummary {
  id: string;
  name: string;
  description: string | null;
  stages: string[];
  touchpoints: Array<{ name: string; stage: string }>;
  funnels: JourneyFunnelSummary[];
}

export function journeySummary(journey: JourneyDefinition): JourneySummary {
  return {
    id: journey.id,
    name: journey.name,
    description: journey.description ?? null,
    stages: journey.stages.map((stage) => stage.name),
    touchpoints: journey.touchpoints.map((t) => ({ name: t.name, stage: t.stage })),
    funnels: journey.funnels.map((f) => ({
      name: f.name,
      mode: f.mode,
      steps: f.steps.map((s) => s.name),
      windowSeconds: Number.isFinite(f.windowSeconds) ? f.windowSeconds : null,
      exclusions: f.exclusions.map((e) => ({ afterStep: e.afterStep + 1, beforeStep: e.beforeStep + 1 })),
    })),
  };
}
