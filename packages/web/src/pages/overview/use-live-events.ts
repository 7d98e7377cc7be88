import { useCallback, useEffect, useRef, useState } from 'react';
import { liveUrl } from '../../api/client.ts';

/** One event as `GET /api/live` sends it. */
export interface LiveEvent {
  messageId: string;
  type: string;
  userId: string | null;
  anonymousId: string | null;
  activity: string | null;
  channel: string | null;
  timestamp: string;
}

/** One server-sent message: a commit's event count and its newest events, oldest first. */
interface LiveMessage {
  total: number;
  events: LiveEvent[];
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveState {
  /** Newest first, at most `keep`. */
  events: LiveEvent[];
  /** Events received since the page opened (all of them, also those not kept). */
  received: number;
  status: LiveStatus;
  reconnect: () => void;
}

/** Subscribes to the live event stream while mounted; `onArrive` hears each commit's event count. */
export function useLiveEvents(keep: number, onArrive?: (count: number) => void): LiveState {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [received, setReceived] = useState(0);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [attempt, setAttempt] = useState(0);
  const arrive = useRef(onArrive);
  arrive.current = onArrive;

  useEffect(() => {
    setStatus('connecting');
    const source = new EventSource(liveUrl());
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.onmessage = (message: MessageEvent<string>) => {
      let data: LiveMessage;
      try {
        data = JSON.parse(message.data) as LiveMessage;
      } catch {
        return;
      }
      const newestFirst = [...data.events].reverse();
      setEvents((previous) => {
        const seen = new Set(newestFirst.map((e) => e.messageId));
        return [...newestFirst, ...previous.filter((e) => !seen.has(e.messageId))].slice(0, keep);
      });
      setReceived((count) => count + data.total);
      arrive.current?.(data.total);
    };
    return () => source.close();
  }, [keep, attempt]);

  const reconnect = useCallback(() => setAttempt((a) => a + 1), []);
  return { events, received, status, reconnect };
}
