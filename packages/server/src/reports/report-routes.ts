import { isReportName, REPORT_NAMES, type ReportName, ReportParamError, type ReportTypes } from '@waymark/core';
import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';
import type { ErrorResponse, ReportListResponse } from '../api-types.ts';

/** `GET /api/reports/:name`: every report the CLI has, with the same JSON. */
export function reportRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.get<{ Reply: ReportListResponse }>('/api/reports', async () => ({ reports: REPORT_NAMES }));
  app.get<{
    Params: { name: string };
    Querystring: Record<string, string>;
    Reply: ReportTypes[ReportName] | ErrorResponse;
  }>('/api/reports/:name', async (request, reply) => {
    const { name } = request.params;
    if (!isReportName(name)) {
      return reply.code(404).send({ error: `no report named ${name}; reports: ${REPORT_NAMES.join(', ')}` });
    }
    try {
      return await workspace.report(name, request.query);
    } catch (error) {
      if (error instanceof ReportParamError) return reply.code(400).send({ error: error.message });
      throw error;
    }
  });
}
