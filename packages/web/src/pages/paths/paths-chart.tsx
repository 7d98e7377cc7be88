import type { PathsReport } from '@waymark/core';
import { useMemo } from 'react';
import { activityChartColour } from '../../components/activity-chip.tsx';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { escapeHtml } from '../../funnels/funnel-view.ts';
import { OTHER, type PathsSankey, pathsSankey, type SankeyNode, stepName } from './paths-sankey.ts';

const MARKER_COLOUR = '#ced4da';
const OTHER_COLOUR = '#adb5bd';
/** Each column needs room for its node and label (LABEL_ROOM - 16 wide); more columns than fit scroll sideways. */
const COLUMN_WIDTH = 130;
const LABEL_ROOM = 130;

interface PathsChartProps {
  report: PathsReport;
  testId: string;
}

interface NodeParams {
  dataType: 'node' | 'edge';
  data: { id?: string; source?: string; target?: string; value: number };
}

/** The paths as a Sankey diagram, left to right in time, with drop-off (or journey start) in grey. */
export function PathsChart({ report, testId }: PathsChartProps) {
  const sankey = useMemo(() => pathsSankey(report), [report]);
  const option = useMemo(() => sankeyOption(report, sankey), [report, sankey]);
  const height = Math.min(720, Math.max(340, sankey.tallestColumn * 46 + 40));
  return (
    <div className="paths-chart-scroll">
      <div style={{ minWidth: sankey.columns * COLUMN_WIDTH + LABEL_ROOM }}>
        <EChart
          option={option}
          height={height}
          label={`Paths ${report.direction === 'from' ? 'from' : 'to'} ${report.anchor ?? 'each customer’s first event'}, ${report.steps} steps`}
          testId={testId}
        />
      </div>
    </div>
  );
}

function colourOf(node: SankeyNode): string {
  if (node.kind !== 'step') return MARKER_COLOUR;
  return node.name === OTHER ? OTHER_COLOUR : activityChartColour(node.name);
}

function sankeyOption(report: PathsReport, sankey: PathsSankey): ChartOption {
  const byId = new Map(sankey.nodes.map((node) => [node.id, node]));
  const anchored = report.anchor !== null;
  const share = (customers: number) => (report.customers === 0 ? 0 : customers / report.customers);
  const nodeTooltip = (node: SankeyNode): string => {
    if (node.kind !== 'step') {
      const what =
        node.kind === 'drop-off'
          ? `Paths that end after ${stepName(node.step, report.direction, anchored).toLowerCase()}`
          : `Paths that begin at ${stepName(node.step, report.direction, anchored).toLowerCase()}`;
      return [title(node.name), `<div>${what}</div>`, row('Customers', formatInteger(node.customers))].join('');
    }
    const ends = report.direction === 'from' ? 'Ended here' : 'Began here';
    return [
      title(node.name),
      `<div style="color:${CHART_COLORS.axis};margin-bottom:4px">${stepName(node.step, report.direction, anchored)}</div>`,
      row('Customers', formatInteger(node.customers)),
      row('Of all on a path', formatPercent(share(node.customers))),
      Math.abs(node.step) < report.steps ? row(ends, formatInteger(node.ends)) : '',
    ].join('');
  };
  return {
    ...BASE_OPTION,
    tooltip: {
      ...(BASE_OPTION.tooltip as object),
      trigger: 'item',
      formatter: (params: unknown) => {
        const { dataType, data } = params as NodeParams;
        if (dataType === 'node') {
          const node = byId.get(data.id ?? '');
          return node === undefined ? '' : nodeTooltip(node);
        }
        const source = byId.get(data.source ?? '');
        const target = byId.get(data.target ?? '');
        if (source === undefined || target === undefined) return '';
        const from = source.kind === 'step' ? source.customers : target.customers;
        return [
          title(`${source.name} → ${target.name}`),
          row('Customers', formatInteger(data.value)),
          row(source.kind === 'step' ? `Of ${source.name}` : `Of ${target.name}`, formatPercent(data.value / from)),
        ].join('');
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        top: 12,
        bottom: 12,
        right: LABEL_ROOM,
        nodeWidth: 14,
        nodeGap: 12,
        nodeAlign: 'left',
        layoutIterations: 0,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: sankey.nodes.map((node) => ({
          id: node.id,
          name: node.name,
          value: node.customers,
          depth: node.column,
          itemStyle: { color: colourOf(node), borderWidth: 0 },
          label: node.kind === 'step' ? undefined : { color: CHART_COLORS.axis },
        })),
        links: sankey.links.map((link) => ({
          source: link.source,
          target: link.target,
          value: link.customers,
          lineStyle: link.kind === 'path' ? undefined : { color: MARKER_COLOUR, opacity: 0.35 },
        })),
        lineStyle: { color: 'source', opacity: 0.28, curveness: 0.5 },
        label: {
          position: 'right',
          color: CHART_COLORS.text,
          fontSize: 12,
          width: LABEL_ROOM - 16,
          overflow: 'truncate',
          formatter: (params: { name: string; value: unknown }) =>
            `${params.name}\n{count|${formatInteger(Number(params.value))}}`,
          rich: { count: { color: CHART_COLORS.axis, fontSize: 11, lineHeight: 15 } },
        },
      },
    ],
  };
}

const title = (text: string): string => `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(text)}</div>`;

function row(name: string, value: string): string {
  return `<div style="display:flex;gap:18px;justify-content:space-between"><span>${escapeHtml(name)}</span><b>${value}</b></div>`;
}
