import { Worker } from 'node:worker_threads';
import {
  type DfgReport,
  dfgReport,
  directlyFollows,
  fitsHistogram,
  histogramCells,
  histogramSteps,
  type KernelPlan,
  keepQuantileSteps,
  keptPerSlot,
  lowerBound,
  openScratch,
  presentEdges,
  quantileLayout,
  runPlan,
  type SortedRows,
  selectQuantiles,
  sharedArray,
  splitKernel,
} from '@waymark/core';
import { Serial } from '../ingest/serial.ts';
import type { KernelReply, KernelRequest, SharedRows } from './messages.ts';

const WORKER_ENTRY = new URL('./kernel-worker-entry.mjs', import.meta.url);
/** Below this many events one thread is done before a hand-off to the worker would pay. */
const PARALLEL_MIN_EVENTS = 500_000;

/**
 * Runs report kernels on both cores: the main thread takes the first half of the customers,
 * one worker thread the second, over the index's shared memory (nothing is copied). Results
 * are identical to the single-threaded kernels, which remain the fallback.
 */
export class ParallelKernels {
  /** One computation at a time: the worker answers requests in order, one reply each. */
  private readonly serial = new Serial();

  private constructor(
    private readonly worker: Worker,
    private readonly minEvents: number,
  ) {}

  /** Starts the worker (about half a second: it loads the kernels); resolves when it is ready. */
  static async start(options: { minEvents?: number } = {}): Promise<ParallelKernels> {
    const worker = new Worker(WORKER_ENTRY);
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve()); // its first message: kernels loaded
      worker.once('error', reject);
    });
    worker.unref(); // idle, it must not keep the process alive; call() refs it while working
    return new ParallelKernels(worker, options.minEvents ?? PARALLEL_MIN_EVENTS);
  }

  /** The directly-follows graph, its two passes split across the main thread and the worker. */
  directlyFollows(rows: SortedRows, activityNames: readonly string[]): Promise<DfgReport> {
    return this.serial.run(() => this.splitDirectlyFollows(rows, activityNames));
  }

  private async splitDirectlyFollows(rows: SortedRows, activityNames: readonly string[]): Promise<DfgReport> {
    const a = activityNames.length;
    if (
      rows.length < this.minEvents ||
      !fitsHistogram(a) ||
      !(rows.activity.buffer instanceof SharedArrayBuffer) ||
      rows.runCount < 2
    ) {
      return directlyFollows(rows, activityNames);
    }
    const shared: SharedRows = {
      activity: rows.activity,
      timestampMs: rows.timestampMs,
      runStart: rows.runStart,
      runCount: rows.runCount,
      length: rows.length,
    };
    const middle = middleRun(rows);
    const stepCell = this.sharedCells(rows.length);

    const theirs = this.call({
      op: 'histogram',
      rows: shared,
      activityCount: a,
      runFrom: middle,
      runTo: rows.runCount,
      stepCell,
    });
    const histogram = new Int32Array(histogramCells(a));
    histogramSteps(rows, a, 0, middle, histogram, stepCell);
    const mine = new Int32Array(histogram);
    const theirHistogram = (await theirs).histogram as Int32Array;
    for (let i = 0; i < histogram.length; i++) histogram[i] += theirHistogram[i];

    const layout = quantileLayout(histogram, a);
    const slots = 2 * a * a;
    const kept = sharedArray(Float64Array, layout.slotStart[slots]);
    const myFill = layout.slotStart.slice(0, slots);
    const theirFill = new Int32Array(myFill);
    const myKept = keptPerSlot(mine, layout);
    for (let slot = 0; slot < slots; slot++) theirFill[slot] += myKept[slot];
    const keeping = this.call({
      op: 'keep',
      rows: shared,
      activityCount: a,
      runFrom: middle,
      runTo: rows.runCount,
      layout,
      stepCell,
      fill: theirFill,
      kept,
    });
    keepQuantileSteps(rows, 0, middle, layout, stepCell, myFill, kept);
    await keeping;
    return dfgReport(rows, activityNames, presentEdges(a, layout.edgeCount, selectQuantiles(layout, kept)));
  }

  /**
   * A report built on a split kernel: the main thread collects the first half of the
   * customers while the worker collects the second, then the parts are merged.
   */
  runPlan<Report>(plan: KernelPlan<Report>): Promise<Report> {
    return this.serial.run(async () => {
      const rows = plan.rows;
      if (
        rows.length < this.minEvents ||
        !(rows.timestampMs.buffer instanceof SharedArrayBuffer) ||
        rows.runCount < 2
      ) {
        return runPlan(plan);
      }
      const kernel = splitKernel(plan.kernel);
      const middle = middleRun(rows);
      const theirs = this.call({
        op: 'collect',
        kernel: plan.kernel,
        rows,
        input: plan.input,
        runFrom: middle,
        runTo: rows.runCount,
      });
      const closeScratch = openScratch();
      try {
        const mine = kernel.collect(rows, plan.input, 0, middle);
        const part = kernel.merge([mine, (await theirs).part]);
        return plan.present(kernel.finish(rows, plan.input, part));
      } finally {
        closeScratch();
      }
    });
  }

  private cells = new Int32Array(0);

  /** A reused shared scratch array (allocating and zeroing 40 MB per report would cost more than the split saves). */
  private sharedCells(length: number): Int32Array {
    if (this.cells.length < length) this.cells = sharedArray(Int32Array, Math.ceil(length * 1.25));
    return this.cells;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private call(request: KernelRequest): Promise<{ histogram?: Int32Array; part?: unknown }> {
    this.worker.ref();
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        this.worker.unref();
        reject(error);
      };
      this.worker.once('error', onError);
      this.worker.once('message', (reply: KernelReply) => {
        this.worker.off('error', onError);
        this.worker.unref();
        if (reply.ok) resolve(reply);
        else reject(new Error(`kernel worker: ${reply.error}`));
      });
      this.worker.postMessage(request);
    });
  }
}

/** The customer at which half of the events lie before it. */
function middleRun(rows: SortedRows): number {
  const low = lowerBound(rows.runStart, 0, rows.runCount, rows.length / 2);
  return Math.max(1, Math.min(rows.runCount - 1, low));
}
