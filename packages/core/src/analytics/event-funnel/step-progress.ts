import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import { CHANNEL_SLOTS, type RowMatcher } from '../matching/event-matcher.ts';
import { type MatchTable, matchTable, PLAIN_BITS } from '../matching/match-table.ts';

interface ProgressInput {
  steps: readonly RowMatcher[];
  exclusions: ReadonlyArray<{ matcher: RowMatcher; afterStep: number; beforeStep: number }>;
  mode: 'ordered' | 'strict' | 'any';
  windowSeconds: number;
  scope: CustomerScope;
}

/**
 * How far each customer got along a funnel. `run(r)` walks one customer's rows in scope and
 * leaves the outcome in the fields: the furthest step (0-based, -1 none) and the times along
 * the path that first reached each step.
 *
 * Which steps a row is comes from one table read by activity and channel (predicates are
 * evaluated only for activities that have them), so rows no step can be cost almost nothing;
 * the walk stops at the row that completes the funnel, since nothing after it can change the
 * outcome.
 */
export class StepProgress {
  furthest = -1;
  /** Per step s ≥ 1, milliseconds from step s-1 to step s on the path that first reached s (valid for s ≤ furthest). */
  readonly msFromPrevious: Float64Array;
  /** First step to last (ms) on the path that first completed the funnel (valid when furthest is the last step). */
  msToConvert = Number.NaN;

  private readonly stepCount: number;
  private readonly windowMs: number;
  private readonly steps: MatchTable;
  private readonly exclusions: MatchTable | null;
  /** Per exclusion k: the steps whose chains it breaks, as bits. */
  private readonly breaks: Int32Array;
  // Chain state per step: when the chain reaching it started, and when it reached it.
  private readonly chainStart: Float64Array;
  private readonly stepAt: Float64Array;
  private readonly matched: number[] = [];
  private readonly inWindow: Int32Array;

  constructor(
    private readonly rows: SortedRows,
    private readonly input: ProgressInput,
  ) {
    const n = input.steps.length;
    this.stepCount = n;
    this.windowMs = input.windowSeconds * 1000;
    const activityCount = input.steps[0]?.activityOk.length ?? 0;
    this.steps = matchTable(input.steps, activityCount);
    this.exclusions =
      input.exclusions.length === 0
        ? null
        : matchTable(
            input.exclusions.map((e) => e.matcher),
            activityCount,
          );
    this.breaks = Int32Array.from(input.exclusions, ({ afterStep, beforeStep }) => {
      let bits = 0;
      for (let s = afterStep; s < beforeStep; s++) bits |= 1 << s;
      return bits;
    });
    this.msFromPrevious = new Float64Array(n);
    this.chainStart = new Float64Array(n);
    this.stepAt = new Float64Array(n);
    this.inWindow = new Int32Array(n);
  }

  run(r: number): void {
    this.furthest = -1;
    this.msToConvert = Number.NaN;
    const start = this.input.scope.rowStart[r] as number;
    const end = this.input.scope.rowEnd[r] as number;
    const mode = this.input.mode;
    if (mode === 'ordered') this.ordered(start, end);
    else if (mode === 'strict') this.strict(start, end);
    else this.anyOrder(start, end);
  }

  /** Steps in order with anything in between; each step within the window of the chain's first. */
  private ordered(start: number, end: number): void {
    const n = this.stepCount;
    const last = n - 1;
    const { activity, channel, timestampMs: ts } = this.rows;
    const { plain, checked } = this.steps;
    const { chainStart, stepAt, msFromPrevious, windowMs, exclusions, breaks } = this;
    for (let s = 0; s < n; s++) chainStart[s] = Number.NaN;
    let furthest = -1;
    for (let row = start; row < end; row++) {
      if (exclusions !== null) {
        for (let excluded = exclusions.bits(this.rows, row); excluded !== 0; excluded &= excluded - 1) {
          const broken = breaks[31 - Math.clz32(excluded & -excluded)] as number;
          for (let s = 0; s < n; s++) if (((broken >> s) & 1) === 1) chainStart[s] = Number.NaN;
        }
      }
      const a = activity[row] as number;
      let bits = plain[a * CHANNEL_SLOTS + (channel[row] as number)] as number;
      if (bits < 0) bits = (bits & PLAIN_BITS) | this.steps.checkedBits(this.rows, row, checked[a] as number);
      if (bits === 0) continue;
      const t = ts[row] as number;
      // Highest step first, so one event advances a chain by one step only.
      for (let later = bits & ~1; later !== 0; ) {
        const s = 31 - Math.clz32(later);
        later ^= 1 << s;
        const started = chainStart[s - 1] as number;
        if (!(t - started <= windowMs)) continue; // NaN (no chain) fails too
        if (!(started <= (chainStart[s] as number))) {
          chainStart[s] = started;
          stepAt[s] = t;
        }
        if (s > furthest) {
          furthest = s;
          msFromPrevious[s] = t - (stepAt[s - 1] as number);
          if (s === last) {
            this.furthest = furthest;
            this.msToConvert = t - started;
            return;
          }
        }
      }
      if ((bits & 1) === 1) {
        chainStart[0] = t;
        stepAt[0] = t;
        if (furthest < 0) furthest = 0;
      }
    }
    this.furthest = furthest;
  }

  /**
   * Each step the very next event after the previous one, within the window. Chains advance
   * one row per step, so a chain at step s on this row started s rows back and was at step
   * s - 1 on the row before: a bit per step says where chains are, and the rows themselves
   * hold their times.
   */
  private strict(start: number, end: number): void {
    const last = this.stepCount - 1;
    const { timestampMs: ts } = this.rows;
    const { msFromPrevious, windowMs } = this;
    let alive = 0; // bit s: a chain is at step s after this row
    let furthest = -1;
    for (let row = start; row < end; row++) {
      const bits = this.steps.bits(this.rows, row);
      let next = bits & 1;
      const t = ts[row] as number;
      for (let advancing = (alive << 1) & bits; advancing !== 0; ) {
        const s = 31 - Math.clz32(advancing);
        advancing ^= 1 << s;
        const started = ts[row - s] as number;
        if (!(t - started <= windowMs)) continue;
        next |= 1 << s;
        if (s > furthest) {
          furthest = s;
          msFromPrevious[s] = t - (ts[row - 1] as number);
          if (s === last) {
            this.furthest = furthest;
            this.msToConvert = t - started;
            return;
          }
        }
      }
      if ((bits & 1) === 1 && furthest < 0) furthest = 0;
      alive = next;
    }
    this.furthest = furthest;
  }

  /** The most distinct steps inside one window, in any order (a sliding window over matching rows). */
  private anyOrder(start: number, end: number): void {
    const n = this.stepCount;
    const { timestampMs: ts } = this.rows;
    const { matched, inWindow, windowMs } = this;
    matched.length = 0;
    for (let s = 0; s < n; s++) inWindow[s] = 0;
    for (let row = start; row < end; row++) {
      for (let bits = this.steps.bits(this.rows, row); bits !== 0; bits &= bits - 1) {
        matched.push(row, 31 - Math.clz32(bits & -bits));
      }
    }
    let distinct = 0;
    let left = 0;
    let furthest = -1;
    for (let right = 0; right < matched.length && furthest < n - 1; right += 2) {
      const t = ts[matched[right] as number] as number;
      if (inWindow[matched[right + 1] as number]++ === 0) distinct++;
      while (t - (ts[matched[left] as number] as number) > windowMs) {
        if (--inWindow[matched[left + 1] as number] === 0) distinct--;
        left += 2;
      }
      if (distinct - 1 > furthest) furthest = distinct - 1;
    }
    this.furthest = furthest;
  }
}
