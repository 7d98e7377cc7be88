import { createGunzip } from 'node:zlib';
import rateLimit from '@fastify/rate-limit';
import type { Workspace } from '@waymark/runtime';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ErrorResponse, HealthResponse } from './api-types.ts';
import { requireAdmin } from './auth/credentials.ts';
import { catalogRoutes } from './catalog/catalog-routes.ts';
import type { ServerConfig } from './config.ts';
import { customerRoutes } from './customers/customer-routes.ts';
import { segmentRoutes } from './ingest/segment-routes.ts';
import { journeyRoutes } from './journeys/journey-routes.ts';
import { liveRoutes } from './live/live-routes.ts';
import { openApiRoutes } from './openapi/openapi-routes.ts';
import { reportRoutes } from './reports/report-routes.ts';
import { webRoutes } from './web/web-routes.ts';

/**
 * The HTTP server: Segment-compatible ingest under `/v1` (write key), the admin API under
 * `/api` (admin token; not the health route and the OpenAPI document), and the web app. Any
 * error becomes a JSON answer; none stops the server. docs/openapi.json describes every route.
 */
export async function buildApp(workspace: Workspace, config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    logger: false,
    forceCloseConnections: true,
    // Validate as sent: no coercing a number into an array, or text into a number.
    ajv: { customOptions: { coerceTypes: false } },
  });

  // SDKs may gzip bodies; Fastify does not decompress on its own.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.headers['content-encoding'] === 'gzip') {
      delete request.headers['content-length'];
      return payload.pipe(createGunzip());
    }
    return payload;
  });

  // Plain JSON.parse: it never sets prototypes (a "__proto__" key stays an own property) and
  // nothing here merges request objects into others deeply, so Fastify's slower
  // prototype-poisoning scan buys nothing on the ingest hot path.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? null : JSON.parse(body as string));
    } catch (error) {
      (error as FastifyError).statusCode = 400;
      done(error as FastifyError, undefined);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    let message = error.message;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      message = `body: invalid JSON (${error.message})`;
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      message = `body: larger than the limit of ${config.bodyLimitBytes} bytes; send smaller batches`;
    } else if (error.validation) {
      message = error.validation.map((v) => `body${v.instancePath.replace(/\//g, '.')}: ${v.message}`).join('; ');
    } else if (error.code === 'Z_DATA_ERROR' || /header check|invalid (block|stored|code)/.test(error.message)) {
      message = `body: not valid gzip (${error.message})`;
    }
    const body: ErrorResponse = { success: false, error: status >= 500 ? 'internal error' : message };
    void reply.code(status).send(body);
  });

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The plugin throws what this returns, so the error handler above answers it: an Error with
    // the message and status (a plain object has no `message`, and the answer lost it).
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`rate limit: at most ${context.max} requests per minute; retry after ${context.after}`), {
        statusCode: context.statusCode,
      }),
  });

  app.get<{ Reply: HealthResponse }>('/api/health', async () => ({ ok: true, events: workspace.index.eventCount }));
  openApiRoutes(app);
  segmentRoutes(app, workspace, config.writeKey);
  await app.register(async (admin) => {
    admin.addHook('onRequest', requireAdmin(config.adminToken));
    reportRoutes(admin, workspace);
    journeyRoutes(admin, workspace);
    catalogRoutes(admin, workspace);
    customerRoutes(admin, workspace);
    liveRoutes(admin, workspace);
  });
  await webRoutes(app, config.webDir);
  return app;
}
