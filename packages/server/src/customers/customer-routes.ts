import type { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';
import type { CustomerErasedResponse, ErrorResponse } from '../api-types.ts';

/** `DELETE /api/customers/:id`: right to erasure, from the store and the index. */
export function customerRoutes(app: FastifyInstance, workspace: Workspace): void {
  app.delete<{ Params: { id: string }; Reply: CustomerErasedResponse | ErrorResponse }>(
    '/api/customers/:id',
    async (request, reply) => {
      const erased = await workspace.eraseCustomer(request.params.id);
      if (erased === null) return reply.code(404).send({ error: `no customer with id ${request.params.id}` });
      return { erased: true, identities: erased.identities, events: erased.events };
    },
  );
}
