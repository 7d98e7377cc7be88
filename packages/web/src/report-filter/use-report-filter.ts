import { useCallback, useMemo } from 'react';
import { setQueryParams, useLocation } from '../router/router.tsx';
import { EMPTY_FILTER, FILTER_FIELDS, type ReportFilter, readFilter } from './report-filter.ts';

export interface ReportFilterState {
  filter: ReportFilter;
  /** Changes some fields; '' removes a field from the address. */
  setFilter: (patch: Partial<ReportFilter>) => void;
  /** Clears every field but the journey. */
  clear: () => void;
}

/** The shared report filter, kept in the page address (so reloading and sharing keep the view). */
export function useReportFilter(): ReportFilterState {
  const { search } = useLocation();
  const text = search.toString();
  // The same address gives the same filter object, so effects keyed on it do not rerun.
  const filter = useMemo(() => readFilter(new URLSearchParams(text)), [text]);
  const setFilter = useCallback((patch: Partial<ReportFilter>) => setQueryParams(patch), []);
  const clear = useCallback(() => {
    const patch: Partial<ReportFilter> = {};
    for (const field of FILTER_FIELDS) if (field !== 'journey') patch[field] = EMPTY_FILTER[field];
    setQueryParams(patch);
  }, []);
  return { filter, setFilter, clear };
}
