import { channelCode } from '../../events/channel.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { KpiGrouping } from './kpi-by.ts';
import {
  endedInSelfService,
  type KpiColumns,
  OUTCOME_ABANDONED,
  OUTCOME_SELF_SERVED,
  OUTCOME_TRANSFERRED,
  SURVEY_CES,
  SURVEY_CSAT,
  SURVEY_NPS,
  valueAt,
} from './kpi-columns.ts';
import { SLOT, SLOT_COUNT } from './kpi-set.ts';
import type { KpiSettings } from './kpi-settings.ts';

export interface KpiCountInput {
  rows: SortedRows;
  scope: CustomerScope;
  columns: KpiColumns;
  settings: KpiSettings;
  /** Activity codes of `Contact Completed` and `Survey Answered` (-1 when the data has none). */
  contactActivity: number;
  surveyActivity: number;
  /** The rows of either activity, ascending (see {@link kpiEventRows}). */
  eventRows: Int32Array;
  /** Whether a customer (root identity code) is identified: has a userId. */
  identified(customer: number): boolean;
  /** The data's last event: an FCR window must have closed by then to count. */
  dataEndMs: number;
  grouping: KpiGrouping | null;
  /** Survey → contact links (properties.contactId), when the grouping follows contacts. */
  contactIds: Int32Array | null;
  contactIdCount: number;
}

/** The counts: per breakdown group, a total cell and then one cell per `by` group, SLOT_COUNT slots each. */
export interface KpiCounts {
  counts: Float64Array;
  cellsPerGroup: number;
}

const IVR = channelCode('ivr');
const BOT = channelCode('bot');

/**
 * One pass over the customers in scope. Contacts and surveys in the date range are counted;
 * the FCR and containment look-ahead sees the customer's whole history (a repeat after `to`
 * is still a repeat), walking each customer's contacts backwards and remembering the next
 * contact overall, per reason, with no reason, and the next agent contact.
 */
export function countKpis(input: KpiCountInput): KpiCounts {
  const { rows, scope, columns, settings, grouping } = input;
  const { runStart, activity, timestampMs: ts, customer, channel } = rows;
  const cellsPerGroup = 1 + (grouping?.names.length ?? 0);
  const counts = new Float64Array(scope.groupNames.length * cellsPerGroup * SLOT_COUNT);
  const fcrMs = settings.fcrDays * 86_400_000;
  const containmentMs = settings.containmentHours * 3_600_000;
  const reasonCodes = columns.reason.codes;
  const nextByReason = new Float64Array(columns.reason.values.length);
  const reasonStamp = new Int32Array(columns.reason.values.length);
  const linkedGroup = new Int32Array(input.contactIdCount);
  const linkStamp = new Int32Array(input.contactIdCount);
  const link = grouping?.surveysFollowContact === true ? input.contactIds : null;
  let contactRows: Int32Array = new Int32Array(64);
  let surveyRows: Int32Array = new Int32Array(64);
  const contactActivity = input.contactActivity;
  const surveyActivity = input.surveyActivity;

  let totalBase = 0;
  let byBase = -1;
  const add = (slot: number, amount: number): void => {
    counts[totalBase + slot] += amount;
    if (byBase >= 0) counts[byBase + slot] += amount;
  };
  const enter = (g: number, row: number): void => {
    totalBase = g * cellsPerGroup * SLOT_COUNT;
    byBase = grouping === null ? -1 : totalBase + (1 + grouping.groupOf(row)) * SLOT_COUNT;
  };

  const eventRows = input.eventRows;
  let next = 0;
  for (let r = 0; r < rows.runCount && next < eventRows.length; r++) {
    const runEnd = runStart[r + 1] as number;
    if ((eventRows[next] as number) >= runEnd) continue; // no contacts or surveys
    const first = next;
    while (next < eventRows.length && (eventRows[next] as number) < runEnd) next++;
    const g = scope.group[r] as number;
    if (g < 0) continue;
    const from = scope.rowStart[r] as number;
    const to = scope.rowEnd[r] as number;
    let contacts = 0;
    let surveys = 0;
    for (let k = first; k < next; k++) {
      const row = eventRows[k] as number;
      const a = activity[row] as number;
      if (a === contactActivity) {
        if (contacts === contactRows.length) contactRows = grow(contactRows);
        contactRows[contacts++] = row;
      } else if (a === surveyActivity && row >= from && row < to) {
        if (surveys === surveyRows.length) surveyRows = grow(surveyRows);
        surveyRows[surveys++] = row;
      }
    }
    if (contacts > 0) {
      const identified = input.identified(customer[runStart[r] as number] as number);
      const stamp = r + 1;
      let nextAny = Number.POSITIVE_INFINITY;
      let nextNoReason = Number.POSITIVE_INFINITY;
      let nextAgent = Number.POSITIVE_INFINITY;
      for (let k = contacts - 1; k >= 0; k--) {
        const row = contactRows[k] as number;
        const t = ts[row] as number;
        const reason = reasonCodes[row] as number;
        const outcomeCode = columns.outcome.codes[row] as number;
        const outcome = outcomeCode < 0 ? 0 : (columns.outcome.kind[outcomeCode] as number);
        const reachesAgent =
          outcome !== OUTCOME_ABANDONED && outcome !== OUTCOME_SELF_SERVED && !endedInSelfService(columns, row);
        if (row >= from && row < to) {
          enter(g, row);
          const queueSeconds = valueAt(columns.queueSeconds, row, 0);
          add(SLOT.contacts, 1);
          if (queueSeconds > 0 || reachesAgent) add(SLOT.offered, 1);
          if (reachesAgent) {
            add(SLOT.answered, 1);
            add(SLOT.answeredQueueSeconds, queueSeconds);
            add(
              SLOT.answeredHandleSeconds,
              valueAt(columns.talkSeconds, row, 0) +
                valueAt(columns.holdSeconds, row, 0) +
                valueAt(columns.wrapSeconds, row, 0),
            );
            if (queueSeconds <= settings.serviceLevelSeconds) add(SLOT.answeredWithinServiceLevel, 1);
            if (valueAt(columns.transfers, row, 0) > 0 || outcome === OUTCOME_TRANSFERRED)
              add(SLOT.answeredTransferred, 1);
          } else if (outcome === OUTCOME_ABANDONED && queueSeconds > 0) {
            add(SLOT.abandoned, 1);
            if (queueSeconds < settings.shortAbandonSeconds) add(SLOT.shortAbandons, 1);
          }
          if (identified && t + fcrMs <= input.dataEndMs) {
            add(SLOT.fcrWindowClosed, 1);
            const sameReasonNext =
              reason < 0
                ? nextAny
                : Math.min(nextNoReason, reasonStamp[reason] === stamp ? (nextByReason[reason] as number) : Infinity);
            if (sameReasonNext - t > fcrMs) add(SLOT.fcrResolved, 1);
          }
          if (outcome === OUTCOME_SELF_SERVED || entersSelfService(columns, row, channel[row] as number)) {
            add(SLOT.enteredSelfService, 1);
            if (outcome === OUTCOME_SELF_SERVED && nextAgent - t > containmentMs) add(SLOT.contained, 1);
          }
        }
        nextAny = t;
        if (reason < 0) nextNoReason = t;
        else {
          nextByReason[reason] = t;
          reasonStamp[reason] = stamp;
        }
        if (reachesAgent) nextAgent = t;
      }
    }
    if (surveys === 0) continue;
    if (link !== null && grouping !== null) {
      for (let k = 0; k < contacts; k++) {
        const row = contactRows[k] as number;
        const id = link[row] as number;
        if (id < 0) continue;
        linkedGroup[id] = grouping.groupOf(row);
        linkStamp[id] = r + 1;
      }
    }
    for (let k = 0; k < surveys; k++) {
      const row = surveyRows[k] as number;
      const surveyCode = columns.survey.codes[row] as number;
      const kind = surveyCode < 0 ? -1 : (columns.survey.kind[surveyCode] as number);
      const slot = surveySlot(kind, valueAt(columns.score, row, Number.NaN));
      if (slot < 0) continue;
      enter(g, row);
      const id = link === null ? -1 : (link[row] as number);
      if (id >= 0 && linkStamp[id] === r + 1) byBase = totalBase + (1 + (linkedGroup[id] as number)) * SLOT_COUNT;
      add(slot, 1);
    }
  }
  return { counts, cellsPerGroup };
}

/** The slot a survey answer counts in; -1 for another survey, or a score off its scale. */
function surveySlot(kind: number, score: number): number {
  if (!Number.isInteger(score)) return -1;
  if (kind === SURVEY_NPS && score >= 0 && score <= 10)
    return score >= 9 ? SLOT.npsPromoters : score >= 7 ? SLOT.npsPassives : SLOT.npsDetractors;
  if (kind === SURVEY_CSAT && score >= 1 && score <= 5) return SLOT.csat + score - 1;
  if (kind === SURVEY_CES && score >= 1 && score <= 7) return SLOT.ces + score - 1;
  return -1;
}

/** A contact entered IVR or bot: by its medium, its IVR time or its channel (self-served ones always did). */
function entersSelfService(columns: KpiColumns, row: number, channel: number): boolean {
  const medium = columns.medium.codes[row] as number;
  return (
    (medium >= 0 && columns.medium.entersSelfService[medium] === 1) ||
    valueAt(columns.ivrSeconds, row, 0) > 0 ||
    channel === IVR ||
    channel === BOT
  );
}

const eventRowCache = new WeakMap<SortedRows, { key: string; rows: Int32Array }>();

/**
 * The rows of contacts and surveys, ascending: found once per index state, so a KPI run
 * visits only these rather than every event.
 */
export function kpiEventRows(rows: SortedRows, contactActivity: number, surveyActivity: number): Int32Array {
  const key = `${contactActivity},${surveyActivity}`;
  const cached = eventRowCache.get(rows);
  if (cached?.key === key) return cached.rows;
  const { activity } = rows;
  let count = 0;
  for (let row = 0; row < rows.length; row++) {
    const a = activity[row] as number;
    if (a === contactActivity || a === surveyActivity) count++;
  }
  const found = new Int32Array(count);
  count = 0;
  for (let row = 0; row < rows.length; row++) {
    const a = activity[row] as number;
    if (a === contactActivity || a === surveyActivity) found[count++] = row;
  }
  eventRowCache.set(rows, { key, rows: found });
  return found;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
