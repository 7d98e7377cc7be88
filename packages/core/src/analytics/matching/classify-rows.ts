import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { compileMatch, type MatchContext, type RowMatcher } from './event-matcher.ts';

/** Each row's touchpoint and stage under a journey definition (-1 where none matches). */
export interface RowClassification {
  touchpoint: Int32Array;
  stage: Int32Array;
}

/**
 * Classifies every row: the first touchpoint in file order whose match holds. Touchpoints are
 * grouped by activity first, so a row only tries the touchpoints its activity can be.
 */
export function classifyRows(rows: SortedRows, journey: JourneyDefinition, context: MatchContext): RowClassification {
  const matchers: RowMatcher[] = journey.touchpoints.map((touchpoint) => compileMatch(touchpoint.match, context));
  const candidates: number[][] = context.activityNames.map(() => []);
  matchers.forEach((matcher, t) => {
    for (let code = 0; code < candidates.length; code++) if (matcher.activityOk[code] === 1) candidates[code]?.push(t);
  });
  const stageOf = journey.touchpoints.map((touchpoint) => touchpoint.stageIndex);
  const touchpoint = new Int32Array(rows.length).fill(-1);
  const stage = new Int32Array(rows.length).fill(-1);
  for (let row = 0; row < rows.length; row++) {
    const tried = candidates[rows.activity[row] as number] as number[];
    for (let k = 0; k < tried.length; k++) {
      const t = tried[k] as number;
      if ((matchers[t] as RowMatcher).matches(rows, row)) {
        touchpoint[row] = t;
        stage[row] = stageOf[t] as number;
        break;
      }
    }
  }
  return { touchpoint, stage };
}
