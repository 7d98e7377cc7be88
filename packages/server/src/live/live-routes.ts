import type { Workspace } from '@waymark/runtime';
import type { StoredEvent } from '@waymark/storage';
import type { FastifyInstance } from 'fastify';
import type { LiveEvent, LiveMessage } from '../api-types.ts';

/** Events per server-sent message at most; a busy stream sends the newest and a count of the rest. */
const MAX_EVENTS_PER_MESSAGE = 50;

/**
 * `GET /api/live`: the stream of arriving events as server-sent events, one message per
 * commit: `{ total, events: [...] }` with the newest events of that commit.
 */
export function liveRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/live', (request, reply) => {
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    out.write(': connected\n\n');
    const onCommit = (events: readonly StoredEvent[]): void => {
      const newest = events.slice(-MAX_EVENTS_PER_MESSAGE).map(
        (e): LiveEvent => ({
          messageId: e.messageId,
          type: e.type,
          userId: e.userId,
          anonymousId: e.anonymousId,
          activity: e.activity,
          channel: e.channel,
          timestamp: new Date(e.timestampMs).toISOString(),
        }),
      );
      const message: LiveMessage = { total: events.length, events: newest };
      out.write(`data: ${JSON.stringify(message)}\n\n`);
    };
    workspace.pipeline.on('committed', onCommit);
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      workspace.pipeline.off('committed', onCommit);
    });
  });
}
