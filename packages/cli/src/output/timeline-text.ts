import type { TimelineEvent, TimelineReport } from '@waymark/core';
import { formatSeconds, formatTable } from './table.ts';

/** The `timeline` report as text: who, then one line per event, stage changes marked with ▶. */
export function timelineText(report: TimelineReport): string {
  const traits = Object.entries(report.traits)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return [
    `Customer ${report.customer} (${report.identities.join(', ')}): ${report.events.length} events${report.journey === null ? '' : `, journey ${report.journey}`}`,
    ...(traits === '' ? [] : [`traits: ${traits}`]),
    '',
    formatTable(
      ['time', 'sent as', 'activity', 'channel', 'stage', 'touchpoint', 'details'],
      report.events.map((e) => [
        e.timestamp,
        e.userId ?? e.anonymousId ?? '-',
        e.activity,
        e.channel ?? '-',
        e.stage === null ? '-' : `${e.stageChanged ? '▶ ' : '  '}${e.stage}`,
        e.touchpoint ?? '-',
        details(e),
      ]),
    ),
  ].join('\n');
}

function details(e: TimelineEvent): string {
  if (e.contact !== null) {
    const c = e.contact;
    return [
      c.medium,
      c.queue === null ? null : `queue ${c.queue}`,
      c.reason === null ? null : `reason ${c.reason}`,
      c.outcome,
      c.queueSeconds === null ? null : `waited ${formatSeconds(c.queueSeconds)}`,
      c.talkSeconds === null ? null : `talked ${formatSeconds(c.talkSeconds)}`,
      c.transfers ? `${c.transfers} transfers` : null,
    ]
      .filter((part) => part !== null)
      .join(', ');
  }
  if (e.survey !== null) {
    const s = e.survey;
    return [`${s.survey ?? 'survey'} ${s.score ?? '-'}`, s.comment === null ? null : `“${s.comment}”`]
      .filter((part) => part !== null)
      .join(' ');
  }
  return '';
}
