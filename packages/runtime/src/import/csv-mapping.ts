import { readFile } from 'node:fs/promises';
import { CHANNELS, MESSAGE_TYPES, type MessageType } from '@waymark/core';
import { IANAZone } from 'luxon';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { MESSAGE_FIELDS, type MessageField } from './csv-row-mapper.ts';

// The per-row half (binding a mapping to a header) lives in csv-row-mapper.ts.
export { compileCsvMapping, MESSAGE_FIELDS, type MessageField, type RowMapper } from './csv-row-mapper.ts';

export type Scalar = string | number | boolean;
export type ValueType = 'string' | 'number' | 'boolean';
/** A parsed `{column}` template: literal text and column names, alternating. */
export type TemplatePart = string | { column: string };

/**
 * How one message field is computed from a CSV row: exactly one of `value`, `column`,
 * `template` or `cases`, plus optional modifiers. `line`/`path` say where it was written.
 */
export interface FieldSpec {
  line: number;
  path: string;
  value?: Scalar | null;
  column?: string;
  template?: TemplatePart[];
  cases?: CaseSpec[];
  map?: Map<string, Scalar | null>;
  nullIf?: string[];
  type?: ValueType;
  default?: Scalar;
  /** `timestamp` only: a luxon format, and the IANA zone of times without an offset. */
  format?: string;
  timezone?: string;
}

/** One branch of `cases`: every `when` column holds one of the listed texts. */
export interface CaseSpec extends FieldSpec {
  when: [column: string, texts: string[]][];
}

/** A validated mapping file: how each CSV row becomes one Segment message. */
export interface CsvMapping {
  fileName: string;
  csv: { delimiter: string; quote: string };
  type: MessageType;
  fields: Partial<Record<MessageField, FieldSpec>>;
  properties: Record<string, FieldSpec>;
  traits: Record<string, FieldSpec>;
}

const SOURCES = ['value', 'column', 'template', 'cases'] as const;
const TYPES: readonly string[] = ['string', 'number', 'boolean'];
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

/** Reads and validates a mapping file; errors name the file, line and field. */
export async function loadCsvMapping(path: string): Promise<CsvMapping> {
  return parseCsvMapping(await readFile(path, 'utf8'), path);
}

/**
 * Parses and validates mapping-file text (YAML). Throws an Error naming `fileName`, the line
 * and the field for anything it does not understand, so that a typo fails before any row is
 * read rather than silently dropping a field. Column names are checked later, against the
 * CSV header, by {@link compileCsvMapping}.
 */
export function parseCsvMapping(text: string, fileName: string): CsvMapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    throw new Error(`${fileName}:${first.linePos?.[0].line ?? 1}: invalid YAML: ${first.message.split('\n')[0]}`);
  }
  const line = (node: unknown): number => {
    const start = (node as Node | null)?.range?.[0];
    return start === undefined ? 1 : Math.max(1, lines.linePos(start).line);
  };
  const fail = (node: unknown, path: string, message: string): never => {
    throw new Error(`${fileName}:${line(node)}: ${path}: ${message}`);
  };

  /** The entries of a YAML map, refusing keys outside `allowed` (typos must not pass). */
  const entries = (node: unknown, path: string, allowed?: readonly string[]): [string, unknown][] => {
    if (!isMap(node)) return fail(node, path, 'expected a mapping (key: value)');
    return node.items.map((pair) => {
      const key = textOf(pair.key);
      if (key === null) return fail(pair.key, path, 'keys must be plain text');
      if (allowed !== undefined && !allowed.includes(key)) {
        const hint = key === 'format' || key === 'timezone' ? ' (only message.timestamp takes it)' : '';
        fail(pair.key, `${path}.${key}`, `unknown key "${key}"${hint}; expected one of ${allowed.join(', ')}`);
      }
      return [key, pair.value];
    });
  };
  const string = (node: unknown, path: string): string => {
    const text = isScalar(node) && typeof node.value === 'string' ? node.value : null;
    return text ?? fail(node, path, 'expected text');
  };
  const scalar = (node: unknown, path: string): Scalar | null => {
    if (!isScalar(node)) return fail(node, path, 'expected a single value');
    const value = node.value;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Scalar | null;
    return fail(node, path, 'expected text, a number, true/false or null');
  };
  const texts = (node: unknown, path: string): string[] => {
    const items = isSeq(node) ? node.items : [node];
    return items.map((item) => textOf(item) ?? fail(item, path, 'expected text or a list of texts'));
  };

  const spec = (node: unknown, path: string, role: 'field' | 'timestamp' | 'case'): FieldSpec => {
    if (!isMap(node)) {
      return fail(node, path, 'expected a field spec such as { column: NAME }, { value: TEXT }, { template: "…" }');
    }
    const allowed = ['value', 'column', 'template', 'map', 'nullIf', 'type', 'default'];
    if (role === 'case') allowed.push('when');
    else allowed.push('cases');
    if (role === 'timestamp') allowed.push('format', 'timezone');
    const out: FieldSpec = { line: line(node), path };
    const sources: string[] = [];
    for (const [key, value] of entries(node, path, allowed)) {
      const at = `${path}.${key}`;
      if ((SOURCES as readonly string[]).includes(key)) sources.push(key);
      if (key === 'value') out.value = scalar(value, at);
      else if (key === 'column') out.column = string(value, at);
      else if (key === 'template') out.template = parseTemplate(string(value, at), (m) => fail(value, at, m));
      else if (key === 'cases') {
        if (!isSeq(value) || value.items.length === 0)
          fail(value, at, 'expected a list of { when, value|column|template }');
        out.cases = (value as { items: unknown[] }).items.map(
          (item, i) => spec(item, `${at}[${i}]`, 'case') as CaseSpec,
        );
      } else if (key === 'when') {
        const when = entries(value, at).map(([column, list]): [string, string[]] => [
          column,
          texts(list, `${at}.${column}`),
        ]);
        (out as CaseSpec).when = when;
      } else if (key === 'map') {
        out.map = new Map(entries(value, at).map(([from, to]) => [from, scalar(to, `${at}.${from}`)]));
      } else if (key === 'nullIf') out.nullIf = texts(value, at);
      else if (key === 'type') {
        const type = string(value, at);
        if (!TYPES.includes(type)) fail(value, at, `unknown type "${type}"; expected one of ${TYPES.join(', ')}`);
        out.type = type as ValueType;
      } else if (key === 'default') out.default = scalar(value, at) ?? undefined;
      else if (key === 'format') out.format = string(value, at);
      else if (key === 'timezone') {
        const zone = string(value, at);
        if (!IANAZone.isValidZone(zone))
          fail(value, at, `unknown time zone "${zone}"; expected an IANA name such as Europe/Amsterdam`);
        out.timezone = zone;
      }
    }
    if (sources.length !== 1) {
      const found = sources.length === 0 ? 'none' : sources.join(' and ');
      fail(node, path, `a field spec needs exactly one of value, column, template, cases (found ${found})`);
    }
    if (role === 'case' && (out as CaseSpec).when === undefined) fail(node, path, 'each case needs a "when"');
    const modifiers = ['map', 'nullIf', 'type'].filter((k) => out[k as keyof FieldSpec] !== undefined);
    if (out.column === undefined && out.template === undefined && modifiers.length > 0) {
      fail(node, path, `${modifiers.join(', ')} only apply to column or template`);
    }
    if (out.value !== undefined && out.default !== undefined) fail(node, path, 'default does not apply to a value');
    return out;
  };

  const root = doc.contents;
  const top = new Map(entries(root, '(file)', ['csv', 'message']).map(([k, v]) => [k, v]));
  const csv = { delimiter: ',', quote: '"' };
  if (top.has('csv')) {
    for (const [key, value] of entries(top.get('csv'), 'csv', ['delimiter', 'quote'])) {
      const text = string(value, `csv.${key}`);
      if (key === 'delimiter' && text === '') fail(value, 'csv.delimiter', 'the delimiter cannot be empty');
      if (key === 'quote' && text.length > 1) fail(value, 'csv.quote', 'the quote is one character (or "" for none)');
      csv[key as 'delimiter' | 'quote'] = text;
    }
  }
  if (!top.has('message')) fail(root, '(file)', 'the mapping needs a "message" section');
  const messageNode = top.get('message');
  const mapping: CsvMapping = { fileName, csv, type: 'track', fields: {}, properties: {}, traits: {} };
  for (const [key, value] of entries(messageNode, 'message', ['type', ...MESSAGE_FIELDS, 'properties', 'traits'])) {
    const at = `message.${key}`;
    if (key === 'type') {
      const type = string(value, at);
      if (!(MESSAGE_TYPES as readonly string[]).includes(type)) {
        fail(value, at, `unknown message type "${type}"; expected one of ${MESSAGE_TYPES.join(', ')}`);
      }
      mapping.type = type as MessageType;
    } else if (key === 'properties' || key === 'traits') {
      for (const [name, field] of entries(value, at)) mapping[key][name] = spec(field, `${at}.${name}`, 'field');
    } else mapping.fields[key as MessageField] = spec(value, at, key === 'timestamp' ? 'timestamp' : 'field');
  }
  const { fields } = mapping;
  if (fields.userId === undefined && fields.anonymousId === undefined) {
    fail(messageNode, 'message', 'the mapping needs userId or anonymousId (or both)');
  }
  if (mapping.type === 'track' && fields.event === undefined)
    fail(messageNode, 'message', 'a track mapping needs "event"');
  if (fields.timestamp?.type !== undefined && fields.timestamp.type !== 'string') {
    fail(messageNode, 'message.timestamp.type', 'a timestamp is text');
  }
  const stamp = fields.timestamp;
  // Without an offset in the text or a zone, luxon would use the importing machine's zone.
  if (
    stamp?.format !== undefined &&
    stamp.timezone === undefined &&
    !/[Zz]/.test(stamp.format.replace(/'[^']*'/g, ''))
  ) {
    fail(messageNode, 'message.timestamp.timezone', `format "${stamp.format}" has no offset (Z/ZZ): say its timezone`);
  }
  if (fields.channel !== undefined) checkChannels(fields.channel, fileName);
  return mapping;
}

/** Constant channels (values and map targets) must be EVENTS.md channels: catch it at load. */
function checkChannels(spec: FieldSpec, fileName: string): void {
  const bad = (value: Scalar | null | undefined): boolean =>
    value !== null && value !== undefined && !CHANNEL_SET.has(String(value));
  const problem = (what: string): never => {
    throw new Error(
      `${fileName}:${spec.line}: ${spec.path}: ${what} is not a channel; expected one of ${CHANNELS.join(', ')}`,
    );
  };
  if (bad(spec.value)) problem(JSON.stringify(spec.value));
  if (bad(spec.default)) problem(`default ${JSON.stringify(spec.default)}`);
  for (const [from, to] of spec.map ?? []) if (bad(to)) problem(`map ${from} → ${JSON.stringify(to)}`);
  for (const branch of spec.cases ?? []) checkChannels(branch, fileName);
}

/** Splits `"call-{call_id}"` into parts; `{{` and `}}` stand for literal braces. */
function parseTemplate(text: string, fail: (message: string) => never): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const pattern = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
  let last = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    literal += text.slice(last, m.index);
    last = pattern.lastIndex;
    if (m[0] === '{{' || m[0] === '}}') literal += m[0][0];
    else if (m[1] !== undefined && m[1] !== '') {
      parts.push(literal, { column: m[1] });
      literal = '';
    } else fail(`unbalanced or empty {} in template ${JSON.stringify(text)}; write {{ or }} for a literal brace`);
  }
  parts.push(literal + text.slice(last));
  if (!parts.some((p) => typeof p !== 'string')) fail(`template ${JSON.stringify(text)} names no {column}`);
  return parts;
}

/** A scalar's text as written (so `q_time: 0` matches the cell "0", and `1.50` stays "1.50"). */
function textOf(node: unknown): string | null {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return null;
  if (typeof node.value === 'string') return node.value;
  return typeof node.source === 'string' ? node.source : String(node.value);
}
