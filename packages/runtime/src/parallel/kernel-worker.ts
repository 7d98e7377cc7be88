import { parentPort } from 'node:worker_threads';
import { histogramCells, histogramSteps, keepQuantileSteps, type SortedRows } from '@waymark/core';
import type { KernelReply, KernelRequest } from './messages.ts';

/** Runs one kernel pass over a range of customers for the main thread. */
parentPort?.on('message', (request: KernelRequest) => {
  let reply: KernelReply;
  try {
    const rows = request.rows as SortedRows;
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
