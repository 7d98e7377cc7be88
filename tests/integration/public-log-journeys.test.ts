import { fileURLToPath } from 'node:url';
import { importFile, Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { stitchedRowsSql } from '../../bench/journey-peer.ts';

/**
 * The example journeys of the public logs (examples/journeys/*.yaml) against an independent
 * computation: for every log, the stage funnel's and each funnel's customers per step equal
 * DuckDB SQL over the same stored events. The SQL classifies each event with a CASE written by
 * hand from the journey file's touchpoints (first match in file order), and counts a step as
 * reached when some chain of events (in time order, then arrival) reaches it, with the last
 * step within the window of the first: a different algorithm from the kernels' single pass.
 */

const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));
const MAPPINGS = fileURLToPath(new URL('../../docs/mappings/', import.meta.url));
const JOURNEYS = fileURLToPath(new URL('../../examples/journeys/', import.meta.url));

const DAY_MS = 86_400_000;
/** The stored rows as `named`: stitched customer, time, arrival, activity name, channel and properties `p`. */
const NAMED = stitchedRowsSql(
  'events',
  'activities',
  'named',
  'e.timestamp_ms AS ts, e.seq, a.name AS activity, e.channel, e.properties AS p',
);
/** A property of the row's properties JSON `p` as text (keys may contain ':' or spaces). */
const prop = (key: string) => `json_extract_string(p, '$."${key}"')`;
const num = (key: string) => `TRY_CAST(${prop(key)} AS DOUBLE)`;
const lifecycle = prop('lifecycle:transition');
const inList = (values: readonly string[]) => `(${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;

interface FunnelPeer {
  /** One SQL condition per step over `activity`, `channel` and `p` (an event may match several). */
  steps: string[];
  windowMs?: number;
}

interface LogCase {
  file: string;
  mapping?: string;
  journey: string;
  /** The stage index (0-based, in the file's stage order) of a row, -1 outside every touchpoint. */
  stageCase: string;
  funnels: Record<string, FunnelPeer>;
  /** Counts checked by other means (queries of their own while the journeys were written). */
  facts: { stages: number[]; funnels: Record<string, number[]> };
}

/**
 * Customers per step: every row that matches a step starts (or continues) chains; from each
 * step-0 row, the earliest next row of each following step; a customer reaches step k when one
 * of its chains gets there within the window (measured from the chain's first row).
 */
function reachSql(steps: string[], windowMs: number | undefined, stageCase?: string): string {
  const n = steps.length;
  const flags = steps.map((condition, k) => `coalesce(${condition}, false) AS m${k}`).join(', ');
  const nexts = steps
    .slice(1)
    .map((_, i) => `min(CASE WHEN m${i + 1} THEN pos END) OVER following AS n${i + 1}`)
    .join(', ');
  const chain = [`c0 AS (SELECT customer, ts AS t0, ts AS t, n1 AS next FROM nexts WHERE m0)`];
  for (let k = 1; k < n; k++) {
    chain.push(`c${k} AS (SELECT c.customer, c.t0, x.ts AS t, ${k + 1 < n ? `x.n${k + 1}` : 'NULL'} AS next
      FROM c${k - 1} c JOIN nexts x ON x.customer = c.customer AND x.pos = c.next)`);
  }
  const within = windowMs === undefined ? 'true' : `t - t0 <= ${windowMs}`;
  const counts = steps.map((_, k) => `(SELECT count(DISTINCT customer) FROM c${k} WHERE ${within})::INTEGER AS s${k}`);
  return `WITH ${NAMED},
    staged AS (SELECT *, ${stageCase ?? '-1'} AS stage FROM named),
    flagged AS (SELECT customer, ts, seq, ${flags} FROM staged),
    positioned AS (
      SELECT *, row_number() OVER (PARTITION BY customer ORDER BY ts, seq) AS pos
      FROM flagged WHERE ${steps.map((_, k) => `m${k}`).join(' OR ')}),
    nexts AS (
      SELECT *, ${nexts} FROM positioned
      WINDOW following AS (PARTITION BY customer ORDER BY pos ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)),
    ${chain.join(',\n    ')}
    SELECT ${counts.join(', ')}`;
}

async function peerCounts(workspace: Workspace, steps: string[], windowMs?: number, stageCase?: string) {
  const [row] = await workspace.store.query(reachSql(steps, windowMs, stageCase));
  return steps.map((_, k) => row?.[`s${k}`] as number);
}

/** Customers with any row in each stage, whatever the order. */
async function peerAnyOrder(workspace: Workspace, stageCase: string, stages: number): Promise<number[]> {
  const rows = await workspace.store.query(`
    WITH ${NAMED}
    SELECT ${stageCase} AS stage, count(DISTINCT customer)::INTEGER AS n FROM named GROUP BY 1`);
  return Array.from({ length: stages }, (_, s) => (rows.find((r) => r.stage === s)?.n as number) ?? 0);
}

const HELPDESK: LogCase = {
  file: 'helpdesk.xes.gz',
  journey: 'helpdesk.yaml',
  stageCase: `CASE
    WHEN activity IN ('Insert ticket', 'Assign seriousness') THEN 0
    WHEN activity IN ('Take in charge ticket', 'Wait', 'Require upgrade', 'Schedule intervention',
      'Create SW anomaly', 'Resolve SW anomaly', 'RESOLVED', 'VERIFIED', 'INVALID', 'DUPLICATE') THEN 1
    WHEN activity = 'Resolve ticket' THEN 2
    WHEN activity = 'Closed' THEN 3
    ELSE -1 END`,
  funnels: {
    Resolution: {
      steps: [
        `activity = 'Assign seriousness'`,
        `activity = 'Take in charge ticket'`,
        `activity = 'Resolve ticket'`,
        `activity = 'Closed'`,
      ],
    },
    'Wait, then resolved': {
      steps: [`activity = 'Take in charge ticket'`, `activity = 'Wait'`, `activity = 'Resolve ticket'`],
    },
    'Resolved within a week': {
      steps: [`activity = 'Assign seriousness'`, `activity = 'Resolve ticket'`],
      windowMs: 7 * DAY_MS,
    },
  },
  facts: {
    stages: [4502, 4252, 4240, 4230],
    funnels: { 'Resolved within a week': [4495, 2446], 'Wait, then resolved': [4285, 1177, 1172] },
  },
};

const resolvedIncident = `activity = 'Completed' AND ${lifecycle} IN ('In Call', 'Resolved')`;
const BPIC2013: LogCase = {
  file: 'bpic2013-incidents.xes.gz',
  journey: 'bpic2013-incidents.yaml',
  stageCase: `CASE
    WHEN activity = 'Queued' AND ${lifecycle} = 'Awaiting Assignment' THEN 0
    WHEN activity = 'Accepted' AND ${lifecycle} IN ${inList([
      'Assigned',
      'In Progress',
      'Wait - User',
      'Wait - Customer',
      'Wait',
      'Wait - Vendor',
      'Wait - Implementation',
    ])} THEN 0
    WHEN ${resolvedIncident} THEN 1
    WHEN activity = 'Completed' AND ${lifecycle} IN ('Closed', 'Cancelled') THEN 2
    ELSE -1 END`,
  funnels: {
    'Resolved and closed': {
      steps: [
        `activity = 'Accepted' AND ${lifecycle} = 'In Progress'`,
        resolvedIncident,
        `activity = 'Completed' AND ${lifecycle} IN ('Closed', 'Cancelled')`,
      ],
    },
    'Passed to another team': {
      steps: [
        `activity = 'Accepted' AND ${lifecycle} = 'In Progress'`,
        `activity = 'Queued' AND ${lifecycle} = 'Awaiting Assignment'`,
        `activity = 'Accepted' AND ${lifecycle} = 'In Progress'`,
        `activity = 'Completed' AND ${lifecycle} = 'Resolved'`,
      ],
    },
    'Resolved within a day': {
      steps: [`activity = 'Accepted' AND ${lifecycle} = 'In Progress'`, resolvedIncident],
      windowMs: DAY_MS,
    },
  },
  // 5,574 incidents have a Completed/Closed event; 1,882 end solved in the call, never closed.
  facts: { stages: [7553, 7545, 5574], funnels: { 'Resolved within a day': [7536, 6141] } },
};

const complete = `${lifecycle} = 'COMPLETE'`;
const BPIC2012: LogCase = {
  file: 'bpic2012.xes.gz',
  journey: 'bpic2012-loans.yaml',
  stageCase: `CASE
    WHEN activity IN ('A_SUBMITTED', 'A_PARTLYSUBMITTED', 'A_DECLINED', 'A_CANCELLED', 'O_CANCELLED', 'O_DECLINED') THEN 0
    WHEN activity = 'A_PREACCEPTED' THEN 1
    WHEN activity IN ('W_Afhandelen leads', 'W_Completeren aanvraag') AND ${complete} THEN 1
    WHEN activity IN ('A_ACCEPTED', 'A_FINALIZED', 'O_SELECTED', 'O_CREATED', 'O_SENT') THEN 2
    WHEN activity = 'W_Nabellen offertes' AND ${complete} THEN 2
    WHEN activity = 'O_SENT_BACK' THEN 3
    WHEN activity IN ('W_Valideren aanvraag', 'W_Nabellen incomplete dossiers', 'W_Beoordelen fraude') AND ${complete} THEN 3
    WHEN activity IN ('O_ACCEPTED', 'A_APPROVED', 'A_REGISTERED', 'A_ACTIVATED') THEN 4
    ELSE -1 END`,
  funnels: {
    'Application to loan': {
      steps: [
        `activity IN ('A_SUBMITTED', 'A_PARTLYSUBMITTED')`,
        `activity = 'O_SENT'`,
        `activity = 'O_SENT_BACK'`,
        `activity = 'A_ACTIVATED'`,
      ],
    },
    'Missing documents': {
      steps: [
        `activity = 'O_SENT_BACK'`,
        `activity = 'W_Nabellen incomplete dossiers' AND ${complete}`,
        `activity = 'A_ACTIVATED'`,
      ],
    },
  },
  // Every application is submitted; 5,015 get an offer sent, 3,254 send one back (O_SENT_BACK),
  // 2,246 loans are activated (A_ACTIVATED, one per case): counts of the log's activities.
  facts: { stages: [13087, 9607, 5113, 3254, 2246], funnels: { 'Application to loan': [13087, 5015, 3254, 2246] } },
};

const RECEIPT: LogCase = {
  file: 'receipt.csv',
  mapping: 'receipt.mapping.yaml',
  journey: 'receipt.yaml',
  stageCase: `CASE
    WHEN activity = 'Confirmation of receipt' AND channel IN ('web', 'store', 'mail', 'email', 'other') THEN 0
    WHEN activity IN ('T02 Check confirmation of receipt', 'T04 Determine confirmation of receipt',
      'T03 Adjust confirmation of receipt', 'T06 Determine necessity of stop advice',
      'T10 Determine necessity to stop indication') THEN 1
    WHEN regexp_matches(activity, '^T0[7-9]') THEN 1
    WHEN activity = 'T05 Print and send confirmation of receipt' THEN 2
    WHEN regexp_matches(activity, '^T(1[1-9]|20) ') THEN 3
    ELSE -1 END`,
  funnels: {
    'Confirmation of receipt': {
      steps: [
        `activity = 'Confirmation of receipt'`,
        `activity IN ('T02 Check confirmation of receipt', 'T04 Determine confirmation of receipt')`,
        `activity = 'T05 Print and send confirmation of receipt'`,
      ],
    },
    'Online confirmation within a day': {
      steps: [
        `activity = 'Confirmation of receipt' AND channel = 'web'`,
        `activity = 'T05 Print and send confirmation of receipt'`,
      ],
      windowMs: DAY_MS,
    },
    'Document request sent': {
      steps: [
        `activity = 'T05 Print and send confirmation of receipt'`,
        `activity = 'T11 Create document X request unlicensed'`,
        `activity = 'T15 Print document X request unlicensed'`,
      ],
    },
  },
  // 1,434 applications, 116 of them with the first event only; 1,300 get T05.
  facts: { stages: [1434, 1318, 1300, 59], funnels: { 'Online confirmation within a day': [1250, 814] } },
};

const answered = `${prop('callOutcome')} = 'AGENT'`;
const BANK_CALLS: LogCase = {
  file: 'bank-calls-august.csv.gz',
  mapping: 'bank-calls.mapping.yaml',
  journey: 'bank-calls.yaml',
  stageCase: `CASE
    WHEN activity = 'Contact Completed' AND ${prop('outcome')} IN ('self_served', 'abandoned') THEN 0
    WHEN activity = 'Contact Completed' AND ${answered} AND ${num('queueSeconds')} IS NOT NULL THEN 1
    ELSE -1 END`,
  funnels: {
    'Gave up, then got through': {
      steps: [
        `activity = 'Contact Completed' AND ${prop('outcome')} = 'abandoned' AND ${num('priority')} >= 1`,
        `activity = 'Contact Completed' AND ${answered}`,
      ],
      windowMs: DAY_MS,
    },
    'Answered, then called again within 7 days': {
      steps: [
        `activity = 'Contact Completed' AND ${answered} AND ${num('priority')} >= 1`,
        `activity = 'Contact Completed'`,
      ],
      windowMs: 7 * DAY_MS,
    },
  },
  facts: {
    stages: [8718, 1446],
    funnels: { 'Gave up, then got through': [2123, 1046], 'Answered, then called again within 7 days': [4165, 1712] },
  },
};

async function check(log: LogCase): Promise<void> {
  const workspace = await Workspace.open(':memory:', { journeyFiles: [`${JOURNEYS}${log.journey}`] });
  try {
    const summary = await importFile(
      workspace.pipeline,
      `${PUBLIC}${log.file}`,
      log.mapping ? { mappingPath: `${MAPPINGS}${log.mapping}` } : {},
    );
    expect(summary.rejected).toEqual([]);
    const stageFunnel = await workspace.report('stage-funnel');
    const stages = stageFunnel.stages.length;
    const byStage = Array.from({ length: stages }, (_, s) => `stage = ${s}`);
    const stageCounts = stageFunnel.total.steps.map((s) => s.customers);
    expect(stageCounts).toEqual(await peerCounts(workspace, byStage, undefined, log.stageCase));
    expect(stageFunnel.total.steps.map((s) => s.reachedAnyOrder)).toEqual(
      await peerAnyOrder(workspace, log.stageCase, stages),
    );
    expect(stageCounts).toEqual(log.facts.stages);
    // Every stage is reached by someone, and someone drops off on the way.
    expect(Math.min(...stageCounts)).toBeGreaterThan(0);
    expect(stageCounts.at(-1)).toBeLessThan(stageCounts[0] as number);

    for (const [name, peer] of Object.entries(log.funnels)) {
      const funnel = await workspace.report('funnel', { funnel: name });
      const counts = funnel.total.steps.map((s) => s.customers);
      expect(counts, name).toEqual(await peerCounts(workspace, peer.steps, peer.windowMs));
      expect(counts.at(-1), name).toBeLessThan(counts[0] as number);
      const fact = log.facts.funnels[name];
      if (fact) expect(counts, name).toEqual(fact);
    }
  } finally {
    await workspace.close();
  }
}

describe('example journeys of the public logs agree with DuckDB SQL over the same events', () => {
  for (const log of [HELPDESK, BPIC2013, BPIC2012, RECEIPT, BANK_CALLS]) {
    it(`${log.journey} on ${log.file}`, () => check(log));
  }
});
