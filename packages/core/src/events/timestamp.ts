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
  return parseCanonicalUtc(text) ?? parseWithPattern(text);
}

/**
 * Fast path for the two shapes nearly every source sends: `YYYY-MM-DDTHH:MM:SS.sssZ`
 * (Date#toISOString) and `YYYY-MM-DDTHH:MM:SS.sss±HH:MM` (XES exports). Reads the digits by
 * character code; anything else goes to the general pattern.
 */
function parseCanonicalUtc(text: string): number | null {
  const length = text.length;
  if (length !== 24 && length !== 29) return null;
  if (text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46) return null;
  let offsetMinutes = 0;
  if (length === 24) {
    if (text.charCodeAt(23) !== 90 /* Z */) return null;
  } else {
    const sign = text.charCodeAt(23);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(26) !== 58) return null;
    const offsetHours = digits(text, 24, 2);
    const offsetMins = digits(text, 27, 2);
    if (offsetHours < 0 || offsetHours > 18 || offsetMins < 0 || offsetMins > 59) return null;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || millis < 0) return null;
  return utc(year, month - 1, day, hour, minute, second) + millis - offsetMinutes * 60_000;
}

/** The decimal number in text[start, start + length), or -1 if any character is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function parseWithPattern(text: string): number | null {
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
  return utc(year, month - 1, day, hour, minute, second) + Math.round(fraction * 1000) - offsetMinutes * 60_000;
}

/** Date.UTC, except that years 0–99 stay years 0–99 (Date.UTC maps them to 1900–1999). */
function utc(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number): number {
  const ms = Date.UTC(year, monthIndex, day, hour, minute, second);
  return year >= 100 ? ms : new Date(ms).setUTCFullYear(year);
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
