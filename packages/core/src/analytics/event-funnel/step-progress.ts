import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import { CHANNEL_SLOTS, type RowMatcher } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';

/** How far one customer got: the furthest step (0-based, -1 none) and the times along the way. */
export interface RunProgress {
  furthest: number;
  /** Per step s ≥ 1, milliseconds from step s-1 to step s on the path that first reached s (NaN if unreached). */
  msFromPrevious: Float64Array;
  /** First step to last (ms) on the path that first completed the funnel (NaN if it did not). */
  msToConvert: number;
}

interface ProgressInput {
  steps: readonly RowMatcher[];
  exclusions: ReadonlyArray<{ matcher: RowMatcher; afterStep: number; beforeStep: number }>;
  mode: 'ordered' | 'strict' | 'any';
  windowSeconds: number;
  scope: CustomerScope;
}

/**
 * Walks one customer's rows at a time. Which steps a row is comes from one table read by
 * activity and channel (predicates are evaluated only for activities that have them), so
 * rows no step can be cost almost nothing.
 */
export function stepProgress(rows: SortedRows, input: ProgressInput): { run(r: number): RunProgress } {
  const n = input.steps.length;
  const { rowStart, rowEnd } = input.scope;
  const { activity, channel, timestampMs: ts } = rows;
  const windowMs = input.windowSeconds * 1000;
  const activityCount = input.steps[0]?.activityOk.length ?? 0;
  const steps = matchTable(input.steps, activityCount);
  const { plain, checked } = steps;
  const exclusions = matchTable(
    input.exclusions.map((e) => e.matcher),
    activityCount,
  );
  const hasExclusions = input.exclusions.length > 0;
  // Chain state per step: when the chain reaching it started, and when it reached it.
  const chainStart = new Float64Array(n);
  const stepAt = new Float64Array(n);
  const nextStart = new Float64Array(n);
  const nextAt = new Float64Array(n);
  const out: RunProgress = { furthest: -1, msFromPrevious: new Float64Array(n), msToConvert: Number.NaN };

  /** The steps a row is: one table read, predicates only where an activity has them. */
  const stepBits = (row: number): number => {
    const a = activity[row] as number;
    const bits = plain[a * CHANNEL_SLOTS + (channel[row] as number)] as number;
    const check = checked[a] as number;
    return check === 0 ? bits : bits | steps.checkedBits(rows, row, check);
  };

  const reach = (s: number, fromPreviousMs: number, fromStartMs: number): void => {
    if (s <= out.furthest) return;
    out.furthest = s;
    out.msFromPrevious[s] = fromPreviousMs;
    if (s === n - 1) out.msToConvert = fromStartMs;
  };

  function ordered(start: number, end: number): void {
    for (let s = 0; s < n; s++) chainStart[s] = Number.NaN;
    for (let row = start; row < end; row++) {
      if (hasExclusions) {
        const excluded = exclusions.bits(rows, row);
        for (let k = 0; excluded !== 0 && k < input.exclusions.length; k++) {
          if (((excluded >> k) & 1) === 0) continue;
          const exclusion = input.exclusions[k] as { afterStep: number; beforeStep: number };
          for (let s = exclusion.afterStep; s < exclusion.beforeStep; s++) chainStart[s] = Number.NaN;
        }
      }
      const bits = stepBits(row);
      if (bits === 0) continue;
      const t = ts[row] as number;
      // Highest step first, so one event advances a chain by one step only.
      for (let s = n - 1; s >= 1; s--) {
        if (((bits >> s) & 1) === 0) continue;
        const started = chainStart[s - 1] as number;
        if (Number.isNaN(started) || t - started > windowMs) continue;
        if (!(started <= (chainStart[s] as number))) {
          chainStart[s] = started;
          stepAt[s] = t;
        }
        reach(s, t - (stepAt[s - 1] as number), t - started);
      }
      if ((bits & 1) === 1) {
        chainStart[0] = t;
        stepAt[0] = t;
        if (out.furthest < 0) out.furthest = 0;
      }
    }
  }

  function strict(start: number, end: number): void {
    for (let s = 0; s < n; s++) chainStart[s] = Number.NaN;
    let alive = false; // whether any chain is open
    for (let row = start; row < end; row++) {
      const bits = stepBits(row);
      if (bits === 0) {
        // Every open chain needed this very row.
        if (alive) for (let s = 0; s < n; s++) chainStart[s] = Number.NaN;
        alive = false;
        continue;
      }
      const t = ts[row] as number;
      for (let s = 0; s < n; s++) nextStart[s] = Number.NaN;
      for (let s = 1; s < n; s++) {
        if (((bits >> s) & 1) === 0) continue;
        const started = chainStart[s - 1] as number;
        if (Number.isNaN(started) || t - started > windowMs) continue;
        nextStart[s] = started;
        nextAt[s] = t;
        reach(s, t - (stepAt[s - 1] as number), t - started);
      }
      if ((bits & 1) === 1) {
        nextStart[0] = t;
        nextAt[0] = t;
        if (out.furthest < 0) out.furthest = 0;
      }
      alive = false;
      for (let s = 0; s < n; s++) {
        chainStart[s] = nextStart[s] as number;
        stepAt[s] = nextAt[s] as number;
        if (!Number.isNaN(chainStart[s] as number)) alive = true;
      }
    }
  }

  function anyOrder(start: number, end: number): void {
    // Sliding window over rows that match some step: the most distinct steps inside one window.
    const matched: number[] = [];
    for (let row = start; row < end; row++) {
      const bits = stepBits(row);
      for (let s = 0; bits !== 0 && s < n; s++) if (((bits >> s) & 1) === 1) matched.push(row, s);
    }
    const inWindow = new Int32Array(n);
    let distinct = 0;
    let left = 0;
    for (let right = 0; right < matched.length; right += 2) {
      const t = ts[matched[right] as number] as number;
      if (inWindow[matched[right + 1] as number]++ === 0) distinct++;
      while (t - (ts[matched[left] as number] as number) > windowMs) {
        if (--inWindow[matched[left + 1] as number] === 0) distinct--;
        left += 2;
      }
      if (distinct - 1 > out.furthest) out.furthest = distinct - 1;
    }
  }

  const walk = input.mode === 'ordered' ? ordered : input.mode === 'strict' ? strict : anyOrder;
  return {
    run(r) {
      out.furthest = -1;
      for (let s = 0; s < n; s++) out.msFromPrevious[s] = Number.NaN;
      out.msToConvert = Number.NaN;
      walk(rowStart[r] as number, rowEnd[r] as number);
      return out;
    },
  };
}
