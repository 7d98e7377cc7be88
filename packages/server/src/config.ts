export interface ServerConfig {
  /** The write key ingest requires (HTTP Basic user name, or `writeKey` in the body). */
  writeKey: string;
  /** Bearer token for the admin API and web app; null means none is required (loopback demo only). */
  adminToken: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Requests per minute per client address. */
  rateLimitPerMinute: number;
  /** Folder of the built web app (index.html and assets); null serves no web app. */
  webDir: string | null;
}

export const DEFAULT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120_000;
