import type { DfgEdge } from '@waymark/core';

export type EdgeSortKey = 'from' | 'to' | 'count' | 'median' | 'p90';
export interface EdgeSort {
  key: EdgeSortKey;
  descending: boolean;
}

export const DEFAULT_EDGE_SORT = '-count';

/** `-count` → count, descending; `from` → from, ascending. Unknown text gives null. */
export function parseEdgeSort(text: string | null): string | null {
  if (text === null) return null;
  const key = text.replace(/^-/, '');
  return key === 'from' || key === 'to' || key === 'count' || key === 'median' || key === 'p90' ? text : null;
}

export function edgeSortOf(text: string): EdgeSort {
  return { key: text.replace(/^-/, '') as EdgeSortKey, descending: text.startsWith('-') };
}

/** Clicking a column: the same column flips direction; another starts at its natural one. */
export function nextEdgeSort(current: EdgeSort, key: EdgeSortKey): string {
  if (current.key === key) return current.descending ? key : `-${key}`;
  return key === 'from' || key === 'to' ? key : `-${key}`;
}

const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Edges in the chosen order; ties keep the server's order (from, then to), so a sorted table
 * is deterministic and its first rows can be checked against the API.
 */
export function sortEdges(edges: readonly DfgEdge[], sort: EdgeSort): DfgEdge[] {
  const sign = sort.descending ? -1 : 1;
  const compare = (a: DfgEdge, b: DfgEdge): number => {
    switch (sort.key) {
      case 'from':
        return text(a.from, b.from) || text(a.to, b.to);
      case 'to':
        return text(a.to, b.to) || text(a.from, b.from);
      case 'count':
        return a.count - b.count;
      case 'median':
        return a.medianSeconds - b.medianSeconds;
      case 'p90':
        return a.p90Seconds - b.p90Seconds;
    }
  };
  return edges
    .map((edge, position) => ({ edge, position }))
    .sort((a, b) => sign * compare(a.edge, b.edge) || a.position - b.position)
    .map((entry) => entry.edge);
}
