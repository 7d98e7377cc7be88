import { type JourneyDefinitionInput, journeySummary } from '@waymark/core';
import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse, JourneyListResponse } from '../api-types.ts';

/**
 * `GET /api/journeys`: the workspace's journey definitions (stages, touchpoints, funnels) for
 * pickers; `GET /api/journeys/:id`: one definition as written in its file.
 */
export function journeyRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get<{ Reply: JourneyListResponse }>('/api/journeys', async () => ({
    journeys: [...workspace.journeys.values()].map(journeySummary),
  }));
  app.get<{ Params: { id: string }; Reply: JourneyDefinitionInput | ErrorResponse }>(
    '/api/journeys/:id',
    async (request, reply) => {
      const journey = workspace.journeys.get(request.params.id);
      if (journey === undefined) return reply.code(404).send({ error: `no journey "${request.params.id}"` });
      return journey.source;
    },
  );
}
