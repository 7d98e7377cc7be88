import { customerScope } from '../filter/customer-scope.ts';
import { filterPaths, parseFilter } from '../filter/filter.ts';
import { classifiedRows, indexContext } from '../journey-view.ts';
import { attributePaths } from '../matching/event-matcher.ts';
import { chosenJourney, type ReportDefinition, windowParam } from '../report-environment.ts';
import { type StageFunnelReport, stageFunnel } from './stage-funnel.ts';

/** `stage-funnel`: params journey, window, and the shared filter (from, to, segment, breakdown). */
export const stageFunnelReport: ReportDefinition<StageFunnelReport> = {
  needs(params, environment) {
    const journey = chosenJourney(params, environment);
    return [...attributePaths(journey.touchpoints.map((t) => t.match)), ...filterPaths(parseFilter(params))];
  },
  run(index, params, environment) {
    const journey = chosenJourney(params, environment);
    const filter = parseFilter(params);
    const windowSeconds = windowParam(params, Number.POSITIVE_INFINITY);
    const rows = index.rows();
    const { stage } = classifiedRows(index, journey);
    return stageFunnel(rows, {
      journey: journey.id,
      stages: journey.stages.map((s) => s.name),
      stageOfRow: stage,
      scope: customerScope(rows, filter, indexContext(index)),
      windowSeconds,
      breakdown: filter.breakdown !== null,
    });
  },
};
