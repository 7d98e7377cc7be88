import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /api/journeys`: the workspace's journey definitions (stages, touchpoints, funnels) for
 * pickers; `GET /api/journeys/:id`: one definition as written in its file.
 */
export function journeyRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get('/api/journeys', async () => ({
    journeys: [...workspace.journeys.values()].map((journey) => ({
      id: journey.id,
      name: journey.name,
      description: journey.description ?? null,
      stages: journey.stages.map((stage) => stage.name),
      touchpoints: journey.touchpoints.map((t) => ({ name: t.name, stage: t.stage })),
      funnels: journey.funnels.map((f) => ({
        name: f.name,
        mode: f.mode,
        steps: f.steps.map((s) => s.name),
        windowSeconds: Number.isFinite(f.windowSeconds) ? f.windowSeconds : null,
        exclusions: f.exclusions.map((e) => ({ afterStep: e.afterStep + 1, beforeStep: e.beforeStep + 1 })),
      })),
    })),
  }));
  app.get<{ Params: { id: string } }>('/api/journeys/:id', async (request, reply) => {
    const journey = workspace.journeys.get(request.params.id);
    if (journey === undefined) return reply.code(404).send({ error: `no journey "${request.params.id}"` });
    return journey.source;
  });
}
