import type { IndexableEvent } from './journey-index.ts';

/** Builds index events tersely for tests: `ev('u1', 'A', 10)` = track by userId u1 at t=10 s. */
export function ev(
  who: string,
  activity: string | null,
  seconds: number,
  extra: Partial<IndexableEvent> = {},
): IndexableEvent {
  return {
    type: activity === null ? 'identify' : 'track',
    userId: who.startsWith('anon:') ? null : who,
    anonymousId: who.startsWith('anon:') ? who : null,
    previousId: null,
    timestampMs: seconds * 1000,
    activity,
    channel: null,
    seq: 0,
    ...extra,
  };
}
