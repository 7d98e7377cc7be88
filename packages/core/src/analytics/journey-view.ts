import type { JourneyDefinition } from '../journey-definition/journey-definition.ts';
import type { JourneyIndex } from '../journey-index/journey-index.ts';
import type { SortedRows } from '../journey-index/sort.ts';
import { type CustomerScope, customerScope, type ScopeContext } from './filter/customer-scope.ts';
import type { Filter } from './filter/filter.ts';
import { type ActivityPostings, activityPostings } from './matching/activity-postings.ts';
import { classifyRows, type RowClassification } from './matching/classify-rows.ts';

/** Thrown when a report reads an attribute nobody asked the index to track (a wiring bug). */
export class UntrackedAttributeError extends Error {}

/** The index as filters and matchers read it: activity names, tracked attributes and traits. */
export function indexContext(index: JourneyIndex): ScopeContext {
  return {
    activityNames: index.activities.values,
    attribute(path) {
      const column = index.eventAttribute(path);
      if (column === undefined) throw new UntrackedAttributeError(`event attribute ${path} is not tracked`);
      return column;
    },
    trait(path) {
      const trait = index.customerTrait(path);
      if (trait === undefined) throw new UntrackedAttributeError(`trait ${path} is not tracked`);
      return trait;
    },
  };
}

const classifications = new WeakMap<SortedRows, Map<JourneyDefinition, RowClassification>>();

/**
 * Each row's touchpoint and stage under a journey, computed once per index state (the rows
 * object changes whenever events arrive, which drops the cached classification with it).
 */
export function classifiedRows(index: JourneyIndex, journey: JourneyDefinition): RowClassification {
  const rows = index.rows();
  let byJourney = classifications.get(rows);
  if (byJourney === undefined) {
    byJourney = new Map();
    classifications.set(rows, byJourney);
  }
  let classified = byJourney.get(journey);
  if (classified === undefined) {
    classified = classifyRows(rows, journey, indexContext(index));
    byJourney.set(journey, classified);
  }
  return classified;
}

const scopes = new WeakMap<SortedRows, Map<string, CustomerScope>>();

/**
 * The filter's scope over the index's rows. Scopes that depend only on the rows (dates, and
 * first or last touch) are kept per index state, like the classification: a dashboard asks
 * for the same ones again and again. Segments and attribute breakdowns read attribute columns
 * that can be reloaded under the same rows, so those are computed each time.
 */
export function scopeOf(index: JourneyIndex, filter: Filter): CustomerScope {
  const rows = index.rows();
  const kind = filter.breakdown?.kind ?? 'none';
  if (filter.segment.length > 0 || (kind !== 'none' && kind !== 'firstTouch' && kind !== 'lastTouch')) {
    return customerScope(rows, filter, indexContext(index));
  }
  let byKey = scopes.get(rows);
  if (byKey === undefined) {
    byKey = new Map();
    scopes.set(rows, byKey);
  }
  const key = `${filter.fromMs}/${filter.toMs}/${kind}`;
  let scope = byKey.get(key);
  if (scope === undefined) {
    if (byKey.size >= 16) byKey.clear(); // a handful of date ranges in use at a time
    scope = customerScope(rows, filter, indexContext(index));
    byKey.set(key, scope);
  }
  return scope;
}

const postings = new WeakMap<SortedRows, ActivityPostings>();

/** Each activity's rows, built once per index state (see {@link activityPostings}). */
export function postingsOf(index: JourneyIndex): ActivityPostings {
  const rows = index.rows();
  let built = postings.get(rows);
  if (built === undefined) {
    built = activityPostings(rows, index.activities.values.length);
    postings.set(rows, built);
  }
  return built;
}

const spans = new WeakMap<SortedRows, { firstMs: number; lastMs: number }>();

/** The first and last event's time, read once per index state (one read per customer). */
export function timeSpanOf(index: JourneyIndex): { firstMs: number; lastMs: number } {
  const rows = index.rows();
  let span = spans.get(rows);
  if (span === undefined) {
    let firstMs = Number.POSITIVE_INFINITY;
    let lastMs = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < rows.runCount; r++) {
      firstMs = Math.min(firstMs, rows.timestampMs[rows.runStart[r] as number] as number);
      lastMs = Math.max(lastMs, rows.timestampMs[(rows.runStart[r + 1] as number) - 1] as number);
    }
    span = { firstMs, lastMs };
    spans.set(rows, span);
  }
  return span;
}
