/** Number, date and duration formatting in the reader's locale; dates in UTC, as reports bucket in UTC. */

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

export const formatInteger = (value: number): string => integer.format(value);
export const formatDecimal = (value: number): string => decimal.format(value);
export const formatCompact = (value: number): string => compact.format(value);
/** `share` as a fraction: 0.25 → "25%"; a share too small to show as 0.1% says so rather than "0%". */
export function formatPercent(share: number): string {
  return share > 0 && share < 0.0005 ? `<${percent.format(0.001)}` : percent.format(share);
}
export const formatDay = (iso: string): string => day.format(new Date(iso));
export const formatDayAndTime = (iso: string): string => dayAndTime.format(new Date(iso));
export const formatClock = (iso: string): string => clock.format(new Date(iso));

/** "Jan 1 – Mar 31, 2026" (the year once when both ends share it), or one day when both fall on it. */
export function formatDayRange(firstIso: string, lastIso: string): string {
  return day.formatRange(new Date(firstIso), new Date(lastIso));
}

/** Whole days from the first to the last timestamp, counting both ends' days. */
export function daysSpanned(firstIso: string, lastIso: string): number {
  const dayMs = 86_400_000;
  return Math.floor(Date.parse(lastIso) / dayMs) - Math.floor(Date.parse(firstIso) / dayMs) + 1;
}

/**
 * A duration for people: the two largest units that matter — "0.4 s", "42 s", "3 min 20 s",
 * "5 h 12 min", "2 d 4 h", "3 wk 2 d".
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 0) return `−${formatDuration(-seconds)}`;
  if (seconds === 0) return '0 s';
  if (seconds < 10) return `${decimal.format(seconds)} s`;
  const units: Array<[string, number]> = [
    ['wk', 604_800],
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  let rest = Math.round(seconds);
  const parts: string[] = [];
  for (const [unit, size] of units) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${integer.format(count)} ${unit}`);
      rest -= count * size;
    } else if (parts.length === 1) {
      break; // "2 h" rather than "2 h 0 min"
    }
  }
  return parts.join(' ');
}
