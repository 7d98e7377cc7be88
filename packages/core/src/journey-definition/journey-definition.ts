import type { EventMatch, JourneyDefinitionInput, StageInput, TouchpointInput } from './schema.ts';

/** A funnel as reports run it: steps and exclusions resolved to event matches. */
export interface FunnelDefinition {
  name: string;
  steps: Array<{ name: string; match: EventMatch }>;
  /** Conversion window from the first step, in seconds (Infinity when none). */
  windowSeconds: number;
  mode: 'ordered' | 'strict' | 'any';
  /** An exclusion applies after step `afterStep` and before step `beforeStep` (0-based). */
  exclusions: Array<{ match: EventMatch; afterStep: number; beforeStep: number }>;
}

/** A validated journey: stages in order, each touchpoint pointing at its stage. */
export interface JourneyDefinition {
  id: string;
  name: string;
  description: string | undefined;
  source: JourneyDefinitionInput;
  stages: StageInput[];
  touchpoints: Array<TouchpointInput & { stageIndex: number }>;
  funnels: FunnelDefinition[];
}
