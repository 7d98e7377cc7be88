import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { LinkTrait } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_RATE_LIMIT_PER_MINUTE, type ServerConfig } from './config.ts';

export interface StartOptions {
  dataDir: string;
  host?: string;
  port?: number;
  writeKey?: string;
  /** An explicit token, or null for none (allowed on loopback only). Undefined generates one. */
  adminToken?: string | null;
  bodyLimitBytes?: number;
  rateLimitPerMinute?: number;
  webDir?: string | null;
  /** Identify traits that link identities; overrides `identity.linkBy` of `<data>/waymark.yaml`. */
  linkBy?: readonly LinkTrait[];
  /** Journey files to load besides `<data>/journeys/*.yaml`. */
  journeyFiles?: readonly string[];
}

export interface RunningServer {
  url: string;
  writeKey: string;
  adminToken: string | null;
  workspace: Workspace;
  app: FastifyInstance;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Opens the workspace, builds the index and serves; binds to 127.0.0.1 unless told otherwise. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // An empty secret would let anyone in: refuse it rather than run unprotected.
  if (options.writeKey === '') throw new Error('the write key is empty: give one, or none to have one generated');
  if (options.adminToken === '') throw new Error('the admin token is empty: give one, or none to have one generated');
  const adminToken = options.adminToken === undefined ? randomBytes(18).toString('base64url') : options.adminToken;
  if (adminToken === null && !LOOPBACK.has(host)) {
    throw new Error(`an admin token is required when serving on ${host}: only loopback may run without one`);
  }
  const config: ServerConfig = {
    writeKey: options.writeKey ?? randomBytes(12).toString('base64url'),
    adminToken,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    webDir: options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir,
  };
  const workspace = await Workspace.open(options.dataDir, {
    parallelKernels: true,
    journeyFiles: options.journeyFiles ?? [],
    ...(options.linkBy === undefined ? {} : { linkBy: options.linkBy }),
  });
  const app = await buildApp(workspace, config);
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    writeKey: config.writeKey,
    adminToken,
    workspace,
    app,
    async close() {
      await app.close();
      await workspace.close();
    },
  };
}
