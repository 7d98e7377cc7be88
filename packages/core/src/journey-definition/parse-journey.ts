import { Value } from '@sinclair/typebox/value';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { durationSeconds } from './duration.ts';
import type { FunnelDefinition, JourneyDefinition } from './journey-definition.ts';
import { DEFAULT_STAGES, type EventMatch, type JourneyDefinitionInput, JourneyDefinitionSchema } from './schema.ts';

/** One problem in a journey file: where (1-based line and column, and the field path) and what. */
export interface DefinitionError {
  line: number;
  column: number;
  /** The field as a path: `touchpoints[3].match.channel`. */
  field: string;
  message: string;
}

export type ParseJourneyResult = { ok: true; journey: JourneyDefinition } | { ok: false; errors: DefinitionError[] };

/** Thrown by {@link loadJourney}: every error, one per line, as `file:line:column field: message`. */
export class JourneyDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly errors: DefinitionError[],
  ) {
    super(errors.map((e) => `${file}:${e.line}:${e.column} ${e.field}: ${e.message}`).join('\n'));
  }
}

/**
 * Parses and validates a journey file (YAML, or JSON which is YAML): the schema first, then
 * what a schema cannot say (names unique, stages and touchpoints referred to exist).
 *
 * @example parseJourney(text).ok && parseJourney(text).journey.stages.map((s) => s.name)
 */
export function parseJourney(text: string): ParseJourneyResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const locate = locator(doc, lineCounter);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((error) => {
        const at = lineCounter.linePos(error.pos[0]);
        return { line: at.line, column: at.col, field: '(file)', message: error.message.split('\n')[0] as string };
      }),
    };
  }
  const input: unknown = doc.toJS();
  const schemaErrors = [...Value.Errors(JourneyDefinitionSchema, input)];
  if (schemaErrors.length > 0) {
    const seen = new Set<string>();
    const errors: DefinitionError[] = [];
    for (const error of schemaErrors) {
      const path = error.path.split('/').slice(1).map(decodePointer);
      const key = `${error.path}:${error.message}`;
      // Unions report every branch; the first message per field is the useful one.
      if (seen.has(error.path) || seen.has(key)) continue;
      seen.add(error.path);
      errors.push({ ...locate(path), field: fieldName(path), message: error.message });
    }
    return { ok: false, errors };
  }
  return checkReferences(input as JourneyDefinitionInput, locate);
}

/** Parses a journey file or throws {@link JourneyDefinitionError} naming the file. */
export function loadJourney(text: string, file: string): JourneyDefinition {
  const result = parseJourney(text);
  if (!result.ok) throw new JourneyDefinitionError(file, result.errors);
  return result.journey;
}

type Locate = (path: Array<string | number>) => { line: number; column: number };

function checkReferences(input: JourneyDefinitionInput, locate: Locate): ParseJourneyResult {
  const errors: DefinitionError[] = [];
  const fail = (path: Array<string | number>, message: string): void => {
    errors.push({ ...locate(path), field: fieldName(path), message });
  };
  const stages = input.stages ?? DEFAULT_STAGES.map((name) => ({ name }));
  const stageIndex = new Map<string, number>();
  stages.forEach((stage, i) => {
    if (stageIndex.has(stage.name)) fail(['stages', i, 'name'], `stage "${stage.name}" is named twice`);
    stageIndex.set(stage.name, i);
  });
  const touchpointMatch = new Map<string, EventMatch>();
  const touchpoints = input.touchpoints.map((touchpoint, i) => {
    if (touchpointMatch.has(touchpoint.name))
      fail(['touchpoints', i, 'name'], `touchpoint "${touchpoint.name}" is named twice`);
    touchpointMatch.set(touchpoint.name, touchpoint.match);
    const index = stageIndex.get(touchpoint.stage);
    if (index === undefined) {
      fail(
        ['touchpoints', i, 'stage'],
        `no stage "${touchpoint.stage}"; stages are: ${stages.map((s) => s.name).join(', ')}`,
      );
    }
    return { ...touchpoint, stageIndex: index ?? -1 };
  });
  const resolve = (
    path: Array<string | number>,
    ref: { touchpoint?: string | undefined; match?: EventMatch | undefined },
  ): EventMatch => {
    if ((ref.touchpoint === undefined) === (ref.match === undefined)) {
      fail(path, 'give either touchpoint (a touchpoint name) or match, not both or neither');
      return {};
    }
    if (ref.match !== undefined) return ref.match;
    const match = touchpointMatch.get(ref.touchpoint as string);
    if (match === undefined) fail([...path, 'touchpoint'], `no touchpoint "${ref.touchpoint}"`);
    return match ?? {};
  };
  const funnelNames = new Set<string>();
  const funnels: FunnelDefinition[] = (input.funnels ?? []).map((funnel, f) => {
    if (funnelNames.has(funnel.name)) fail(['funnels', f, 'name'], `funnel "${funnel.name}" is named twice`);
    funnelNames.add(funnel.name);
    const steps = funnel.steps.map((step, s) => ({
      name: step.name ?? step.touchpoint ?? `Step ${s + 1}`,
      match: resolve(['funnels', f, 'steps', s], step),
    }));
    const exclusions = (funnel.exclusions ?? []).map((exclusion, e) => {
      const [after, before] = exclusion.between;
      if (!(after < before && before <= steps.length)) {
        fail(
          ['funnels', f, 'exclusions', e, 'between'],
          `expected two step numbers a < b ≤ ${steps.length}, got [${after}, ${before}]`,
        );
      }
      return {
        match: resolve(['funnels', f, 'exclusions', e], exclusion),
        afterStep: after - 1,
        beforeStep: before - 1,
      };
    });
    return {
      name: funnel.name,
      steps,
      windowSeconds:
        funnel.window === undefined ? Number.POSITIVE_INFINITY : (durationSeconds(funnel.window) as number),
      mode: funnel.mode ?? 'ordered',
      exclusions,
    };
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    journey: {
      id: input.id,
      name: input.name,
      description: input.description,
      source: input,
      stages,
      touchpoints,
      funnels,
    },
  };
}

/** Finds where a path is in the file: the deepest node that exists along it. */
function locator(doc: Document, lineCounter: LineCounter): Locate {
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range !== undefined && node.range !== null) {
        const at = lineCounter.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return { line: 1, column: 1 };
  };
}

function fieldName(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(journey)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function decodePointer(part: string): string | number {
  const text = part.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^[0-9]+$/.test(text) ? Number(text) : text;
}
