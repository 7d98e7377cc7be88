import { CHANNELS } from '../../events/channel.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { compareText } from '../shared/order.ts';

export type Bucket = 'hour' | 'day' | 'week';

export interface OverviewPoint {
  /** Bucket start, ISO 8601 UTC. */
  start: string;
  events: number;
  /** Customers with at least one event in the bucket. */
  customers: number;
}

/** The first page's numbers: volume over time, by channel and by activity. */
export interface OverviewReport {
  events: number;
  customers: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  bucket: Bucket;
  /** The bucket's width in seconds (a multiple of a week when even weeks would be too many). */
  bucketSeconds: number;
  series: OverviewPoint[];
  channels: Array<{ channel: string; events: number; customers: number }>;
  activities: Array<{ activity: string; events: number }>;
}

const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };
const MAX_POINTS = 2000;

/**
 * Volume over time, channels and activities in one pass over the index. The bucket is
 * widened (hour → day → week → several weeks) when the data spans more than {@link MAX_POINTS} buckets.
 */
export function overview(
  rows: SortedRows,
  activityNames: readonly string[],
  requested: Bucket = 'day',
): OverviewReport {
  const { timestampMs, channel, activity, runStart, runCount, length } = rows;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    if (timestampMs[i] < min) min = timestampMs[i];
    if (timestampMs[i] > max) max = timestampMs[i];
  }
  let bucket = requested;
  if (length > 0 && (max - min) / BUCKET_MS[bucket] > MAX_POINTS) bucket = 'day';
  if (length > 0 && (max - min) / BUCKET_MS[bucket] > MAX_POINTS) bucket = 'week';
  // Past 2,000 weeks (data spanning decades, or a stray timestamp), whole multiples of a week.
  const width =
    length > 0 && (max - min) / BUCKET_MS[bucket] > MAX_POINTS
      ? Math.ceil((max - min) / MAX_POINTS / BUCKET_MS.week) * BUCKET_MS.week
      : BUCKET_MS[bucket];
  const origin = length > 0 ? Math.floor(min / width) * width : 0;
  const points = length > 0 ? Math.floor((max - origin) / width) + 1 : 0;
  const events = new Int32Array(points);
  const customers = new Int32Array(points);
  const lastCustomerInBucket = new Int32Array(points).fill(-1);
  const channelEvents = new Int32Array(CHANNELS.length + 1);
  const channelCustomers = new Int32Array(CHANNELS.length + 1);
  const channelSeenBy = new Int32Array(CHANNELS.length + 1).fill(-1);
  const activityEvents = new Int32Array(activityNames.length);
  for (let r = 0; r < runCount; r++) {
    for (let i = runStart[r]; i < runStart[r + 1]; i++) {
      const b = Math.floor((timestampMs[i] - origin) / width);
      events[b]++;
      if (lastCustomerInBucket[b] !== r) {
        lastCustomerInBucket[b] = r;
        customers[b]++;
      }
      const c = channel[i];
      channelEvents[c]++;
      if (channelSeenBy[c] !== r) {
        channelSeenBy[c] = r;
        channelCustomers[c]++;
      }
      activityEvents[activity[i]]++;
    }
  }
  const series: OverviewPoint[] = [];
  for (let b = 0; b < points; b++) {
    series.push({ start: new Date(origin + b * width).toISOString(), events: events[b], customers: customers[b] });
  }
  const channels = [...channelEvents.keys()]
    .filter((c) => channelEvents[c] > 0)
    .map((c) => ({
      channel: c === 0 ? 'unknown' : (CHANNELS[c - 1] as string),
      events: channelEvents[c],
      customers: channelCustomers[c],
    }))
    .sort((a, b) => b.events - a.events || compareText(a.channel, b.channel));
  const activities = activityNames
    .map((name, code) => ({ activity: name, events: activityEvents[code] }))
    .filter((a) => a.events > 0)
    .sort((a, b) => b.events - a.events || compareText(a.activity, b.activity));
  return {
    events: length,
    customers: runCount,
    firstTimestamp: length > 0 ? new Date(min).toISOString() : null,
    lastTimestamp: length > 0 ? new Date(max).toISOString() : null,
    bucket,
    bucketSeconds: width / 1000,
    series,
    channels,
    activities,
  };
}
