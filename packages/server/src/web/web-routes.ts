import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built single-page app; unknown non-API paths get index.html (client-side routes). */
export async function webRoutes(app: FastifyInstance, webDir: string | null): Promise<void> {
  if (webDir === null || !existsSync(webDir)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('Waymark API is running. The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/v1/') || request.method !== 'GET') {
      return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
}
