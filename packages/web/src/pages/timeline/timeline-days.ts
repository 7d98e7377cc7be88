import type { Channel, TimelineEvent, TimelineReport } from '@waymark/core';

/** The events of one UTC calendar day, in the report's order. */
export interface TimelineDay {
  /** `YYYY-MM-DD` (UTC, as every report buckets days). */
  day: string;
  events: TimelineEvent[];
}

/** The events grouped by UTC day, keeping their order (the report's: time, then arrival). */
export function groupByDay(events: readonly TimelineEvent[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const event of events) {
    const day = event.timestamp.slice(0, 10);
    const last = days[days.length - 1];
    if (last !== undefined && last.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
}

export interface StageChange {
  stage: string;
  timestamp: string;
  seq: number;
}

export interface TimelineSummary {
  events: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** Events per channel, most first (ties by name); events without a channel under null. */
  channels: Array<{ channel: Channel | null; events: number }>;
  contacts: number;
  surveys: number;
  /** Every stage change in order: the stage entered and when. */
  stageChanges: StageChange[];
}

/** The headline numbers of a customer's timeline. */
export function timelineSummary(report: TimelineReport): TimelineSummary {
  const channels = new Map<Channel | null, number>();
  let contacts = 0;
  let surveys = 0;
  const stageChanges: StageChange[] = [];
  for (const event of report.events) {
    channels.set(event.channel, (channels.get(event.channel) ?? 0) + 1);
    if (event.contact !== null) contacts++;
    if (event.survey !== null) surveys++;
    if (event.stageChanged && event.stage !== null)
      stageChanges.push({ stage: event.stage, timestamp: event.timestamp, seq: event.seq });
  }
  return {
    events: report.events.length,
    firstTimestamp: report.events[0]?.timestamp ?? null,
    lastTimestamp: report.events[report.events.length - 1]?.timestamp ?? null,
    channels: [...channels]
      .map(([channel, events]) => ({ channel, events }))
      .sort((a, b) => b.events - a.events || (a.channel ?? '').localeCompare(b.channel ?? '')),
    contacts,
    surveys,
    stageChanges,
  };
}

/** A property's value for the details table: text as is, anything else as JSON. */
export function propertyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '–';
  return JSON.stringify(value);
}
