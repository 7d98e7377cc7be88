import { isReportName, REPORT_NAMES } from '@waymark/core';
import { parseLinkBy, Workspace } from '@waymark/runtime';
import { reportText } from '../output/report-text.ts';
import { type ImportFlags, importWithProgress, summaryText } from './import.ts';

export interface ReportFlags extends ImportFlags {
  input?: string;
  data?: string;
  json?: boolean;
  top?: string;
  bucket?: string;
  journey?: string[];
  /** Identify traits that link identities (`email,phone`); overrides the data folder's waymark.yaml. */
  linkBy?: string;
  /** The shared filter's breakdown (`-p breakdown=…`). */
  breakdown?: string;
  /** Report parameters as key=value (the same names as the HTTP API's query). */
  param?: string[];
}

/**
 * `waymark report NAME`: on a data folder, or straight from a file (imported into a
 * throwaway in-memory workspace first). Prints JSON with --json, else a readable table.
 */
export async function reportCommand(name: string, flags: ReportFlags): Promise<string> {
  if (!isReportName(name)) throw new Error(`no report named ${name}; reports: ${REPORT_NAMES.join(', ')}`);
  if (flags.input !== undefined && flags.data !== undefined)
    throw new Error('give --input FILE or --data DIR, not both');
  const params = reportParams(flags);
  const workspace = await Workspace.open(flags.input !== undefined ? ':memory:' : (flags.data ?? '.waymark-data'), {
    journeyFiles: flags.journey ?? [],
    ...(flags.linkBy === undefined ? {} : { linkBy: parseLinkBy(flags.linkBy) }),
  });
  try {
    if (flags.input !== undefined) {
      const summary = await importWithProgress(workspace.pipeline, flags.input, flags);
      if (summary.rejectedCount > 0) process.stderr.write(`${summaryText(summary)}\n`);
    }
    if (params.journey === undefined && flags.journey?.length === 1) {
      // The journey given on the command line is the one reported on.
      params.journey = [...workspace.journeys.values()].at(-1)?.id;
    }
    const report = await workspace.report(name, params);
    return flags.json === true ? JSON.stringify(report) : reportText(name, report);
  } finally {
    await workspace.close();
  }
}

function reportParams(flags: ReportFlags): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {
    top: flags.top,
    bucket: flags.bucket,
    breakdown: flags.breakdown,
  };
  for (const pair of flags.param ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new Error(`--param: expected key=value, got ${JSON.stringify(pair)}`);
    params[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return params;
}
