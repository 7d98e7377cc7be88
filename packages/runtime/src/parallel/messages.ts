import type { QuantileLayout, SortedRows, SplitKernelName } from '@waymark/core';

/** The part of the index a kernel pass reads (typed arrays on shared memory: not copied). */
export type SharedRows = Pick<SortedRows, 'activity' | 'timestampMs' | 'runStart' | 'runCount' | 'length'>;

export type KernelRequest =
  | {
      op: 'histogram';
      rows: SharedRows;
      activityCount: number;
      runFrom: number;
      runTo: number;
      stepCell: Int32Array;
    }
  | {
      op: 'keep';
      rows: SharedRows;
      activityCount: number;
      runFrom: number;
      runTo: number;
      layout: QuantileLayout;
      stepCell: Int32Array;
      fill: Int32Array;
      kept: Float64Array;
    }
  | {
      /** A split kernel's pass over customers [runFrom, runTo). */
      op: 'collect';
      kernel: SplitKernelName;
      rows: SortedRows;
      input: unknown;
      runFrom: number;
      runTo: number;
    };

export type KernelReply = { ok: true; histogram?: Int32Array; part?: unknown } | { ok: false; error: string };
