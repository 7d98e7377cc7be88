import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** Admin API guard: `Authorization: Bearer <token>` (or `?token=` for EventSource, which cannot set headers). */
export function requireAdmin(adminToken: string | null) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (adminToken === null) return;
    const header = request.headers.authorization;
    const query = (request.query as { token?: string } | undefined)?.token;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : query;
    if (given === undefined || !sameSecret(given, adminToken)) {
      await reply.code(401).send({ error: 'admin token required: send Authorization: Bearer <token>' });
    }
  };
}
