import { SegmentBatchSchema } from '@waymark/core';
import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse, IngestResponse } from '../api-types.ts';
import { sameSecret, writeKeyOf } from '../auth/credentials.ts';

const SINGLE_TYPES = ['track', 'identify', 'page', 'screen', 'alias', 'group'] as const;

/**
 * Segment's HTTP tracking API (`/v1/batch` and one route per message type), so the tracking
 * SDKs customers already run can send to Waymark unchanged. A batch's good messages are
 * stored even when others in it are bad; the response lists each bad one by position and field.
 */
export function segmentRoutes(app: FastifyInstance, workspace: Workspace, writeKey: string): void {
  const authorize = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const given = writeKeyOf(request);
    if (given === null || !sameSecret(given, writeKey)) {
      const body: ErrorResponse = { success: false, error: 'write key required: HTTP Basic user name' };
      await reply.code(401).send(body);
      return false;
    }
    return true;
  };

  const ingest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    messages: unknown[],
    shared: Record<string, unknown> | undefined,
  ) => {
    const withContext = shared === undefined ? messages : messages.map((m) => mergeContext(m, shared));
    try {
      const result = await workspace.pipeline.submit(withContext, { source: 'http', receivedAtMs: Date.now() });
      const body: IngestResponse = {
        success: result.rejected.length === 0,
        accepted: result.accepted,
        duplicates: result.duplicates,
        rejected: result.rejected.map((r) => ({ index: r.position, errors: r.errors })),
      };
      const allBad = result.rejected.length > 0 && result.rejected.length === messages.length;
      return reply.code(allBad ? 400 : 200).send(body);
    } catch (error) {
      request.log.error(error, 'ingest commit failed');
      const body: ErrorResponse = { success: false, error: 'events could not be stored; retry' };
      return reply.code(503).send(body);
    }
  };

  app.post<{ Reply: IngestResponse | ErrorResponse }>(
    '/v1/batch',
    { schema: { body: SegmentBatchSchema } },
    async (request, reply) => {
      if (!(await authorize(request, reply))) return reply;
      const body = request.body as { batch: unknown[]; context?: Record<string, unknown> };
      if (body.batch.length === 0) return reply.send({ success: true, accepted: 0, duplicates: 0, rejected: [] });
      return ingest(request, reply, body.batch, body.context);
    },
  );

  for (const type of SINGLE_TYPES) {
    app.post<{ Reply: IngestResponse | ErrorResponse }>(`/v1/${type}`, async (request, reply) => {
      if (!(await authorize(request, reply))) return reply;
      const body = request.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return reply.code(400).send({ success: false, error: 'body: expected a JSON object (one message)' });
      }
      const message = { ...(body as Record<string, unknown>) };
      message.type ??= type;
      delete message.writeKey;
      return ingest(request, reply, [message], undefined);
    });
  }
}

/** Batch-level `context` applies to every message that does not set the same key itself. */
function mergeContext(message: unknown, shared: Record<string, unknown>): unknown {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return message;
  const own = (message as { context?: unknown }).context;
  const context = own !== null && typeof own === 'object' ? { ...shared, ...(own as object) } : shared;
  return { ...(message as object), context };
}
