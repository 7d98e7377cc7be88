import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse } from '../api-types.ts';

/**
 * Serves the built single-page app; unknown non-API paths get index.html (client-side routes).
 * Unknown API paths, and any unknown path without a built app, get a JSON 404.
 */
export async function webRoutes(app: FastifyInstance, webDir: string | null): Promise<void> {
  const built = webDir !== null && existsSync(webDir);
  if (built) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('Waymark API is running. The web app is not built: run `npm run build:web`.'),
    );
  }
  app.setNotFoundHandler(async (request, reply) => {
    const api = request.url.startsWith('/api/') || request.url.startsWith('/v1/');
    if (built && !api && request.method === 'GET') return reply.sendFile('index.html');
    const body: ErrorResponse = { error: `no route ${request.method} ${request.url.split('?')[0]}` };
    return reply.code(404).send(body);
  });
}
