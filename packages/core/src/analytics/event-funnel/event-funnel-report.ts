import type { FunnelDefinition } from '../../journey-definition/journey-definition.ts';
import type { EventMatch } from '../../journey-definition/schema.ts';
import { filterPaths, parseFilter, ReportParamError, type ReportParams } from '../filter/filter.ts';
import { indexContext, scopeOf } from '../journey-view.ts';
import { attributePaths, compileMatch } from '../matching/event-matcher.ts';
import {
  chosenJourney,
  positiveInt,
  type ReportDefinition,
  type ReportEnvironment,
  windowParam,
} from '../report-environment.ts';
import { kernelPlan, splitReport } from '../split/split-kernels.ts';
import type { EventFunnelInput, EventFunnelReport, FunnelMode } from './event-funnel.ts';

/**
 * `funnel`: a journey's funnel (`journey`, `funnel=<name>`) or ad-hoc steps
 * (`steps=Home Viewed>Plans Viewed>Signed Up`), with `mode`, `window`, `dropOffAfter=<step>`,
 * `limit`, and the shared filter.
 */
export const eventFunnelReport: ReportDefinition<EventFunnelReport> = splitReport({
  needs(params, environment) {
    const funnel = chosenFunnel(params, environment);
    return [
      ...attributePaths([...funnel.steps.map((s) => s.match), ...funnel.exclusions.map((e) => e.match)]),
      ...filterPaths(parseFilter(params)),
    ];
  },
  plan(index, params, environment) {
    const funnel = chosenFunnel(params, environment);
    const filter = parseFilter(params);
    const rows = index.rows();
    const context = indexContext(index);
    const compile = (match: EventMatch) => compileMatch(match, context);
    const input: EventFunnelInput = {
      funnel: funnel.name,
      stepNames: funnel.steps.map((s) => s.name),
      steps: funnel.steps.map((s) => compile(s.match)),
      exclusions: funnel.exclusions.map((e) => ({
        matcher: compile(e.match),
        afterStep: e.afterStep,
        beforeStep: e.beforeStep,
      })),
      mode: funnel.mode,
      windowSeconds: windowParam(params, funnel.windowSeconds),
      scope: scopeOf(index, filter),
      breakdown: filter.breakdown !== null,
      dropOffAfterStep: dropOffStep(params, funnel.steps.length),
      dropOffLimit: positiveInt(params, 'limit') ?? 100,
    };
    const customerName = (run: number) => index.customerName(rows.customer[rows.runStart[run] as number] as number);
    return kernelPlan(
      'funnel',
      rows,
      input,
      ({ dropOff, ...counts }): EventFunnelReport => ({
        ...counts,
        dropOff:
          dropOff === null
            ? null
            : { afterStep: dropOff.afterStep, count: dropOff.count, customers: dropOff.runs.map(customerName) },
      }),
    );
  },
});

function chosenFunnel(params: ReportParams, environment: ReportEnvironment): FunnelDefinition {
  const mode = modeParam(params);
  if (params.steps !== undefined && params.steps !== '') {
    const names = params.steps.split('>').map((name) => name.trim());
    if (names.length < 2 || names.some((name) => name === '')) {
      throw new ReportParamError(
        `steps: expected two or more event names joined by >, got ${JSON.stringify(params.steps)}`,
      );
    }
    return {
      name: names.join(' → '),
      steps: names.map((name) => ({ name, match: { event: name } })),
      windowSeconds: Number.POSITIVE_INFINITY,
      mode: mode ?? 'ordered',
      exclusions: [],
    };
  }
  const journey = chosenJourney(params, environment);
  const names = journey.funnels.map((f) => f.name);
  const name = params.funnel ?? names[0]; // the journey's first funnel by default
  const funnel = journey.funnels.find((f) => f.name === name);
  if (funnel === undefined) {
    throw new ReportParamError(
      `funnel: expected one of ${names.join(', ') || '(journey has no funnels)'} or steps=A>B>C, got ${JSON.stringify(params.funnel ?? '')}`,
    );
  }
  return mode === undefined ? funnel : { ...funnel, mode };
}

function modeParam(params: ReportParams): FunnelMode | undefined {
  const mode = params.mode;
  if (mode === undefined || mode === '') return undefined;
  if (mode === 'ordered' || mode === 'strict' || mode === 'any') return mode;
  throw new ReportParamError(`mode: expected ordered, strict or any, got ${JSON.stringify(mode)}`);
}

function dropOffStep(params: ReportParams, stepCount: number): number | null {
  const step = positiveInt(params, 'dropOffAfter');
  if (step === undefined) return null;
  if (step >= stepCount)
    throw new ReportParamError(`dropOffAfter: expected a step number from 1 to ${stepCount - 1}, got ${step}`);
  return step;
}
