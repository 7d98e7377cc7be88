import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';
import type { ActivityListResponse, AttributeListResponse } from '../api-types.ts';

/**
 * What the data holds, for pickers: `GET /api/activities` (activity names with their events and
 * customers, most events first) and `GET /api/attributes` (the attribute paths `segment` and
 * `breakdown` can name, with their value types).
 */
export function catalogRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get<{ Reply: ActivityListResponse }>('/api/activities', async () => ({ activities: workspace.activities() }));
  app.get<{ Reply: AttributeListResponse }>('/api/attributes', async () => ({
    attributes: await workspace.attributes(),
  }));
}
