import type { DfgReport } from '@waymark/core';
import { type ReactNode, useMemo } from 'react';
import { Card, Segmented } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { formatInteger } from '../../format/format.ts';
import { setQueryParams, useLocation, useQueryParam } from '../../router/router.tsx';
import { CountSlider } from './count-slider.tsx';
import { allArcs, countSteps, defaultMinCount, visibleGraph } from './map-graph.ts';
import {
  DEFAULT_LABEL_MODE,
  DRAWN_ARCS_DEFAULT,
  DRAWN_ARCS_MAX,
  type EdgeLabelMode,
  LABEL_MODES,
  parseLabelMode,
  parseMinCount,
} from './map-params.ts';
import { ProcessMapSvg } from './process-map-svg.tsx';
import { useMapLayout } from './use-map-layout.ts';
import './process-map.css';

/** The directly-follows graph drawn: the slider hides rare transitions, the switch picks what edges say. */
export function ProcessMapCard({ report }: { report: DfgReport }) {
  const arcs = useMemo(() => allArcs(report), [report]);
  const steps = useMemo(() => countSteps(arcs), [arcs]);
  const fallback = useMemo(() => defaultMinCount(steps, arcs, DRAWN_ARCS_DEFAULT), [steps, arcs]);
  const { search } = useLocation();
  const minCount = parseMinCount(search.get('minCount')) ?? fallback;
  const [mode, setMode] = useQueryParam<EdgeLabelMode>('label', DEFAULT_LABEL_MODE, parseLabelMode);
  const graph = useMemo(() => visibleGraph(report, arcs, minCount), [report, arcs, minCount]);
  const tooMany = graph.arcs.length > DRAWN_ARCS_MAX;
  const { layout, pending, error } = useMapLayout(tooMany || graph.arcs.length === 0 ? null : graph);
  const shown = graph.arcs.filter((arc) => arc.kind === 'transition').length;

  let body: ReactNode;
  if (report.events === 0) body = <p className="muted">No journeys yet.</p>;
  else if (graph.arcs.length === 0) body = <p className="muted">Nothing is seen that often: move the slider left.</p>;
  else if (tooMany)
    body = (
      <p className="muted" data-testid="pm-too-many">
        {formatInteger(graph.arcs.length)} arcs are too many to draw: move the slider right.
      </p>
    );
  else if (error !== null) body = <ErrorBox error={error} />;
  else if (layout === null) body = <Loading label="Laying out the map…" />;
  else body = <ProcessMapSvg layout={layout} mode={mode} pending={pending} />;

  return (
    <Card
      title="Map"
      subtitle="Activities and how often each one directly follows another; the thicker the arrow, the more often."
      testId="process-map"
      className="pm-card"
      actions={
        <Segmented label="Edge labels" options={LABEL_MODES} value={mode} onChange={setMode} testId="pm-label" />
      }
    >
      <CountSlider
        steps={steps}
        value={minCount}
        onChange={(count) => setQueryParams({ minCount: count === fallback ? null : String(count) })}
        shown={shown}
        total={report.edges.length}
      />
      <div className="pm-canvas">{body}</div>
    </Card>
  );
}
