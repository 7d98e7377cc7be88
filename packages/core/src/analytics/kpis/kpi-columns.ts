import type { AttributeColumn, MatchContext } from '../matching/event-matcher.ts';

/** The reserved events the KPIs read (EVENTS.md). */
export const CONTACT_EVENT = 'Contact Completed';
export const SURVEY_EVENT = 'Survey Answered';

/** The event properties the KPIs read; every one is tracked by the index before the report runs. */
export const KPI_PROPERTIES = [
  'properties.outcome',
  'properties.reason',
  'properties.medium',
  'properties.agentId',
  'properties.queueSeconds',
  'properties.talkSeconds',
  'properties.holdSeconds',
  'properties.wrapSeconds',
  'properties.ivrSeconds',
  'properties.transfers',
  'properties.survey',
  'properties.score',
] as const;

/** Links a survey to the contact it rates (used when grouping surveys by the contact's queue, reason, …). */
export const CONTACT_ID_PROPERTY = 'properties.contactId';

/** How a contact ended, as far as the KPIs care (no outcome counts as reaching an agent, as KPIS.md words it). */
export const OUTCOME_AGENT = 0;
export const OUTCOME_ABANDONED = 1;
export const OUTCOME_SELF_SERVED = 2;
/** Reached an agent and was transferred (counts as a transfer even without a `transfers` number). */
export const OUTCOME_TRANSFERRED = 3;

/** Survey kinds, by scale. */
export const SURVEY_NPS = 0;
export const SURVEY_CSAT = 1;
export const SURVEY_CES = 2;

/** A numeric property: each row's value (0 when absent or not a number), looked up through its code. */
export interface NumericColumn {
  codes: Int32Array;
  /** By dictionary code: the value parsed once per distinct value. */
  value: Float64Array;
}

/** A property decoded into small per-value tables, so the KPI pass reads integers only. */
export interface KpiColumns {
  outcome: { codes: Int32Array; kind: Uint8Array };
  reason: AttributeColumn;
  /** `entersSelfService[code]`: the medium is IVR or bot. */
  medium: { codes: Int32Array; entersSelfService: Uint8Array };
  /** Who handled the contact: code -1 when no agent is named. */
  agentId: { codes: Int32Array };
  queueSeconds: NumericColumn;
  talkSeconds: NumericColumn;
  holdSeconds: NumericColumn;
  wrapSeconds: NumericColumn;
  ivrSeconds: NumericColumn;
  transfers: NumericColumn;
  /** `kind[code]`: SURVEY_NPS, SURVEY_CSAT, SURVEY_CES or -1 (another survey). */
  survey: { codes: Int32Array; kind: Int8Array };
  /** Survey scores as given (NaN when not a number: such answers are not counted). */
  score: NumericColumn;
}

/** Reads and decodes the KPI properties from the index's tracked columns. */
export function kpiColumns(context: Pick<MatchContext, 'attribute'>): KpiColumns {
  const outcome = context.attribute('properties.outcome');
  const medium = context.attribute('properties.medium');
  const survey = context.attribute('properties.survey');
  const seconds = (path: string) => numeric(context.attribute(path), 0);
  return {
    outcome: {
      codes: outcome.codes,
      kind: Uint8Array.from(outcome.values, (value) =>
        value === 'abandoned'
          ? OUTCOME_ABANDONED
          : value === 'self_served'
            ? OUTCOME_SELF_SERVED
            : value === 'transferred'
              ? OUTCOME_TRANSFERRED
              : OUTCOME_AGENT,
      ),
    },
    reason: context.attribute('properties.reason'),
    agentId: { codes: context.attribute('properties.agentId').codes },
    medium: {
      codes: medium.codes,
      entersSelfService: Uint8Array.from(medium.values, (value) => (value === 'ivr' || value === 'bot' ? 1 : 0)),
    },
    queueSeconds: seconds('properties.queueSeconds'),
    talkSeconds: seconds('properties.talkSeconds'),
    holdSeconds: seconds('properties.holdSeconds'),
    wrapSeconds: seconds('properties.wrapSeconds'),
    ivrSeconds: seconds('properties.ivrSeconds'),
    transfers: seconds('properties.transfers'),
    survey: {
      codes: survey.codes,
      kind: Int8Array.from(survey.values, (value) =>
        value === 'nps' ? SURVEY_NPS : value === 'csat' ? SURVEY_CSAT : value === 'ces' ? SURVEY_CES : -1,
      ),
    },
    score: numeric(context.attribute('properties.score'), Number.NaN),
  };
}

/**
 * An IVR or bot session (medium `ivr` or `bot`) with no agent named ended in self-service
 * whatever its outcome: a dead end (`unresolved`) never reached an agent, so it is neither
 * offered nor answered. With an `agentId` the session did reach one.
 */
export function endedInSelfService(columns: KpiColumns, row: number): boolean {
  const medium = columns.medium.codes[row] as number;
  return medium >= 0 && columns.medium.entersSelfService[medium] === 1 && (columns.agentId.codes[row] as number) < 0;
}

/** A row's number: the parsed value, or `absent` (0 for durations, NaN for scores) when there is none. */
export function valueAt(column: NumericColumn, row: number, absent: number): number {
  const code = column.codes[row] as number;
  return code < 0 ? absent : (column.value[code] as number);
}

function numeric(column: AttributeColumn, notANumber: number): NumericColumn {
  return {
    codes: column.codes,
    value: Float64Array.from(column.values, (text) => {
      const value = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(value) ? value : notANumber;
    }),
  };
}
