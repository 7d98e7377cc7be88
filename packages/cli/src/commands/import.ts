import { CHANNELS, type Channel, isChannel } from '@waymark/core';
import { type ImportFormat, type ImportSummary, type IngestPipeline, importFile } from '@waymark/runtime';
import { fileProgress } from '../output/progress.ts';
import { formatNumber } from '../output/table.ts';

export interface ImportFlags {
  format?: string;
  mapping?: string;
  channel?: string;
}

/** Imports one file with a progress bar on a terminal; returns the summary. */
export async function importWithProgress(
  pipeline: IngestPipeline,
  file: string,
  flags: ImportFlags,
): Promise<ImportSummary> {
  const progress = fileProgress(`importing ${file}`);
  try {
    return await importFile(pipeline, file, {
      ...(flags.format === undefined ? {} : { format: parseFormat(flags.format) }),
      ...(flags.mapping === undefined ? {} : { mappingPath: flags.mapping }),
      defaultChannel: parseChannel(flags.channel),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
}

export function summaryText(summary: ImportSummary): string {
  const lines = [
    `${summary.file} (${summary.format}): ${formatNumber(summary.records)} records in ${summary.seconds.toFixed(1)} s`,
    `  accepted   ${formatNumber(summary.accepted)}`,
    `  duplicates ${formatNumber(summary.duplicates)}`,
    `  rejected   ${formatNumber(summary.rejectedCount)}`,
  ];
  if (summary.bulk !== undefined) {
    const { storeLines, javascriptLines } = summary.bulk;
    lines.push(
      `  (lines validated by the store ${formatNumber(storeLines)}, by JavaScript ${formatNumber(javascriptLines)})`,
    );
  }
  for (const rejection of summary.rejected) {
    const reasons = rejection.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    lines.push(`    line ${rejection.position}: ${reasons}`);
  }
  if (summary.rejectedCount > summary.rejected.length) {
    lines.push(`    … and ${formatNumber(summary.rejectedCount - summary.rejected.length)} more`);
  }
  return lines.join('\n');
}

function parseFormat(text: string): ImportFormat {
  if (text === 'jsonl' || text === 'xes' || text === 'csv') return text;
  throw new Error(`--format: expected jsonl, xes or csv, got ${text}`);
}

function parseChannel(text: string | undefined): Channel | null {
  if (text === undefined) return null;
  if (isChannel(text)) return text;
  throw new Error(`--channel: expected one of ${CHANNELS.join(', ')}, got ${text}`);
}
