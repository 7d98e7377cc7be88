import type { JourneyIndex } from '../../journey-index/journey-index.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { eventFunnelKernel } from '../event-funnel/event-funnel.ts';
import type { ReportParams } from '../filter/filter.ts';
import { pathsKernel } from '../paths/paths.ts';
import type { ReportDefinition, ReportEnvironment } from '../report-environment.ts';
import { retentionKernel } from '../retention/retention.ts';
import { withScratch } from '../shared/scratch-memory.ts';
import { stageFunnelKernel } from '../stage-funnel/stage-funnel.ts';
import { runWhole, type SplitKernel } from './split-kernel.ts';

/** The kernels a report can split across threads, by name (what a worker thread is told to run). */
export const SPLIT_KERNELS = {
  'stage-funnel': stageFunnelKernel,
  funnel: eventFunnelKernel,
  retention: retentionKernel,
  paths: pathsKernel,
};

export type SplitKernelName = keyof typeof SPLIT_KERNELS;
type KernelOf<K extends SplitKernelName> = (typeof SPLIT_KERNELS)[K];
type InputOf<K extends SplitKernelName> = Parameters<KernelOf<K>['collect']>[1];
type ResultOf<K extends SplitKernelName> = ReturnType<KernelOf<K>['finish']>;

/**
 * A report ready to run: which kernel, over which rows, with what input (plain data, see
 * {@link SplitKernel}), and what the calling thread does with the kernel's result.
 */
export interface KernelPlan<Report> {
  kernel: SplitKernelName;
  rows: SortedRows;
  input: unknown;
  present(result: unknown): Report;
}

export function kernelPlan<K extends SplitKernelName, Report>(
  kernel: K,
  rows: SortedRows,
  input: InputOf<K>,
  present: (result: ResultOf<K>) => Report,
): KernelPlan<Report> {
  return { kernel, rows, input, present: present as (result: unknown) => Report };
}

/** A kernel by name, typed for callers that pass its data through without looking at it. */
export function splitKernel(name: SplitKernelName): SplitKernel<unknown, unknown, unknown> {
  return SPLIT_KERNELS[name] as SplitKernel<unknown, unknown, unknown>;
}

/** Runs a plan whole, on this thread. */
export function runPlan<Report>(plan: KernelPlan<Report>): Report {
  return withScratch(() => plan.present(runWhole(splitKernel(plan.kernel), plan.rows, plan.input)));
}

/** A report whose run is a kernel plan: run whole by default, split by a caller that can. */
export function splitReport<Report>(definition: {
  needs: ReportDefinition<Report>['needs'];
  plan(index: JourneyIndex, params: ReportParams, environment: ReportEnvironment): KernelPlan<Report>;
}): ReportDefinition<Report> {
  return { ...definition, run: (index, params, environment) => runPlan(definition.plan(index, params, environment)) };
}
