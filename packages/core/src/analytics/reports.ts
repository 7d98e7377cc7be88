import type { JourneyIndex } from '../journey-index/journey-index.ts';
import { type DfgReport, directlyFollows } from './dfg/dfg.ts';
import type { EventFunnelReport } from './event-funnel/event-funnel.ts';
import { eventFunnelReport } from './event-funnel/event-funnel-report.ts';
import { ReportParamError, type ReportParams } from './filter/filter.ts';
import { type KpisReport, kpisReport } from './kpis/kpis-report.ts';
import { type Bucket, type OverviewReport, overview } from './overview/overview.ts';
import type { PathsReport } from './paths/paths.ts';
import { pathsReport } from './paths/paths-report.ts';
import { EMPTY_ENVIRONMENT, positiveInt, type ReportDefinition, type ReportEnvironment } from './report-environment.ts';
import type { RetentionReport } from './retention/retention.ts';
import { retentionReport } from './retention/retention-report.ts';
import type { KernelPlan } from './split/split-kernels.ts';
import type { StageFunnelReport } from './stage-funnel/stage-funnel.ts';
import { stageFunnelReport } from './stage-funnel/stage-funnel-report.ts';
import type { TimelineReport } from './timeline/timeline.ts';
import { timelineReport } from './timeline/timeline-report.ts';
import { type VariantsReport, variants } from './variants/variants.ts';

export interface ReportTypes {
  dfg: DfgReport;
  variants: VariantsReport;
  overview: OverviewReport;
  'stage-funnel': StageFunnelReport;
  funnel: EventFunnelReport;
  retention: RetentionReport;
  paths: PathsReport;
  kpis: KpisReport;
  timeline: TimelineReport;
}

export type ReportName = keyof ReportTypes;

const nothing = (): string[] => [];

const reports: { [K in ReportName]: ReportDefinition<ReportTypes[K]> } = {
  dfg: { needs: nothing, run: (index) => directlyFollows(index.rows(), index.activities.values) },
  variants: {
    needs: nothing,
    run: (index, params) => {
      const top = positiveInt(params, 'top');
      return variants(index.rows(), index.activities.values, top === undefined ? {} : { top });
    },
  },
  overview: {
    needs: nothing,
    run: (index, params) => overview(index.rows(), index.activities.values, bucketOf(params)),
  },
  'stage-funnel': stageFunnelReport,
  funnel: eventFunnelReport,
  retention: retentionReport,
  paths: pathsReport,
  kpis: kpisReport,
  timeline: timelineReport,
};

export const REPORT_NAMES = Object.keys(reports) as ReportName[];

export function isReportName(name: string): name is ReportName {
  return Object.hasOwn(reports, name);
}

/**
 * The attribute paths a report will read: the caller makes the index track them (loading
 * them from the store) before {@link runReport}.
 */
export function reportNeeds(name: ReportName, params: ReportParams, environment: ReportEnvironment): string[] {
  return [...new Set(reports[name].needs(params, environment))];
}

/** Runs a report by name: the one entry point the CLI and the HTTP API share. */
export function runReport<K extends ReportName>(
  index: JourneyIndex,
  name: K,
  params: ReportParams = {},
  environment: ReportEnvironment = EMPTY_ENVIRONMENT,
): ReportTypes[K] {
  return reports[name].run(index, params, environment);
}

/**
 * A report's kernel plan when it is built on a split kernel (undefined otherwise): the caller
 * may run it across threads, with the same result as {@link runReport}.
 */
export function reportPlan<K extends ReportName>(
  index: JourneyIndex,
  name: K,
  params: ReportParams = {},
  environment: ReportEnvironment = EMPTY_ENVIRONMENT,
): KernelPlan<ReportTypes[K]> | undefined {
  return (reports[name] as ReportDefinition<ReportTypes[K]>).plan?.(index, params, environment);
}

function bucketOf(params: ReportParams): Bucket {
  const text = params.bucket ?? 'day';
  if (text === 'hour' || text === 'day' || text === 'week') return text;
  throw new ReportParamError(`bucket: expected hour, day or week, got ${JSON.stringify(text)}`);
}
