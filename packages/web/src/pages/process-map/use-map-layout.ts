import { useEffect, useState } from 'react';
import type { MapGraph } from './map-graph.ts';
import { layOutMap, type MapLayout } from './map-layout.ts';
import { canvasMeasure, mapSizes } from './map-text.ts';

const LAYOUT_DELAY_MS = 120;

export interface MapLayoutState {
  /** The latest layout; while a new graph is laid out, the previous one (or null at first). */
  layout: MapLayout | null;
  /** True while `layout` is not yet the layout of the graph asked for. */
  pending: boolean;
  error: Error | null;
}

/** Lays out the graph whenever it changes (ELK runs asynchronously); a stale answer is dropped. */
export function useMapLayout(graph: MapGraph | null): MapLayoutState {
  const [state, setState] = useState<{ graph: MapGraph | null; layout: MapLayout | null; error: Error | null }>({
    graph: null,
    layout: null,
    error: null,
  });
  useEffect(() => {
    if (graph === null) return;
    let current = true;
    // ELK runs on this thread: while the slider is being dragged, lay out only where it stops.
    const timer = window.setTimeout(() => {
      const sizes = mapSizes(canvasMeasure(getComputedStyle(document.body).fontFamily));
      layOutMap(graph, sizes).then(
        (layout) => {
          if (current) setState({ graph, layout, error: null });
        },
        (failure: unknown) => {
          if (current)
            setState({ graph, layout: null, error: failure instanceof Error ? failure : new Error(String(failure)) });
        },
      );
    }, LAYOUT_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [graph]);
  return { layout: state.layout, pending: state.graph !== graph, error: state.graph === graph ? state.error : null };
}
