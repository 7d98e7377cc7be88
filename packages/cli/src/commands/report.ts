import { isReportName, REPORT_NAMES } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { reportText } from '../output/report-text.ts';
import { type ImportFlags, importWithProgress, summaryText } from './import.ts';

export interface ReportFlags extends ImportFlags {
  input?: string;
  data?: string;
  json?: boolean;
  top?: string;
  bucket?: string;
}

/**
 * `waymark report NAME`: on a data folder, or straight from a file (imported into a
 * throwaway in-memory workspace first). Prints JSON with --json, else a readable table.
 */
export async function reportCommand(name: string, flags: ReportFlags): Promise<string> {
  if (!isReportName(name)) throw new Error(`no report named ${name}; reports: ${REPORT_NAMES.join(', ')}`);
  if (flags.input !== undefined && flags.data !== undefined)
    throw new Error('give --input FILE or --data DIR, not both');
  const workspace = await Workspace.open(flags.input !== undefined ? ':memory:' : (flags.data ?? '.waymark-data'));
  try {
    if (flags.input !== undefined) {
      const summary = await importWithProgress(workspace.pipeline, flags.input, flags);
      if (summary.rejectedCount > 0) process.stderr.write(`${summaryText(summary)}\n`);
    }
    const report = await workspace.report(name, { top: flags.top, bucket: flags.bucket });
    return flags.json === true ? JSON.stringify(report) : reportText(name, report);
  } finally {
    await workspace.close();
  }
}
