const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Seconds in a duration such as `90s`, `30m`, `48h`, `7d`, `2w`; undefined when malformed.
 *
 * @example durationSeconds('48h') // 172800
 */
export function durationSeconds(text: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)(s|m|h|d|w)$/.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}
