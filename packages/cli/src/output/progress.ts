import cliProgress from 'cli-progress';

/** A byte-based progress bar on stderr when it is a terminal; silent otherwise (pipes, CI). */
export function fileProgress(label: string): {
  update(progress: { bytesRead: number; totalBytes: number; records: number }): void;
  stop(): void;
} {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {records} records | {mb} MB`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ bytesRead, totalBytes, records }) {
      const payload = { records: records.toLocaleString('en-US'), mb: (bytesRead / 1e6).toFixed(1) };
      if (!started) {
        bar.start(totalBytes, 0, payload);
        started = true;
      }
      bar.update(bytesRead, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
