import type { Predicate } from '../../journey-definition/schema.ts';

/** A compiled predicate over an attribute's dictionary text (null = absent). */
export type ValueTest = (value: string | null) => boolean;

const text = (value: string | number | boolean): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? JSON.stringify(value) : value ? 'true' : 'false';

/**
 * Compiles a predicate. Values compare as the text attribute columns hold (numbers as JSON
 * writes them); gt/gte/lt/lte compare numbers and never hold for a value that is not one.
 *
 * @example compilePredicate({ gte: 9 })('10') // true
 */
export function compilePredicate(predicate: Predicate): ValueTest {
  if (Array.isArray(predicate)) {
    const allowed = new Set(predicate.map(text));
    return (value) => value !== null && allowed.has(value);
  }
  if (typeof predicate !== 'object') {
    const wanted = text(predicate);
    return (value) => value === wanted;
  }
  const tests: ValueTest[] = [];
  if (predicate.equals !== undefined) tests.push(compilePredicate(predicate.equals));
  if (predicate.in !== undefined) tests.push(compilePredicate(predicate.in));
  if (predicate.notIn !== undefined) {
    const banned = new Set(predicate.notIn.map(text));
    tests.push((value) => value === null || !banned.has(value));
  }
  if (predicate.exists !== undefined) {
    const exists = predicate.exists;
    tests.push((value) => (value !== null) === exists);
  }
  const numeric = (holds: (x: number) => boolean): ValueTest => {
    return (value) => {
      if (value === null || value === '') return false;
      const x = Number(value);
      return !Number.isNaN(x) && holds(x);
    };
  };
  const { gt, gte, lt, lte, contains } = predicate;
  if (gt !== undefined) tests.push(numeric((x) => x > gt));
  if (gte !== undefined) tests.push(numeric((x) => x >= gte));
  if (lt !== undefined) tests.push(numeric((x) => x < lt));
  if (lte !== undefined) tests.push(numeric((x) => x <= lte));
  if (contains !== undefined) tests.push((value) => value?.includes(contains) === true);
  return (value) => tests.every((test) => test(value));
}
