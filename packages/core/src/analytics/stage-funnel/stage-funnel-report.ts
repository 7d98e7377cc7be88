import { filterPaths, parseFilter } from '../filter/filter.ts';
import { classifiedRows, scopeOf } from '../journey-view.ts';
import { attributePaths } from '../matching/event-matcher.ts';
import { chosenJourney, type ReportDefinition, windowParam } from '../report-environment.ts';
import { kernelPlan, splitReport } from '../split/split-kernels.ts';
import type { StageFunnelInput, StageFunnelReport } from './stage-funnel.ts';

/** `stage-funnel`: params journey, window, and the shared filter (from, to, segment, breakdown). */
export const stageFunnelReport: ReportDefinition<StageFunnelReport> = splitReport({
  needs(params, environment) {
    const journey = chosenJourney(params, environment);
    return [...attributePaths(journey.touchpoints.map((t) => t.match)), ...filterPaths(parseFilter(params))];
  },
  plan(index, params, environment) {
    const journey = chosenJourney(params, environment);
    const filter = parseFilter(params);
    const windowSeconds = windowParam(params, Number.POSITIVE_INFINITY);
    const rows = index.rows();
    const { stage } = classifiedRows(index, journey);
    const input: StageFunnelInput = {
      journey: journey.id,
      stages: journey.stages.map((s) => s.name),
      stageOfRow: stage,
      scope: scopeOf(index, filter),
      windowSeconds,
      breakdown: filter.breakdown !== null,
    };
    return kernelPlan('stage-funnel', rows, input, (report) => report);
  },
});
