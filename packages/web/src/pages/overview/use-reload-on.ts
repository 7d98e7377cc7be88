import { useEffect, useRef } from 'react';

/**
 * Calls each `reload` when `refreshes` (a count of the overview's refresh clicks) changes, not
 * on the first render: the cards' answers were fetched then already.
 */
export function useReloadOn(refreshes: number, ...reloads: Array<() => void>): void {
  const seen = useRef(refreshes);
  // Only a new refresh count matters: the reload functions are stable (useCallback).
  useEffect(() => {
    if (seen.current === refreshes) return;
    seen.current = refreshes;
    for (const reload of reloads) reload();
  }, [refreshes]);
}
