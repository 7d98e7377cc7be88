import { CHANNELS } from '../../events/channel.ts';
import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { NO_VALUE } from '../filter/customer-scope.ts';
import type { RowClassification } from '../matching/classify-rows.ts';
import type { AttributeColumn } from '../matching/event-matcher.ts';
import type { KpiDimension } from './kpi-settings.ts';

/** How contacts and surveys are grouped for `by=`: each row's group, and the group names. */
export interface KpiGrouping {
  dimension: KpiDimension;
  names: string[];
  /** The group of a contact or survey row (0 … names.length − 1). */
  groupOf(row: number): number;
  /**
   * Whether a survey naming a contactId of the same customer is grouped with that contact
   * (queue, reason, medium, channel: the survey event itself has none of them, or only e-mail).
   */
  surveysFollowContact: boolean;
  /** Whether groups keep the journey's order (stages, touchpoints) rather than largest first. */
  ordered: boolean;
}

export interface KpiGroupingInput {
  dimension: KpiDimension;
  rows: SortedRows;
  /** The dimension's property column (queue, reason, medium). */
  attribute(path: string): AttributeColumn;
  /** Stage and touchpoint: the journey and each row's classification under it. */
  journey: { definition: JourneyDefinition; classification: RowClassification } | null;
}

/** The property path a dimension reads, if it is one. */
export function dimensionPath(dimension: KpiDimension): string | null {
  return dimension === 'queue' || dimension === 'reason' || dimension === 'medium' ? `properties.${dimension}` : null;
}

export function kpiGrouping(input: KpiGroupingInput): KpiGrouping {
  const { dimension } = input;
  const path = dimensionPath(dimension);
  if (path !== null) {
    const column = input.attribute(path);
    const none = column.values.length;
    const codes = column.codes;
    return {
      dimension,
      names: [...column.values, NO_VALUE],
      groupOf: (row) => {
        const code = codes[row] as number;
        return code < 0 ? none : code;
      },
      surveysFollowContact: true,
      ordered: false,
    };
  }
  if (dimension === 'channel') {
    const channel = input.rows.channel;
    return {
      dimension,
      names: ['(unknown)', ...CHANNELS],
      groupOf: (row) => channel[row] as number,
      surveysFollowContact: true,
      ordered: false,
    };
  }
  const journey = input.journey;
  if (journey === null) throw new Error(`by=${dimension} needs a journey`);
  const names =
    dimension === 'stage'
      ? journey.definition.stages.map((stage) => stage.name)
      : journey.definition.touchpoints.map((touchpoint) => touchpoint.name);
  const of = dimension === 'stage' ? journey.classification.stage : journey.classification.touchpoint;
  const none = names.length;
  return {
    dimension,
    names: [...names, NO_VALUE],
    groupOf: (row) => {
      const code = of[row] as number;
      return code < 0 ? none : code;
    },
    surveysFollowContact: false,
    ordered: true,
  };
}
