import { CHANNELS, channelCode } from '../../events/channel.ts';
import type { EventMatch, Predicate } from '../../journey-definition/schema.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { compilePredicate } from './predicate.ts';

/** An event attribute column as the matcher reads it (see JourneyIndex.eventAttribute). */
export interface AttributeColumn {
  values: readonly string[];
  codes: Int32Array;
}

/** What compiling a match needs from the index. */
export interface MatchContext {
  activityNames: readonly string[];
  /** A tracked event attribute's column; the caller tracks every path {@link attributePaths} names. */
  attribute(path: string): AttributeColumn;
}

/** An attribute predicate as a table over the attribute's dictionary codes. */
export interface CodeTest {
  /** The attribute's codes by row (the index's column, shared with worker threads). */
  codes: Int32Array;
  /** Per dictionary code: 1 where the predicate holds. */
  ok: Uint8Array;
  /** 1 where the predicate holds for rows without the attribute. */
  absentOk: number;
}

/**
 * A match compiled to lookup tables: each test is a table read, whatever the predicate. Plain
 * data (typed arrays), so a worker thread can use it as it is.
 */
export interface RowMatcher {
  /** Whether an activity code can match (the other tests still apply). */
  activityOk: Uint8Array;
  /** Whether a channel code can match. */
  channelOk: Uint8Array;
  /** Whether attribute predicates apply (if not, activity and channel decide alone). */
  hasPredicates: boolean;
  tests: CodeTest[];
}

/** Whether a row satisfies a compiled match. */
export function matchesRow(matcher: RowMatcher, rows: SortedRows, row: number): boolean {
  if (matcher.activityOk[rows.activity[row] as number] !== 1 || matcher.channelOk[rows.channel[row] as number] !== 1)
    return false;
  for (const test of matcher.tests) {
    const code = test.codes[row] as number;
    if ((code < 0 ? test.absentOk : test.ok[code]) !== 1) return false;
  }
  return true;
}

/** Channel codes per activity in the (activity, channel) tables below. */
export const CHANNEL_SLOTS = CHANNELS.length + 1;

/** The attribute paths a set of matches reads (what the index must track before compiling). */
export function attributePaths(matches: Iterable<EventMatch>): string[] {
  const paths = new Set<string>();
  for (const match of matches) for (const path of Object.keys(match.where ?? {})) paths.add(path);
  return [...paths].sort();
}

/**
 * Compiles an event match: activity names and channels to tables by code, each predicate to a
 * table over its attribute's dictionary (evaluated once per distinct value, not per row).
 */
export function compileMatch(match: EventMatch, context: MatchContext): RowMatcher {
  const names = context.activityNames;
  const activityOk = new Uint8Array(names.length);
  if (match.event === undefined) activityOk.fill(1);
  else {
    const wanted = new Set(typeof match.event === 'string' ? [match.event] : match.event);
    for (let code = 0; code < names.length; code++) if (wanted.has(names[code] as string)) activityOk[code] = 1;
  }
  const channelOk = new Uint8Array(CHANNELS.length + 1);
  if (match.channel === undefined) channelOk.fill(1);
  else
    for (const channel of typeof match.channel === 'string' ? [match.channel] : match.channel)
      channelOk[channelCode(channel)] = 1;

  const tests = Object.entries(match.where ?? {}).map(([path, predicate]) =>
    valueTable(context.attribute(path), predicate),
  );
  return { activityOk, channelOk, hasPredicates: tests.length > 0, tests };
}

function valueTable(column: AttributeColumn, predicate: Predicate): CodeTest {
  const test = compilePredicate(predicate);
  const ok = new Uint8Array(column.values.length);
  for (let code = 0; code < ok.length; code++) ok[code] = test(column.values[code] as string) ? 1 : 0;
  return { codes: column.codes, ok, absentOk: test(null) ? 1 : 0 };
}
