import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';

/** How far one customer got: the furthest step (0-based, -1 none) and the times along the way. */
export interface RunProgress {
  furthest: number;
  /** Per step s ≥ 1, seconds from step s-1 to step s on the path that first reached s (NaN if unreached). */
  secondsFromPrevious: Float64Array;
  /** First step to last on the path that first completed the funnel (NaN if it did not). */
  secondsToConvert: number;
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
  const ts = rows.timestampMs;
  const windowMs = input.windowSeconds * 1000;
  const activityCount = input.steps[0]?.activityOk.length ?? 0;
  const steps = matchTable(input.steps, activityCount);
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
  const out: RunProgress = { furthest: -1, secondsFromPrevious: new Float64Array(n), secondsToConvert: Number.NaN };
  const lastSeen = new Float64Array(n);

  function ordered(start: number, end: number): void {
    chainStart.fill(Number.NaN);
    for (let row = start; row < end; row++) {
      if (hasExclusions) {
        const excluded = exclusions.bits(rows, row);
        for (let k = 0; excluded !== 0 && k < input.exclusions.length; k++) {
          if (((excluded >> k) & 1) === 0) continue;
          const exclusion = input.exclusions[k] as { afterStep: number; beforeStep: number };
          for (let s = exclusion.afterStep; s < exclusion.beforeStep; s++) chainStart[s] = Number.NaN;
        }
      }
      const bits = steps.bits(rows, row);
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
    chainStart.fill(Number.NaN);
    for (let row = start; row < end; row++) {
      const t = ts[row] as number;
      nextStart.fill(Number.NaN);
      const bits = steps.bits(rows, row);
      if (bits !== 0) {
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
      }
      chainStart.set(nextStart);
      stepAt.set(nextAt);
    }
  }

  function anyOrder(start: number, end: number): void {
    // Sliding window over rows that match some step: the most distinct steps inside one window.
    lastSeen.fill(Number.NaN);
    const matched: number[] = [];
    for (let row = start; row < end; row++) {
      const bits = steps.bits(rows, row);
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

  function reach(s: number, fromPreviousMs: number, fromStartMs: number): void {
    if (s <= out.furthest) return;
    out.furthest = s;
    out.secondsFromPrevious[s] = fromPreviousMs / 1000;
    if (s === n - 1) out.secondsToConvert = fromStartMs / 1000;
  }

  const walk = input.mode === 'ordered' ? ordered : input.mode === 'strict' ? strict : anyOrder;
  return {
    run(r) {
      out.furthest = -1;
      out.secondsFromPrevious.fill(Number.NaN);
      out.secondsToConvert = Number.NaN;
      walk(rowStart[r] as number, rowEnd[r] as number);
      return out;
    },
  };
}
