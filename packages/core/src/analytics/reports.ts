import type { JourneyIndex } from '../journey-index/journey-index.ts';
import { type DfgReport, directlyFollows } from './dfg/dfg.ts';
import { type Bucket, type OverviewReport, overview } from './overview/overview.ts';
import { type VariantsReport, variants } from './variants/variants.ts';

/** Report parameters as they arrive from a URL query or CLI flags (strings). */
export type ReportParams = Record<string, string | undefined>;

export interface ReportTypes {
  dfg: DfgReport;
  variants: VariantsReport;
  overview: OverviewReport;
}

export type ReportName = keyof ReportTypes;

/** Thrown for a parameter a report cannot use; names the parameter and what was expected. */
export class ReportParamError extends Error {}

const runners: { [K in ReportName]: (index: JourneyIndex, params: ReportParams) => ReportTypes[K] } = {
  dfg: (index) => directlyFollows(index.rows(), index.activities.values),
  variants: (index, params) => {
    const top = positiveInt(params, 'top');
    return variants(index.rows(), index.activities.values, top === undefined ? {} : { top });
  },
  overview: (index, params) => overview(index.rows(), index.activities.values, bucketOf(params)),
};

export const REPORT_NAMES = Object.keys(runners) as ReportName[];

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(runners, name);
}

/** Runs a report by name: the one entry point the CLI and the HTTP API share. */
export function runReport<K extends ReportName>(
  index: JourneyIndex,
  name: K,
  params: ReportParams = {},
): ReportTypes[K] {
  return runners[name](index, params);
}

function positiveInt(params: ReportParams, name: string): number | undefined {
  const text = params[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new ReportParamError(`${name}: expected a positive integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

function bucketOf(params: ReportParams): Bucket {
  const text = params.bucket ?? 'day';
  if (text === 'hour' || text === 'day' || text === 'week') return text;
  throw new ReportParamError(`bucket: expected hour, day or week, got ${JSON.stringify(text)}`);
}
