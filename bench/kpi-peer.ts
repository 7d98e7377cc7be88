import type { DuckDBConnection } from '@duckdb/node-api';
import type { KpiSet, KpiSettings } from '@waymark/core';
import { stitchedRowsSql, touchpointCaseSql, touchpointStageSql } from './journey-peer.ts';

/**
 * What the peer groups by: a contact property, the event's channel, or (for
 * examples/journeys/simple-subscription.yaml) its touchpoint or stage; null for the total.
 */
export type KpiPeerGroup = 'reason' | 'queue' | 'channel' | 'touchpoint' | 'stage' | null;

/**
 * DuckDB SQL for the `kpis` report over the store's tables: the peer the kernel is measured
 * against and the independent computation the integration test compares it with. The same
 * definitions (KPIS.md, docs/kpis.md), written the way an analyst would in SQL: correlated
 * EXISTS for the FCR and containment look-ahead. Customers are stitched as in journey-peer.ts
 * (an anonymousId belongs to the first userId it came with).
 */
export function kpiSql(events: string, activities: string, settings: KpiSettings, by: KpiPeerGroup): string {
  const fcrMs = settings.fcrDays * 86_400_000;
  const containmentMs = settings.containmentHours * 3_600_000;
  const num = (key: string) => `coalesce(TRY_CAST(json_extract_string(p, '$.${key}') AS DOUBLE), 0)`;
  const str = (key: string) => `json_extract_string(p, '$.${key}')`;
  const group = groupSql(by, str);
  // A survey that names one of the customer's contacts counts with it, except by journey place.
  const surveysFollowContact = by !== 'touchpoint' && by !== 'stage';
  const later = `d.customer = c.customer AND (d.ts > c.ts OR (d.ts = c.ts AND d.seq > c.seq))`;
  const score = (kind: string, low: number, high: number) =>
    `count(*) FILTER (kind = '${kind}' AND score >= ${low} AND score <= ${high} AND score = floor(score))`;
  return `
    WITH ${stitchedRowsSql(
      events,
      activities,
      'journey',
      `coalesce(e.user_code, o.user_code) IS NOT NULL AS identified,
       e.timestamp_ms AS ts, e.seq, e.channel, a.name AS activity, e.properties AS p`,
    )},
    data_end AS (SELECT max(ts) AS end_ms FROM journey),
    contacts AS (
      SELECT customer, identified, ts, seq, channel, ${group} AS grp, ${str('contactId')} AS contact_id,
             ${str('outcome')} AS outcome, ${str('reason')} AS reason, ${str('medium')} AS medium,
             ${num('queueSeconds')} AS queue_s, ${num('talkSeconds')} + ${num('holdSeconds')} + ${num('wrapSeconds')} AS handle_s,
             ${num('ivrSeconds')} AS ivr_s, ${num('transfers')} AS transfers,
             outcome IS DISTINCT FROM 'abandoned' AND outcome IS DISTINCT FROM 'self_served'
               AND NOT (medium IN ('ivr', 'bot') AND ${str('agentId')} IS NULL) AS reaches_agent
      FROM journey WHERE activity = 'Contact Completed'),
    flagged AS (
      SELECT c.*,
        EXISTS (SELECT 1 FROM contacts d WHERE ${later} AND d.ts - c.ts <= ${fcrMs}
                AND (c.reason IS NULL OR d.reason IS NULL OR c.reason = d.reason)) AS repeated,
        EXISTS (SELECT 1 FROM contacts d WHERE ${later} AND d.ts - c.ts <= ${containmentMs} AND d.reaches_agent) AS agent_after,
        (outcome = 'self_served' OR medium IN ('ivr', 'bot') OR ivr_s > 0 OR channel IN ('ivr', 'bot')) AS entered,
        (NOT reaches_agent AND outcome = 'abandoned' AND queue_s > 0) AS abandoned,
        identified AND ts + ${fcrMs} <= (SELECT end_ms FROM data_end) AS fcr_closed
      FROM contacts c),
    contact_counts AS (
      SELECT grp, count(*) AS contacts,
        count(*) FILTER (queue_s > 0 OR reaches_agent) AS offered,
        count(*) FILTER (reaches_agent) AS answered,
        count(*) FILTER (abandoned) AS abandoned,
        count(*) FILTER (abandoned AND queue_s < ${settings.shortAbandonSeconds}) AS short_abandons,
        count(*) FILTER (reaches_agent AND queue_s <= ${settings.serviceLevelSeconds}) AS within_service_level,
        coalesce(sum(queue_s) FILTER (reaches_agent), 0) AS queue_seconds,
        coalesce(sum(handle_s) FILTER (reaches_agent), 0) AS handle_seconds,
        count(*) FILTER (reaches_agent AND (transfers > 0 OR outcome = 'transferred')) AS transferred,
        count(*) FILTER (fcr_closed) AS fcr_closed,
        count(*) FILTER (fcr_closed AND NOT repeated) AS fcr_resolved,
        count(*) FILTER (entered) AS entered,
        count(*) FILTER (entered AND outcome = 'self_served' AND NOT agent_after) AS contained
      FROM flagged GROUP BY grp),
    links AS (
      SELECT customer, contact_id, arg_max(grp, [ts, seq]) AS grp
      FROM contacts WHERE contact_id IS NOT NULL GROUP BY 1, 2),
    surveys AS (
      SELECT CASE WHEN ${surveysFollowContact} AND l.grp IS NOT NULL THEN l.grp ELSE ${group} END AS grp,
             json_extract_string(s.p, '$.survey') AS kind,
             TRY_CAST(json_extract_string(s.p, '$.score') AS DOUBLE) AS score
      FROM journey s
      LEFT JOIN links l ON l.customer = s.customer AND l.contact_id = json_extract_string(s.p, '$.contactId')
      WHERE s.activity = 'Survey Answered'),
    survey_counts AS (
      SELECT grp, ${score('nps', 9, 10)} AS promoters, ${score('nps', 7, 8)} AS passives, ${score('nps', 0, 6)} AS detractors,
        ${[1, 2, 3, 4, 5].map((k) => `${score('csat', k, k)} AS csat${k}`).join(', ')},
        ${[1, 2, 3, 4, 5, 6, 7].map((k) => `${score('ces', k, k)} AS ces${k}`).join(', ')}
      FROM surveys GROUP BY grp)
    SELECT * FROM contact_counts FULL JOIN survey_counts USING (grp) ORDER BY grp`;
}

/** A row's group, over the columns of the `journey` CTE (`activity`, `channel`, properties `p`). */
function groupSql(by: KpiPeerGroup, str: (key: string) => string): string {
  switch (by) {
    case null:
      return `'total'`;
    case 'channel':
      return `coalesce(channel, '(unknown)')`;
    case 'touchpoint':
      return `coalesce(${touchpointCaseSql()}, '(none)')`;
    case 'stage':
      return `coalesce(${touchpointStageSql(touchpointCaseSql())}, '(none)')`;
    default:
      return `coalesce(${str(by)}, '(none)')`;
  }
}

/** The counts the KPIs are computed from, by name: what the peer returns and the kernel's output reduces to. */
export type KpiCounts = Record<string, number>;

/** Runs {@link kpiSql}: counts per group (`total` without `by`). */
export async function runKpiSql(connection: DuckDBConnection, sql: string): Promise<Map<string, KpiCounts>> {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson() as Array<Record<string, unknown>>;
  const out = new Map<string, KpiCounts>();
  for (const row of rows) {
    const counts: KpiCounts = {};
    for (const [key, value] of Object.entries(row)) if (key !== 'grp') counts[key] = Number(value ?? 0);
    out.set(row.grp as string, counts);
  }
  return out;
}

/** The kernel's KPI set reduced to the peer's counts. */
export function kpiCountsOf(k: KpiSet): KpiCounts {
  const c = k.contactCentre;
  const v = k.voiceOfCustomer;
  return {
    contacts: c.contacts,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    short_abandons: c.shortAbandons,
    within_service_level: c.serviceLevel.numerator,
    queue_seconds: c.averageSpeedOfAnswer.numerator,
    handle_seconds: c.averageHandleTime.numerator,
    transferred: c.transferRate.numerator,
    fcr_closed: c.firstContactResolution.denominator,
    fcr_resolved: c.firstContactResolution.numerator,
    entered: c.containment.denominator,
    contained: c.containment.numerator,
    promoters: v.nps.promoters,
    passives: v.nps.passives,
    detractors: v.nps.detractors,
    ...Object.fromEntries(Object.entries(v.csat.counts).map(([score, n]) => [`csat${score}`, n])),
    ...Object.fromEntries(Object.entries(v.ces.counts).map(([score, n]) => [`ces${score}`, n])),
  };
}
