/**
 * Memory of the journey index, measured in a fresh process (so no garbage from earlier steps
 * blurs it): heap and array buffers after opening a workspace, less before, less the dedupe
 * set (not part of the index). Prints JSON; run by bench/run.ts.
 */
import { Workspace } from '@waymark/runtime';

const gc = globalThis.gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const dataDir = process.argv[2] as string;
/** Collects until the heap stops shrinking, so the figure does not hang on when V8 frees array buffers. */
async function settled(): Promise<NodeJS.MemoryUsage> {
  let last = Number.POSITIVE_INFINITY;
  for (;;) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
    const usage = process.memoryUsage();
    const total = usage.heapUsed + usage.arrayBuffers;
    if (total >= last) return usage;
    last = total;
  }
}
const before = await settled();
const workspace = await Workspace.open(dataDir);
const dedupeBytes = await workspace.pipeline.dedupeBytes();
workspace.index.identities.lookup('');
const after = await settled();
const events = workspace.index.rows().length;
const bytes = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers - dedupeBytes;
process.stdout.write(
  JSON.stringify({
    events,
    bytesPerEvent: bytes / events,
    columnBytesPerEvent: workspace.index.columnBytes() / events,
    dedupeBytesPerEvent: dedupeBytes / events,
  }),
);
await workspace.close();
