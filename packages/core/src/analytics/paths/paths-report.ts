import type { EventMatch } from '../../journey-definition/schema.ts';
import { filterPaths, parseFilter, ReportParamError, type ReportParams } from '../filter/filter.ts';
import { classifiedRows, indexContext, scopeOf } from '../journey-view.ts';
import { attributePaths, compileMatch } from '../matching/event-matcher.ts';
import { chosenJourney, positiveInt, type ReportDefinition, type ReportEnvironment } from '../report-environment.ts';
import { kernelPlan, splitReport } from '../split/split-kernels.ts';
import type { PathsInput, PathsReport } from './paths.ts';

/**
 * `paths`: anchored at `startEvent` / `startTouchpoint` (paths after it) or `endEvent` /
 * `endTouchpoint` (paths leading to it), or from each customer's first event; `depth` steps
 * (default 5, at most 10), `top` labels per step (default 8), `variants` (default 10),
 * `by=event|touchpoint` (touchpoint needs a journey), and the shared filter.
 */
export const pathsReport: ReportDefinition<PathsReport> = splitReport({
  needs(params, environment) {
    const { match } = anchorOf(params, environment);
    const journeyPaths =
      params.by === 'touchpoint'
        ? attributePaths(chosenJourney(params, environment).touchpoints.map((t) => t.match))
        : [];
    return [...attributePaths([match]), ...journeyPaths, ...filterPaths(parseFilter(params))];
  },
  plan(index, params, environment) {
    const filter = parseFilter(params);
    const rows = index.rows();
    const context = indexContext(index);
    const { direction, name, match } = anchorOf(params, environment);
    const depth = positiveInt(params, 'depth') ?? 5;
    if (depth > 10) throw new ReportParamError(`depth: expected at most 10 steps, got ${depth}`);
    const by = params.by ?? 'event';
    if (by !== 'event' && by !== 'touchpoint')
      throw new ReportParamError(`by: expected event or touchpoint, got ${JSON.stringify(by)}`);
    const journey = by === 'touchpoint' ? chosenJourney(params, environment) : null;
    const input: PathsInput = {
      direction,
      anchorName: name,
      anchor: compileMatch(match, context),
      labelOfRow: journey === null ? null : classifiedRows(index, journey).touchpoint,
      labelNames: journey === null ? context.activityNames : journey.touchpoints.map((t) => t.name),
      by,
      steps: depth,
      topPerStep: positiveInt(params, 'top') ?? 8,
      variants: positiveInt(params, 'variants') ?? 10,
      scope: scopeOf(index, filter),
      breakdown: filter.breakdown !== null,
    };
    return kernelPlan('paths', rows, input, (report) => report);
  },
});

function anchorOf(
  params: ReportParams,
  environment: ReportEnvironment,
): { direction: 'from' | 'to'; name: string | null; match: EventMatch } {
  const given = (['startEvent', 'startTouchpoint', 'endEvent', 'endTouchpoint'] as const).filter(
    (key) => params[key] !== undefined && params[key] !== '',
  );
  if (given.length > 1) throw new ReportParamError(`paths: give one anchor, not ${given.join(' and ')}`);
  const key = given[0];
  if (key === undefined) return { direction: 'from', name: null, match: {} };
  const value = params[key] as string;
  const direction = key.startsWith('start') ? 'from' : 'to';
  if (key.endsWith('Event')) return { direction, name: value, match: { event: value } };
  const touchpoint = chosenJourney(params, environment).touchpoints.find((t) => t.name === value);
  if (touchpoint === undefined) throw new ReportParamError(`${key}: no touchpoint "${value}" in the journey`);
  return { direction, name: value, match: touchpoint.match };
}
