import { CHANNELS } from '../../events/channel.ts';
import { sharedArray } from '../../journey-index/shared-memory.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import type { MatchContext } from '../matching/event-matcher.ts';
import { compilePredicate } from '../matching/predicate.ts';
import { lowerBound } from '../shared/order.ts';
import type { Filter } from './filter.ts';

/** What a filter needs from the index beyond event attributes: customer traits. */
export interface ScopeContext extends MatchContext {
  /** A tracked trait's latest value per run (see JourneyIndex.customerTrait). */
  trait(path: string): { values: readonly string[]; byRun: Int32Array };
}

/** The customers and rows a report sees after filtering, and each customer's breakdown group. */
export interface CustomerScope {
  /** Per run: the rows within the date range are [rowStart[r], rowEnd[r]). */
  rowStart: Int32Array;
  rowEnd: Int32Array;
  /** Per run: the breakdown group (an index into groupNames), -1 when the customer is filtered out. */
  group: Int32Array;
  groupNames: string[];
}

/** The breakdown group name for customers without a value. */
export const NO_VALUE = '(none)';

/** Applies a filter: date range to rows, segment to customers, breakdown to groups. */
export function customerScope(rows: SortedRows, filter: Filter, context: ScopeContext): CustomerScope {
  const { runCount, runStart, timestampMs } = rows;
  // On shared memory: worker threads read the scope too.
  const rowStart = sharedArray(Int32Array, runCount);
  const rowEnd = sharedArray(Int32Array, runCount);
  const dated = filter.fromMs > Number.NEGATIVE_INFINITY || filter.toMs < Number.POSITIVE_INFINITY;
  for (let r = 0; r < runCount; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    rowStart[r] = dated ? lowerBound(timestampMs, start, end, filter.fromMs) : start;
    rowEnd[r] = dated ? lowerBound(timestampMs, start, end, filter.toMs) : end;
  }
  const included = new Uint8Array(runCount);
  for (let r = 0; r < runCount; r++) included[r] = rowEnd[r] > rowStart[r] ? 1 : 0;
  for (const condition of filter.segment) {
    const test = compilePredicate(condition.predicate);
    if (condition.path.startsWith('traits.')) {
      const { values, byRun } = context.trait(condition.path);
      const ok = values.map((value) => test(value));
      const absentOk = test(null);
      for (let r = 0; r < runCount; r++) {
        const code = byRun[r] as number;
        if (!(code < 0 ? absentOk : ok[code])) included[r] = 0;
      }
    } else {
      const { values, codes } = context.attribute(condition.path);
      const ok = values.map((value) => test(value));
      for (let r = 0; r < runCount; r++) {
        if (included[r] === 0) continue;
        let any = false;
        for (let row = rowStart[r] as number; row < (rowEnd[r] as number) && !any; row++) {
          const code = codes[row] as number;
          any = code < 0 ? test(null) : (ok[code] as boolean);
        }
        if (!any) included[r] = 0;
      }
    }
  }
  const { group, groupNames } = groups(rows, filter, context, rowStart, rowEnd);
  for (let r = 0; r < runCount; r++) if (included[r] === 0) group[r] = -1;
  return { rowStart, rowEnd, group, groupNames };
}

function groups(
  rows: SortedRows,
  filter: Filter,
  context: ScopeContext,
  rowStart: Int32Array,
  rowEnd: Int32Array,
): { group: Int32Array; groupNames: string[] } {
  const runCount = rows.runCount;
  const group = sharedArray(Int32Array, runCount);
  const breakdown = filter.breakdown;
  if (breakdown === null) return { group, groupNames: ['all'] };
  if (breakdown.kind === 'firstTouch' || breakdown.kind === 'lastTouch') {
    const first = breakdown.kind === 'firstTouch';
    for (let r = 0; r < runCount; r++) {
      if (rowEnd[r] === rowStart[r]) continue;
      group[r] = rows.channel[first ? (rowStart[r] as number) : (rowEnd[r] as number) - 1] as number;
    }
    return { group, groupNames: ['(unknown)', ...CHANNELS] };
  }
  let values: readonly string[];
  if (breakdown.kind === 'trait') {
    const trait = context.trait(breakdown.path);
    values = trait.values;
    for (let r = 0; r < runCount; r++) group[r] = trait.byRun[r] as number;
  } else {
    const column = context.attribute(breakdown.path);
    values = column.values;
    for (let r = 0; r < runCount; r++) {
      let code = -1;
      for (let row = rowStart[r] as number; row < (rowEnd[r] as number) && code < 0; row++)
        code = column.codes[row] as number;
      group[r] = code;
    }
  }
  // Customers without a value form the last group.
  const none = values.length;
  for (let r = 0; r < runCount; r++) if ((group[r] as number) < 0) group[r] = none;
  return { group, groupNames: [...values, NO_VALUE] };
}
