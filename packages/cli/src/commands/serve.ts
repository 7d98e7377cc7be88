import { parseLinkBy } from '@waymark/runtime';
import { startServer } from '@waymark/server';

export interface ServeFlags {
  data?: string;
  port?: string;
  host?: string;
  writeKey?: string;
  adminToken?: string;
  linkBy?: string;
  journey?: string[];
}

/** `waymark serve`: flags first, then WAYMARK_WRITE_KEY / WAYMARK_ADMIN_TOKEN, else generated and printed. */
export async function serveCommand(flags: ServeFlags): Promise<void> {
  const server = await startServer({
    dataDir: flags.data ?? '.waymark-data',
    host: flags.host ?? '127.0.0.1',
    port: parsePort(flags.port ?? process.env.WAYMARK_PORT ?? '4400'),
    writeKey: flags.writeKey ?? process.env.WAYMARK_WRITE_KEY,
    adminToken: flags.adminToken ?? process.env.WAYMARK_ADMIN_TOKEN,
    journeyFiles: flags.journey ?? [],
    ...(flags.linkBy === undefined ? {} : { linkBy: parseLinkBy(flags.linkBy) }),
  });
  announce(server.url, server.writeKey, server.adminToken, server.workspace.index.eventCount);
  stopOnSignal(server.close);
}

export function announce(url: string, writeKey: string, adminToken: string | null, events: number): void {
  const open = adminToken === null ? url : `${url}/?token=${encodeURIComponent(adminToken)}`;
  process.stdout.write(
    [
      `Waymark is serving ${events.toLocaleString('en-US')} events at ${url}`,
      `  web app      ${open}`,
      `  ingest       POST ${url}/v1/batch  (Segment API; HTTP Basic user = write key)`,
      `  write key    ${writeKey}`,
      `  admin token  ${adminToken ?? '(none: loopback demo)'}`,
      '',
    ].join('\n'),
  );
}

export function stopOnSignal(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0-65535, got ${text}`);
  return port;
}
