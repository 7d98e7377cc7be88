import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The OpenAPI document `npm run openapi` writes (docs/openapi.json). */
export const OPENAPI_FILE = fileURLToPath(new URL('../../../../docs/openapi.json', import.meta.url));

/**
 * `GET /api/openapi.json`: the API's OpenAPI 3.1 document, as committed. Like the health route it
 * needs no token: it describes the API and holds no data, and tools read it before they have one.
 */
export function openApiRoutes(app: FastifyInstance): void {
  const document = readFileSync(OPENAPI_FILE, 'utf8');
  app.get('/api/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(document));
}
