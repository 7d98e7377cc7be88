import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type FieldError, Hash53Pair } from '@waymark/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { RecordReader, SourceRecord } from './source-record.ts';

export interface XesReaderOptions {
  /** Where the file came from (e.g. `import:log.xes`); named in the malformed-XML error. */
  source: string;
}

/** Second seed for message ids: two independent 53-bit hashes make a collision negligible. */
const SEED2 = 0x9e3779b9;
const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The trace being read; its identify goes out just before its first good event. */
interface TraceState {
  line: number;
  name: string | undefined;
  traits: Record<string, unknown>;
  traitErrors: FieldError[];
  events: number;
  /** Whether the identify (or the trace's error) has been emitted. */
  settled: boolean;
}

interface EventState {
  line: number;
  activity: string | undefined;
  timestamp: string | undefined;
  properties: Record<string, unknown>;
  errors: FieldError[] | null;
}

/**
 * Streams an XES (IEEE 1849) log as Segment messages: each `<trace>` is a customer
 * (`concept:name` → `userId`, other trace attributes → `traits`, sent as one `identify` before
 * its events), each `<event>` a `track` message (`concept:name` → `event`, `time:timestamp` →
 * `timestamp`, other attributes → `properties`). Log-level attributes, globals, extensions,
 * classifiers and nested attributes are ignored. Memory stays flat: only the current event is
 * held. Malformed XML ends the stream with one error record naming the line.
 */
export async function* readXes(stream: Readable, options: XesReaderOptions): RecordReader {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const ids = new Hash53Pair(0, SEED2);
  const strings = new Interned();
  let out: SourceRecord[] = [];
  let depth = 0;
  let trace: TraceState | null = null;
  let event: EventState | null = null;
  let failure: { at: number; record: SourceRecord } | null = null;

  const emitEvent = (t: TraceState, e: EventState): void => {
    const position = t.events++;
    if (t.name === undefined) return; // reported once for the whole trace when it closes
    const errors = e.errors ?? [];
    if (e.activity === undefined) errors.push({ field: 'event.concept:name', message: 'event has no concept:name' });
    if (e.timestamp === undefined) {
      errors.push({ field: 'event.time:timestamp', message: 'event has no time:timestamp date' });
    }
    if (errors.length > 0) {
      out.push({ line: e.line, errors });
      return;
    }
    const timestamp = e.timestamp as string;
    if (!t.settled) settle(t, timestamp);
    // Position keeps two identical events of one trace apart; content keeps re-imports idempotent.
    // The id hashes `${name}\0${position}\0${activity}\0${timestamp}`, piece by piece.
    const activity = e.activity as string;
    ids.start().add(t.name).addCode(0).addDecimal(position).addCode(0).add(activity).addCode(0).add(timestamp);
    out.push({
      line: e.line,
      message: {
        type: 'track',
        messageId: idOf(ids),
        userId: t.name,
        event: activity,
        timestamp,
        properties: e.properties,
      },
    });
  };

  /** Emits the trace's identify (or its trait errors) just before its first event message. */
  const settle = (t: TraceState, timestamp: string): void => {
    t.settled = true;
    if (t.traitErrors.length > 0) out.push({ line: t.line, errors: t.traitErrors });
    else if (Object.keys(t.traits).length > 0) {
      const key = `${t.name}\u0000identify\u0000${JSON.stringify(t.traits)}`;
      out.push({
        line: t.line,
        message: {
          type: 'identify',
          messageId: idOf(ids.start().add(key)),
          userId: t.name,
          traits: t.traits,
          timestamp,
        },
      });
    }
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const level = depth++;
    if (level === 3 && event !== null) {
      // The hot path: one attribute of an event.
      const key = tag.attributes.key;
      if (key === 'concept:name') event.activity = strings.of(tag.attributes.value);
      else if (key === 'time:timestamp') event.timestamp = tag.attributes.value;
      else if (key !== undefined) event.errors = setAttribute(tag, key, event.properties, event.errors, strings);
    } else if (level === 2 && trace !== null) {
      if (tag.name === 'event') {
        event = { line: parser.line, activity: undefined, timestamp: undefined, properties: {}, errors: null };
      } else {
        const key = tag.attributes.key;
        if (key === 'concept:name') trace.name = tag.attributes.value;
        else if (key !== undefined) setAttribute(tag, key, trace.traits, trace.traitErrors, strings);
      }
    } else if (level === 1 && tag.name === 'trace') {
      trace = { line: parser.line, name: undefined, traits: {}, traitErrors: [], events: 0, settled: false };
    } else if (level === 0 && tag.name !== 'log') {
      parser.fail(`not an XES log: the root element is <${tag.name}>, expected <log>`);
    }
  });

  parser.on('closetag', () => {
    const level = --depth;
    if (level === 2 && event !== null && trace !== null) {
      emitEvent(trace, event);
      event = null;
    } else if (level === 1 && trace !== null) {
      if (trace.name === undefined) {
        out.push({
          line: trace.line,
          errors: [
            {
              field: 'trace.concept:name',
              message: `trace has no concept:name string attribute; its ${trace.events} event(s) were skipped`,
            },
          ],
        });
      } else if (!trace.settled && trace.traitErrors.length > 0) {
        out.push({ line: trace.line, errors: trace.traitErrors }); // a trace without a good event
      }
      trace = null;
    }
  });

  const fail = (line: number, where: string, problem: string): void => {
    if (failure !== null) return; // the first problem is the one worth reporting
    const message = `malformed XML in ${options.source} at line ${line}${where}: ${problem}; reading stopped there`;
    failure = { at: out.length, record: { line, errors: [{ field: '(xml)', message }] } };
  };
  // saxes prefixes "line:column: "; the record says where in words instead.
  parser.on('error', (error: Error) =>
    fail(parser.line, `, column ${parser.column}`, error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')),
  );
  /**
   * saxes 6 reads an entity up to the next ";" however far that is, so a stray "&" (R&D)
   * silently swallows the rest of the file into memory and is reported, if at all, at its
   * end. No real entity name is that long: stop at the "&" and name its line.
   */
  const checkEntity = (atEnd: boolean): void => {
    const pending = (parser as unknown as { entity: string }).entity;
    if (pending.length > 64 || (atEnd && pending !== '')) {
      const line = parser.line - (pending.match(/\n/g)?.length ?? 0);
      fail(line, '', `"&" does not start an entity reference such as &amp; or &#38; (write &amp; for "&")`);
    }
  };

  const decoder = new XmlChunkDecoder();
  /** The records read so far, cut off where the XML broke (what follows is not trustworthy). */
  const take = (): SourceRecord[] => {
    const batch = out;
    out = [];
    if (failure === null) return batch;
    batch.length = failure.at;
    batch.push(failure.record);
    return batch;
  };

  for await (const chunk of stream) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    checkEntity(false);
    const batch = take();
    if (batch.length > 0) yield batch;
    if (failure !== null) return; // leaving the loop closes the stream
  }
  parser.write(decoder.end());
  checkEntity(true);
  if (failure === null) parser.close();
  const batch = take();
  if (batch.length > 0) yield batch;
}

/**
 * UTF-8 chunks to text. While every chunk so far was ASCII no character can straddle two of
 * them, and an ASCII chunk's text is its Latin-1 text, which V8 makes by copying the bytes:
 * about 10× faster than UTF-8 decoding (0.2 s of BPIC 2012's 74 MB). From the first other chunk
 * on, a StringDecoder reads.
 */
export class XmlChunkDecoder {
  private readonly utf8 = new StringDecoder('utf8');
  private ascii = true;

  write(chunk: Buffer): string {
    if (this.ascii && isAscii(chunk)) return chunk.toString('latin1');
    this.ascii = false;
    return this.utf8.write(chunk);
  }

  end(): string {
    return this.utf8.end();
  }
}

/** Stores one typed XES attribute; lists, containers and unknown elements are skipped. */
function setAttribute(
  tag: SaxesTagPlain,
  key: string,
  target: Record<string, unknown>,
  errors: FieldError[] | null,
  strings: Interned,
): FieldError[] | null {
  const value = tag.attributes.value;
  if (value === undefined) return errors;
  switch (tag.name) {
    case 'string':
    case 'date':
    case 'id':
      target[key] = strings.of(value);
      return errors;
    case 'int':
    case 'float':
      if ((tag.name === 'int' ? INT : FLOAT).test(value.trim())) {
        target[key] = Number(value);
        return errors;
      }
      return pushError(errors, key, `${tag.name} attribute ${key} is not a number: ${JSON.stringify(value)}`);
    case 'boolean':
      if (value === 'true' || value === '1') target[key] = true;
      else if (value === 'false' || value === '0') target[key] = false;
      else return pushError(errors, key, `boolean attribute ${key} is not true or false: ${JSON.stringify(value)}`);
      return errors;
    default:
      return errors;
  }
}

/**
 * One string for each repeated short value of a log (activities, resources, lifecycle
 * transitions): an event's strings live until its batch is stored, so each copy is one more
 * object the garbage collector moves. Bounded: a log of unique values fills 65,536 entries at most.
 */
class Interned {
  private readonly known = new Map<string, string>();

  of<T extends string | undefined>(value: T): T {
    if (value === undefined || value.length > 64) return value;
    const known = this.known.get(value);
    if (known !== undefined) return known as T;
    if (this.known.size < 65_536) this.known.set(value, value);
    return value;
  }
}

function pushError(errors: FieldError[] | null, field: string, message: string): FieldError[] {
  const list = errors ?? [];
  list.push({ field, message });
  return list;
}

/** The message id of the text hashed: `xes-`, then its hash53 with seeds 0 and SEED2 in hex. */
function idOf(hashed: Hash53Pair): string {
  writeHex53(hashed.first(), 4);
  writeHex53(hashed.second(), 18);
  return String.fromCharCode.apply(null, ID_CODES);
}

/**
 * The character codes of a message id, `xes-` and two 14-digit hex hashes, made into one flat
 * string at once: joining the digits with `+` leaves a tree of a dozen string pieces per id,
 * which the batch keeps alive (and the garbage collector copies) until the id is first hashed.
 * V8's toString(16) of a large double is several times slower still.
 */
const ID_CODES: number[] = [...'xes-'].map((c) => c.charCodeAt(0)).concat(new Array<number>(28).fill(48));
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** Writes the 14 hex digits of a 53-bit integer into ID_CODES from `at`. */
function writeHex53(hash: number, at: number): void {
  const high = Math.floor(hash / 0x100000000);
  const low = hash >>> 0;
  for (let digit = 0; digit < 6; digit++) ID_CODES[at + 5 - digit] = HEX_CODES[(high >>> (4 * digit)) & 15] as number;
  for (let digit = 0; digit < 8; digit++) ID_CODES[at + 13 - digit] = HEX_CODES[(low >>> (4 * digit)) & 15] as number;
}
