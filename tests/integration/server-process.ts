import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

const BIN = new URL('../../bin/waymark.mjs', import.meta.url).pathname;

/** `waymark serve` as its own process (for crash tests and load tests); resolves with the URL it prints. */
export function startServerProcess(
  dataDir: string,
  keys: { writeKey: string; adminToken: string },
): Promise<{ child: ChildProcess; url: string }> {
  return startWaymarkProcess([
    'serve',
    '--data',
    dataDir,
    '--port',
    '0',
    '--write-key',
    keys.writeKey,
    '--admin-token',
    keys.adminToken,
  ]);
}

/**
 * A `waymark` command that serves (`serve`, `demo`) as its own process; resolves once it prints the
 * URL it serves, with everything it printed until then.
 */
export async function startWaymarkProcess(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (text: string) => {
      output += text;
      const match = /serving .* at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
  return { child, url, output };
}

/** Stops a server process with a signal and waits until it is gone. */
export async function stopServerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  child.kill(signal);
  await once(child, 'exit');
}
