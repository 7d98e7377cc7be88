import { type FieldError, hash53, parseIsoTimestamp } from '@waymark/core';
import { DateTime, type TokenParser } from 'luxon';
import type { CsvMapping, FieldSpec, Scalar, TemplatePart } from './csv-mapping.ts';
import type { SourceRecord } from './source-record.ts';

/** The message fields a mapping can set (besides type, properties and traits). */
export const MESSAGE_FIELDS = [
  'messageId',
  'userId',
  'anonymousId',
  'previousId',
  'event',
  'name',
  'timestamp',
  'channel',
] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

type Getter = (row: readonly string[], errors: FieldError[]) => Scalar | null;
/** Turns one CSV row (its cells, and the 1-based line it starts on) into a record. */
export type RowMapper = (row: readonly string[], line: number) => SourceRecord;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEANS = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
]);

/**
 * Binds a mapping to a CSV header, once per file: column names become indexes here, so each
 * row costs index lookups only. Throws (naming the mapping file, line, column and the header)
 * when the mapping names a column the CSV does not have.
 */
export function compileCsvMapping(mapping: CsvMapping, header: readonly string[]): RowMapper {
  const indexOf = (column: string, spec: FieldSpec): number => {
    const index = header.indexOf(column);
    if (index >= 0) return index;
    throw new Error(
      `${mapping.fileName}:${spec.line}: ${spec.path}: column "${column}" is not in the CSV header (columns: ${header.join(', ')})`,
    );
  };

  const getter = (spec: FieldSpec, field: string): Getter => {
    if (spec.value !== undefined) {
      const constant = spec.value === '' ? null : spec.value;
      return () => constant;
    }
    const fallback = spec.default ?? null;
    if (spec.cases !== undefined) {
      const branches = spec.cases.map((branch) => ({
        when: branch.when.map(([column, texts]) => ({ index: indexOf(column, branch), texts: new Set(texts) })),
        get: getter(branch, field),
      }));
      return (row, errors) => {
        for (const branch of branches) {
          if (branch.when.every((w) => w.texts.has(row[w.index] as string))) return branch.get(row, errors) ?? fallback;
        }
        return fallback;
      };
    }
    const text = spec.column !== undefined ? cell(indexOf(spec.column, spec)) : template(spec, indexOf);
    const nullIf = new Set(spec.nullIf ?? []);
    const map = spec.map ?? new Map<string, Scalar | null>();
    const type = spec.type ?? 'string';
    return (row, errors) => {
      const raw = text(row);
      if (raw === null || raw === '' || nullIf.has(raw)) return fallback;
      const value = map.has(raw) ? (map.get(raw) ?? null) : raw;
      if (value === null || value === '') return fallback;
      if (typeof value !== 'string' || type === 'string') return value;
      const typed =
        type === 'number' ? (NUMBER.test(value.trim()) ? Number(value) : null) : BOOLEANS.get(value.toLowerCase());
      if (typed !== null && typed !== undefined) return typed;
      errors.push({
        field,
        message: `expected ${type === 'number' ? 'a number' : 'true or false'}, got ${JSON.stringify(raw)}`,
      });
      return null;
    };
  };

  const { fields } = mapping;
  const plain = MESSAGE_FIELDS.filter((f) => f !== 'timestamp' && f !== 'channel' && fields[f] !== undefined).map(
    (f) => [f, getter(fields[f] as FieldSpec, f)] as const,
  );
  const channel = fields.channel === undefined ? null : getter(fields.channel, 'context.channel');
  const timestamp =
    fields.timestamp === undefined ? null : timestampGetter(fields.timestamp, getter(fields.timestamp, 'timestamp'));
  const named = (specs: Record<string, FieldSpec>, prefix: string) =>
    Object.entries(specs).map(([name, spec]) => [name, getter(spec, `${prefix}.${name}`)] as const);
  const properties = named(mapping.properties, 'properties');
  const traits = named(mapping.traits, 'traits');
  const collect = (getters: (readonly [string, Getter])[], row: readonly string[], errors: FieldError[]) => {
    let out: Record<string, Scalar> | undefined;
    for (const [name, get] of getters) {
      const value = get(row, errors);
      if (value === null) continue;
      out ??= {};
      out[name] = value;
    }
    return out;
  };

  return (row, line) => {
    const errors: FieldError[] = [];
    const message: Record<string, unknown> = { type: mapping.type };
    for (const [name, get] of plain) {
      const value = get(row, errors);
      if (value !== null) message[name] = value;
    }
    if (timestamp !== null) message.timestamp = timestamp(row, errors);
    const where = channel?.(row, errors);
    if (where !== null && where !== undefined) message.context = { channel: where };
    const props = collect(properties, row, errors);
    if (props !== undefined) message.properties = props;
    const customer = collect(traits, row, errors);
    if (customer !== undefined) message.traits = customer;
    if (errors.length > 0) return { line, errors };
    // Same row at the same line → same id, so importing the file again stores nothing twice.
    message.messageId ??= derivedId(`${line}\u0000${row.join('\u0000')}`);
    return { line, message };
  };
}

function cell(index: number): (row: readonly string[]) => string | null {
  return (row) => row[index] ?? null;
}

/** A template is null when any cell it names is empty: "call-" is not an id. */
function template(spec: FieldSpec, indexOf: (column: string, spec: FieldSpec) => number) {
  const parts = spec.template as TemplatePart[];
  const literals = parts.filter((p): p is string => typeof p === 'string');
  const indexes = parts
    .filter((p): p is { column: string } => typeof p !== 'string')
    .map((p) => indexOf(p.column, spec));
  return (row: readonly string[]): string | null => {
    let text = literals[0] as string;
    for (let i = 0; i < indexes.length; i++) {
      const value = row[indexes[i] as number];
      if (value === undefined || value === '') return null;
      text += value + literals[i + 1];
    }
    return text;
  };
}

/** Turns the timestamp text into ISO 8601 with an offset, or records why it cannot. */
function timestampGetter(
  spec: FieldSpec,
  text: Getter,
): (row: readonly string[], errors: FieldError[]) => string | undefined {
  const { format, timezone } = spec;
  const parser = format === undefined ? null : DateTime.buildFormatParser(format);
  const options = { zone: timezone ?? 'UTC', setZone: true };
  const wallClock =
    parser !== null && timezone !== undefined && !hasOffsetToken(format as string) ? zoneSuffixes(timezone) : null;
  const numeric = wallClock === null ? null : numericFormat(format as string);
  return (row, errors) => {
    const value = text(row, errors);
    if (value === null) {
      errors.push({ field: 'timestamp', message: 'no timestamp in this row' });
      return undefined;
    }
    const raw = String(value);
    if (parser === null && timezone === undefined) {
      if (parseIsoTimestamp(raw) !== null) return raw; // already what the contract wants: keep it as written
      errors.push({ field: 'timestamp', message: `expected ISO 8601 with a UTC offset, got ${JSON.stringify(raw)}` });
      return undefined;
    }
    if (wallClock !== null) {
      let localMs = numeric?.(raw) ?? null;
      if (localMs === null) {
        const local = DateTime.fromFormatParser(raw, parser as TokenParser, { zone: 'UTC' });
        localMs = local.isValid ? local.toMillis() : null;
      }
      const iso = localMs === null ? null : wallClock(localMs);
      if (iso !== null) return iso;
    }
    const time = parser === null ? DateTime.fromISO(raw, options) : DateTime.fromFormatParser(raw, parser, options);
    if (time.isValid) return time.toISO() as string;
    const expected = format === undefined ? 'ISO 8601' : `the format "${format}"`;
    errors.push({
      field: 'timestamp',
      message: `${JSON.stringify(raw)} does not match ${expected} (${time.invalidExplanation})`,
    });
    return undefined;
  };
}

const NUMERIC_TOKENS: Record<string, [pattern: string, part: number]> = {
  yyyy: ['(\\d{4})', 0],
  MM: ['(\\d{2})', 1],
  M: ['(\\d{1,2})', 1],
  dd: ['(\\d{2})', 2],
  d: ['(\\d{1,2})', 2],
  HH: ['(\\d{2})', 3],
  H: ['(\\d{1,2})', 3],
  mm: ['(\\d{2})', 4],
  m: ['(\\d{1,2})', 4],
  ss: ['(\\d{2})', 5],
  s: ['(\\d{1,2})', 5],
  SSS: ['(\\d{3})', 6],
};

/**
 * A regex parser for formats made only of numeric date/time tokens and punctuation (the usual
 * `yyyy-MM-dd H:mm:ss`), giving wall-clock milliseconds; null for any other format, or text it
 * does not take, which then goes to luxon (five times slower per row, and the one that explains
 * errors). The DST property test holds the two to the same answers.
 */
function numericFormat(format: string): ((text: string) => number | null) | null {
  const order: number[] = [];
  let pattern = '';
  // A run of one letter is one luxon token (MMM is not MM + M); quoted literals go to luxon.
  for (const token of format.match(/([A-Za-z])\1*|[^A-Za-z]/g) ?? []) {
    const known = NUMERIC_TOKENS[token];
    if (known !== undefined) {
      pattern += known[0];
      order.push(known[1]);
    } else if (/[A-Za-z']/.test(token)) return null;
    else pattern += token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${pattern}$`);
  return (text) => {
    const m = regex.exec(text);
    if (m === null) return null;
    const parts = [1970, 1, 1, 0, 0, 0, 0];
    for (let i = 0; i < order.length; i++) parts[order[i] as number] = Number(m[i + 1]);
    const [year, month, day, hour, minute, second, ms] = parts as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    const check = new Date(time); // Date.UTC rolls 2010-02-30 over to March: refuse instead
    if (check.getUTCDate() !== day || check.getUTCHours() !== hour || minute > 59 || second > 59) return null;
    return year < 100 ? null : time; // Date.UTC reads years 0–99 as 1900–1999
  };
}

function hasOffsetToken(format: string): boolean {
  return /[Zz]/.test(format.replace(/'[^']*'/g, '')); // quoted text is literal in luxon formats
}

/**
 * Wall-clock time (as UTC milliseconds) → ISO 8601 with the zone's offset, or null near a
 * daylight-saving change (the caller then asks luxon). Asking Intl for a zone's offset costs
 * tens of microseconds, so the offset is cached per hour whose neighbours share it.
 */
function zoneSuffixes(zone: string): (localMs: number) => string | null {
  const cache = new Map<number, string | null>();
  const offsets = new Map<number, string>(); // hour → offset at its start; neighbours share them
  const offsetAt = (hour: number): string => {
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const start = DateTime.fromMillis(hour * 3_600_000, { zone: 'UTC' });
      offset = start.setZone(zone, { keepLocalTime: true }).toFormat('ZZ');
      offsets.set(hour, offset);
    }
    return offset;
  };
  return (localMs) => {
    const hour = Math.floor(localMs / 3_600_000);
    let suffix = cache.get(hour);
    if (suffix === undefined) {
      const around = [hour - 1, hour, hour + 2].map(offsetAt);
      suffix = around.every((offset) => offset === around[0]) ? (around[0] as string) : null;
      cache.set(hour, suffix);
    }
    return suffix === null ? null : new Date(localMs).toISOString().slice(0, 23) + suffix;
  };
}

function derivedId(key: string): string {
  return `csv-${hash53(key).toString(36)}-${hash53(key, 0x9e3779b9).toString(36)}`;
}
