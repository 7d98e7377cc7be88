import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { filterPaths, parseFilter, type ReportParams } from '../filter/filter.ts';
import { classifiedRows, indexContext, scopeOf } from '../journey-view.ts';
import { attributePaths } from '../matching/event-matcher.ts';
import { chosenJourney, type ReportDefinition, type ReportEnvironment } from '../report-environment.ts';
import { compareText } from '../shared/order.ts';
import { dimensionPath, type KpiGrouping, kpiGrouping } from './kpi-by.ts';
import { CONTACT_EVENT, CONTACT_ID_PROPERTY, KPI_PROPERTIES, kpiColumns, SURVEY_EVENT } from './kpi-columns.ts';
import { countKpis, kpiEventRows } from './kpi-counts.ts';
import { type KpiDefinitions, kpiDefinitions } from './kpi-definitions.ts';
import { addCell, type KpiSet, kpiSet, SLOT, SLOT_COUNT } from './kpi-set.ts';
import { type KpiDimension, type KpiSettings, kpiDimension, kpiSettings } from './kpi-settings.ts';

export interface KpiGroup {
  name: string;
  /** True on the report's `total` (every customer in scope), false on breakdown groups: a group may be named "total". */
  isTotal: boolean;
  kpis: KpiSet;
  /** With `by=`: the KPIs per queue, reason, channel, … (empty without). */
  by: Array<{ name: string; kpis: KpiSet }>;
}

export interface KpisReport {
  /** The definitions and thresholds in force. */
  definitions: KpiDefinitions;
  /** The journey whose stages or touchpoints group the KPIs (`by=stage|touchpoint`), else null. */
  journey: string | null;
  by: KpiDimension | null;
  total: KpiGroup;
  /** One per breakdown value (the shared filter's `breakdown`), most contacts first; empty without. */
  groups: KpiGroup[];
}

/**
 * `kpis`: the contact-centre and voice-of-customer KPIs of KPIS.md over `Contact Completed`
 * and `Survey Answered`; params `by`, the thresholds (see {@link kpiSettings}), `journey`
 * (for by=stage|touchpoint) and the shared filter.
 */
export const kpisReport: ReportDefinition<KpisReport> = {
  needs(params, environment) {
    const dimension = kpiDimension(params);
    const paths: string[] = [...KPI_PROPERTIES, ...filterPaths(parseFilter(params))];
    const journey = journeyFor(dimension, params, environment);
    if (journey !== null) paths.push(...attributePaths(journey.touchpoints.map((t) => t.match)));
    if (dimension !== null && dimensionPath(dimension) !== null) paths.push(dimensionPath(dimension) as string);
    if (dimension !== null && dimension !== 'stage' && dimension !== 'touchpoint') paths.push(CONTACT_ID_PROPERTY);
    return paths;
  },
  run(index, params, environment) {
    const settings = kpiSettings(params);
    const dimension = kpiDimension(params);
    const filter = parseFilter(params);
    const journey = journeyFor(dimension, params, environment);
    const rows = index.rows();
    const context = indexContext(index);
    const grouping =
      dimension === null
        ? null
        : kpiGrouping({
            dimension,
            rows,
            attribute: context.attribute,
            journey: journey === null ? null : { definition: journey, classification: classifiedRows(index, journey) },
          });
    const contactIds = grouping?.surveysFollowContact === true ? context.attribute(CONTACT_ID_PROPERTY) : null;
    const scope = scopeOf(index, filter);
    const dataEndMs = lastEventMs(rows);
    const contactActivity = index.activities.lookup(CONTACT_EVENT) ?? -1;
    const surveyActivity = index.activities.lookup(SURVEY_EVENT) ?? -1;
    const { counts, cellsPerGroup } = countKpis({
      rows,
      scope,
      columns: kpiColumns(context),
      settings,
      contactActivity,
      surveyActivity,
      eventRows: kpiEventRows(rows, contactActivity, surveyActivity),
      identified: (customer) => index.identities.isUser(customer),
      dataEndMs,
      grouping,
      contactIds: contactIds?.codes ?? null,
      contactIdCount: contactIds?.values.length ?? 0,
    });
    const groupCount = scope.groupNames.length;
    // The total: every breakdown group's cells added up, cell by cell.
    const cellSize = cellsPerGroup * SLOT_COUNT;
    const totals = new Float64Array(cellSize);
    for (let g = 0; g < groupCount; g++)
      for (let cell = 0; cell < cellsPerGroup; cell++)
        addCell(totals, cell * SLOT_COUNT, counts, g * cellSize + cell * SLOT_COUNT);
    const groupOf = (name: string, cells: Float64Array, base: number, isTotal = false): KpiGroup => ({
      name,
      isTotal,
      kpis: kpiSet(cells, base, settings),
      by: grouping === null ? [] : byGroups(grouping, cells, base, settings),
    });
    return {
      definitions: kpiDefinitions(settings, dataEndMs),
      journey: journey?.id ?? null,
      by: dimension,
      total: groupOf('total', totals, 0, true),
      groups:
        filter.breakdown === null
          ? []
          : scope.groupNames
              .map((name, g) => ({ name, volume: volume(counts, g * cellSize), g }))
              .filter((entry) => entry.volume.some((v) => v > 0))
              .sort((a, b) => byVolume(a.volume, b.volume) || compareText(a.name, b.name))
              .map(({ name, g }) => groupOf(name, counts, g * cellSize)),
    };
  },
};

function journeyFor(
  dimension: KpiDimension | null,
  params: ReportParams,
  environment: ReportEnvironment,
): JourneyDefinition | null {
  return dimension === 'stage' || dimension === 'touchpoint' ? chosenJourney(params, environment) : null;
}

function byGroups(grouping: KpiGrouping, cells: Float64Array, base: number, settings: KpiSettings): KpiGroup['by'] {
  const entries = grouping.names
    .map((name, b) => ({ name, offset: base + (1 + b) * SLOT_COUNT, b }))
    .map((entry) => ({ ...entry, volume: volume(cells, entry.offset) }))
    .filter((entry) => entry.volume.some((v) => v > 0));
  if (!grouping.ordered) entries.sort((a, b) => byVolume(a.volume, b.volume) || compareText(a.name, b.name));
  return entries.map(({ name, offset }) => ({ name, kpis: kpiSet(cells, offset, settings) }));
}

/** A cell's size for ordering: contacts, then survey answers. */
function volume(cells: Float64Array, offset: number): [number, number] {
  let answers = 0;
  for (let slot = SLOT.npsPromoters; slot < SLOT_COUNT; slot++) answers += cells[offset + slot] as number;
  return [cells[offset + SLOT.contacts] as number, answers];
}

function byVolume(a: readonly number[], b: readonly number[]): number {
  return (b[0] as number) - (a[0] as number) || (b[1] as number) - (a[1] as number);
}

const lastEvents = new WeakMap<SortedRows, number>();

/** The time of the data's last event (−∞ without events), once per index state. */
function lastEventMs(rows: SortedRows): number {
  let last = lastEvents.get(rows);
  if (last === undefined) {
    last = Number.NEGATIVE_INFINITY;
    const ts = rows.timestampMs;
    for (let row = 0; row < rows.length; row++) if ((ts[row] as number) > last) last = ts[row] as number;
    lastEvents.set(rows, last);
  }
  return last;
}
