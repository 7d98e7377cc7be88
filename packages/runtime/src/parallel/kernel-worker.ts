import { parentPort } from 'node:worker_threads';
import {
  histogramCells,
  histogramSteps,
  keepQuantileSteps,
  type SortedRows,
  splitKernel,
  withScratch,
} from '@waymark/core';
import type { KernelReply, KernelRequest } from './messages.ts';

/** Runs one kernel pass over a range of customers for the main thread. */
parentPort?.on('message', (request: KernelRequest) => {
  let reply: KernelReply;
  try {
    const rows = request.rows as SortedRows;
    if (request.op === 'collect') {
      // The part may sit in this thread's scratch memory: reused only by the next request,
      // which the main thread sends once it has finished the report this part is for.
      withScratch(() => {
        const part = splitKernel(request.kernel).collect(rows, request.input, request.runFrom, request.runTo);
        reply = { ok: true, part };
        parentPort?.postMessage(reply, ownBuffers(part));
      });
      return;
    }
    if (request.op === 'histogram') {
      const histogram = new Int32Array(histogramCells(request.activityCount));
      histogramSteps(rows, request.activityCount, request.runFrom, request.runTo, histogram, request.stepCell);
      reply = { ok: true, histogram };
      parentPort?.postMessage(reply, [histogram.buffer]);
      return;
    }
    keepQuantileSteps(
      rows,
      request.runFrom,
      request.runTo,
      request.layout,
      request.stepCell,
      request.fill,
      request.kept,
    );
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});

parentPort?.postMessage({ ok: true, ready: true });

/** The buffers a part owns (not shared memory), to move back instead of copying. */
function ownBuffers(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) ownBuffers(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) ownBuffers(item, found);
  }
  return [...found];
}
