const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Parses an ISO 8601 timestamp that carries its UTC offset (`Z` or `±hh:mm`) into epoch
 * milliseconds. Returns null for anything else: a time without an offset is ambiguous, so
 * it is an error rather than a guess.
 *
 * @example parseIsoTimestamp('2010-12-30T14:32:00.000+01:00') // 1293715920000
 */
export function parseIsoTimestamp(text: string): number | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  const offsetMinutes = parseOffset(m[8] as string);
  if (offsetMinutes === null) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000);
  return utc - offsetMinutes * 60_000;
}

function parseOffset(text: string): number | null {
  if (text === 'Z' || text === 'z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
