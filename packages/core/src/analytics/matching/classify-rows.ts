import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { MAX_STAGES } from '../../journey-definition/schema.ts';
import { sharedArray } from '../../journey-index/shared-memory.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { CHANNEL_SLOTS, compileMatch, type MatchContext, matchesRow, type RowMatcher } from './event-matcher.ts';

/** In the (activity, channel) table: a touchpoint with predicates comes first, so rows are tried one by one. */
const TRY_EACH = -2;

/** Each row's touchpoint and stage under a journey definition (-1 where none matches). */
export interface RowClassification {
  touchpoint: Int32Array;
  /** One byte per row (journeys have at most {@link MAX_STAGES} stages): a quarter of the memory to scan. */
  stage: Int8Array;
}

/**
 * Classifies every row: the first touchpoint in file order whose match holds. Where activity
 * and channel decide it (no predicate comes first), one table read answers; otherwise the row
 * tries the touchpoints its activity can be, in order.
 */
export function classifyRows(rows: SortedRows, journey: JourneyDefinition, context: MatchContext): RowClassification {
  const matchers: RowMatcher[] = journey.touchpoints.map((touchpoint) => compileMatch(touchpoint.match, context));
  const candidates: number[][] = context.activityNames.map(() => []);
  matchers.forEach((matcher, t) => {
    for (let code = 0; code < candidates.length; code++) if (matcher.activityOk[code] === 1) candidates[code]?.push(t);
  });
  const decided = new Int32Array(candidates.length * CHANNEL_SLOTS).fill(-1);
  for (let a = 0; a < candidates.length; a++) {
    for (let c = 0; c < CHANNEL_SLOTS; c++) {
      for (const t of candidates[a] as number[]) {
        const matcher = matchers[t] as RowMatcher;
        if (matcher.hasPredicates) {
          decided[a * CHANNEL_SLOTS + c] = TRY_EACH;
          break;
        }
        if (matcher.channelOk[c] === 1) {
          decided[a * CHANNEL_SLOTS + c] = t;
          break;
        }
      }
    }
  }
  const stageOf = Int32Array.from(journey.touchpoints.map((touchpoint) => touchpoint.stageIndex));
  // On shared memory: worker threads read them too.
  const touchpoint = sharedArray(Int32Array, rows.length);
  const stage = sharedArray(Int8Array, rows.length);
  const { activity, channel } = rows;
  for (let row = 0; row < rows.length; row++) {
    const known = decided[(activity[row] as number) * CHANNEL_SLOTS + (channel[row] as number)] as number;
    if (known !== TRY_EACH) {
      touchpoint[row] = known;
      stage[row] = known < 0 ? -1 : (stageOf[known] as number);
      continue;
    }
    touchpoint[row] = -1;
    stage[row] = -1;
    const tried = candidates[activity[row] as number] as number[];
    for (let k = 0; k < tried.length; k++) {
      const t = tried[k] as number;
      if (matchesRow(matchers[t] as RowMatcher, rows, row)) {
        touchpoint[row] = t;
        stage[row] = stageOf[t] as number;
        break;
      }
    }
  }
  return { touchpoint, stage };
}
