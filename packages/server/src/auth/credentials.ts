import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '../api-types.ts';

/** Constant-time string comparison, so a key cannot be guessed byte by byte from timings. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Segment write key: the HTTP Basic user name (password empty), or `writeKey` in the body. */
export function writeKeyOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(0, colon) : decoded;
  }
  const body = request.body as { writeKey?: unknown } | null | undefined;
  return typeof body?.writeKey === 'string' ? body.writeKey : null;
}

/** Routes that may take the token as `?token=`: EventSource cannot set headers. */
const QUERY_TOKEN_ROUTES = new Set(['/api/live']);

/** Admin API guard: `Authorization: Bearer <token>` (`?token=` only for the live stream). */
export function requireAdmin(adminToken: string | null) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (adminToken === null) return;
    const header = request.headers.authorization;
    const queryAllowed = request.method === 'GET' && QUERY_TOKEN_ROUTES.has(request.url.split('?')[0] ?? '');
    const query = queryAllowed ? (request.query as { token?: string } | undefined)?.token : undefined;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : query;
    if (given === undefined || !sameSecret(given, adminToken)) {
      const body: ErrorResponse = { error: 'admin token required: send Authorization: Bearer <token>' };
      await reply.code(401).send(body);
    }
  };
}
