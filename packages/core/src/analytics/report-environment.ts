import { durationSeconds } from '../journey-definition/duration.ts';
import type { JourneyDefinition } from '../journey-definition/journey-definition.ts';
import type { JourneyIndex } from '../journey-index/journey-index.ts';
import { ReportParamError, type ReportParams } from './filter/filter.ts';
import type { KernelPlan } from './split/split-kernels.ts';

/** What reports know besides the index: the workspace's journey definitions, by id. */
export interface ReportEnvironment {
  journeys: ReadonlyMap<string, JourneyDefinition>;
}

export const EMPTY_ENVIRONMENT: ReportEnvironment = { journeys: new Map() };

/** The journey a report is about: `journey=<id>`, or the only one there is. */
export function chosenJourney(params: ReportParams, environment: ReportEnvironment): JourneyDefinition {
  const ids = [...environment.journeys.keys()];
  const id = params.journey ?? (ids.length === 1 ? ids[0] : undefined);
  if (id === undefined) {
    throw new ReportParamError(
      ids.length === 0
        ? 'journey: this workspace has no journey definitions (add a YAML file to <data>/journeys/ or pass --journey FILE)'
        : `journey: expected one of ${ids.join(', ')}`,
    );
  }
  const journey = environment.journeys.get(id);
  if (journey === undefined)
    throw new ReportParamError(`journey: no journey "${id}"; journeys: ${ids.join(', ') || '(none)'}`);
  return journey;
}

export function positiveInt(params: ReportParams, name: string): number | undefined {
  const text = params[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new ReportParamError(`${name}: expected a positive integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A report as the registry runs it: what it needs tracked, then the run. */
export interface ReportDefinition<R> {
  /** Attribute paths (event attributes and traits) the index must track before {@link run}. */
  needs(params: ReportParams, environment: ReportEnvironment): string[];
  run(index: JourneyIndex, params: ReportParams, environment: ReportEnvironment): R;
  /** Reports built on a split kernel: the plan {@link run} runs whole, and a caller may split. */
  plan?(index: JourneyIndex, params: ReportParams, environment: ReportEnvironment): KernelPlan<R>;
}

/** The conversion window parameter (`window=7d`), or the fallback. */
export function windowParam(params: ReportParams, fallbackSeconds: number): number {
  const text = params.window;
  if (text === undefined || text === '') return fallbackSeconds;
  const seconds = durationSeconds(text);
  if (seconds === undefined)
    throw new ReportParamError(`window: expected a duration like 30m, 48h or 7d, got ${JSON.stringify(text)}`);
  return seconds;
}
