import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_KPI_SETTINGS, generateSimpleJourneys, seededRandom } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { type KpiPeerGroup, kpiCountsOf, kpiSql, runKpiSql } from '../../bench/kpi-peer.ts';
import { tempDir } from './temp-dir.ts';

const JOURNEY = fileURLToPath(new URL('../../examples/journeys/simple-subscription.yaml', import.meta.url));

type Message = Record<string, unknown> & { properties?: Record<string, unknown> };

/**
 * Generated journeys with contacts and surveys varied so that every KPI has something to
 * count: IVR and bot sessions, short abandons, transfers, hold and wrap time, contacts without
 * a reason or from anonymous callers, CSAT and CES surveys rating a contact by its id.
 */
function variedMessages(customers: number, seed: number): Message[] {
  const messages: Message[] = [];
  generateSimpleJourneys({ customers, seed }, (line) => messages.push(JSON.parse(line)));
  const random = seededRandom(seed + 1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const lastContact = new Map<unknown, string>();
  for (const [i, m] of messages.entries()) {
    const p = m.properties;
    if (p === undefined) continue;
    if (m.event === 'Contact Completed') {
      p.contactId = `k${i}`;
      p.queue = pick(['care', 'sales', 'care']);
      lastContact.set(m.userId ?? m.anonymousId, p.contactId as string);
      const roll = random();
      if (roll < 0.12) Object.assign(p, { medium: pick(['ivr', 'bot']), ivrSeconds: 30, outcome: 'self_served' });
      else if (roll < 0.15)
        // A dead end in the IVR or bot (no agent: neither offered nor answered), or an IVR session an agent took.
        Object.assign(
          p,
          { medium: pick(['ivr', 'bot']), ivrSeconds: 50, outcome: 'unresolved' },
          pick([{}, { agentId: 'a1' }]),
        );
      else if (roll < 0.18)
        Object.assign(p, { ivrSeconds: 45 }); // went through the IVR to an agent
      else if (roll < 0.24) Object.assign(p, { queueSeconds: Math.floor(random() * 8), outcome: 'abandoned' });
      else if (roll < 0.3) p.outcome = 'transferred';
      else if (roll < 0.38) p.transfers = 1 + Math.floor(random() * 2);
      if (random() < 0.5) Object.assign(p, { holdSeconds: Math.floor(random() * 60), wrapSeconds: 30 });
      if (random() < 0.1) delete p.reason;
      if (random() < 0.03) {
        // An anonymous caller nobody identified.
        delete m.userId;
        m.anonymousId = `caller-${i}`;
      }
    } else if (m.event === 'Survey Answered') {
      const kind = pick(['nps', 'csat', 'ces']);
      p.survey = kind;
      if (kind === 'csat') p.score = 1 + Math.floor(random() * 5);
      if (kind === 'ces') p.score = 1 + Math.floor(random() * 7);
      const rated = lastContact.get(m.userId ?? m.anonymousId);
      if (rated !== undefined && random() < 0.7) p.contactId = rated;
    }
  }
  return messages;
}

/** Every grouping of the report: contact properties, the channel, and the journey's touchpoints and stages. */
const GROUPINGS = ['reason', 'queue', 'channel', 'touchpoint', 'stage'] as const;

describe('KPIs agree with DuckDB SQL over the same store', () => {
  it('every count behind every KPI, in total and by reason, queue, channel, touchpoint and stage, for two threshold settings', async () => {
    const dir = tempDir('kpi-sql');
    const workspace = await Workspace.open(dir.path, { journeyFiles: [JOURNEY] });
    await workspace.pipeline.submit(variedMessages(3000, 7), { source: 'test' });
    const settings = [
      { params: {}, values: DEFAULT_KPI_SETTINGS },
      {
        params: { excludeShortAbandons: 'false', serviceLevelSeconds: '60', fcrDays: '2', containmentHours: '2' },
        values: { ...DEFAULT_KPI_SETTINGS, serviceLevelSeconds: 60, fcrDays: 2, containmentHours: 2 },
      },
    ];
    const ours = [];
    for (const { params } of settings) {
      const report = (by: (typeof GROUPINGS)[number]) => workspace.report('kpis', { ...params, by });
      ours.push({
        total: await workspace.report('kpis', params),
        reason: await report('reason'),
        queue: await report('queue'),
        channel: await report('channel'),
        touchpoint: await report('touchpoint'),
        stage: await report('stage'),
      });
    }
    await workspace.close();

    const instance = await DuckDBInstance.create(':memory:');
    const sql = await instance.connect();
    await sql.run(`ATTACH '${dir.path}/events.duckdb' AS store (READ_ONLY)`);
    for (const [i, { values }] of settings.entries()) {
      const report = ours[i] as (typeof ours)[number];
      const peer = async (by: KpiPeerGroup) =>
        Object.fromEntries(await runKpiSql(sql, kpiSql('store.events', 'store.activities', values, by)));
      expect({ total: kpiCountsOf(report.total.total.kpis) }).toEqual(await peer(null));
      for (const by of GROUPINGS) {
        const grouped = Object.fromEntries(report[by].total.by.map((g) => [g.name, kpiCountsOf(g.kpis)]));
        expect(grouped, `by ${by}`).toEqual(await peer(by));
      }
    }
    sql.closeSync();
    instance.closeSync();

    // Not a trivial agreement: every KPI has counts on both sides of its rate.
    const k = ours[0]?.total.total.kpis as NonNullable<(typeof ours)[0]>['total']['total']['kpis'];
    const c = k.contactCentre;
    for (const rate of [c.abandonRate, c.serviceLevel, c.firstContactResolution, c.transferRate, c.containment]) {
      expect(rate.numerator).toBeGreaterThan(0);
      expect(rate.numerator).toBeLessThan(rate.denominator);
    }
    expect(c.shortAbandons).toBeGreaterThan(0);
    expect(c.firstContactResolution.denominator).toBeLessThan(c.contacts); // anonymous and open windows left out
    expect(k.voiceOfCustomer.csat.denominator).toBeGreaterThan(0);
    expect(k.voiceOfCustomer.ces.mean.denominator).toBeGreaterThan(0);
    dir.remove();
  });
});
