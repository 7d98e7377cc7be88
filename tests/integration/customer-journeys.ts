import type { Workspace } from '@waymark/runtime';

/** Each customer's activities in journey order, by customer name: what stitching is judged by. */
export function customerJourneys(workspace: Workspace): Record<string, string[]> {
  const rows = workspace.index.rows();
  const out: Record<string, string[]> = {};
  for (let r = 0; r < rows.runCount; r++) {
    const start = rows.runStart[r] as number;
    const name = workspace.index.customerName(rows.customer[start] as number);
    out[name] = [];
    for (let i = start; i < (rows.runStart[r + 1] as number); i++) {
      out[name]?.push(workspace.index.activities.valueOf(rows.activity[i] as number));
    }
  }
  return out;
}
