import { readFileSync } from 'node:fs';
import type {
  DfgReport,
  EventFunnelReport,
  KpisReport,
  OverviewReport,
  PathsReport,
  RetentionReport,
  StageFunnelReport,
  VariantsReport,
} from '@waymark/core';

/** The README's "Tour of the demo", whitespace folded so a sentence may wrap anywhere. */
export function readmeTour(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Tour of the demo');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0) throw new Error('README.md has no "Tour of the demo" section');
  return readme.slice(start, end < 0 ? undefined : end).replace(/\s+/g, ' ');
}

/** One number (or a few) the tour quotes: what the README says, and what the demo says, written alike. */
export interface TourNumber {
  what: string;
  readme: string[] | null;
  demo: string[];
}

const integer = (n: number): string => n.toLocaleString('en-US');
const percent = (rate: number | null): string => String(Math.round((rate ?? Number.NaN) * 100));

/**
 * Every number the tour quotes, read from the README by the sentence that quotes it and
 * computed from the demo's reports. A sentence the pattern no longer finds gives `readme: null`.
 */
export async function tourNumbers(tour: string, api: <T>(path: string) => Promise<T>): Promise<TourNumber[]> {
  const quoted = (pattern: RegExp): string[] | null => pattern.exec(tour)?.slice(1) ?? null;
  const numbers: TourNumber[] = [];
  const check = (what: string, pattern: RegExp, demo: string[]) =>
    numbers.push({ what, readme: quoted(pattern), demo });

  const overview = await api<OverviewReport>('/api/reports/overview');
  check('events in the world', /surveys — ([\d,]+) events — with/, [integer(overview.events)]);
  check('overview', /\*\*Overview\*\* — ([\d,]+) events from ([\d,]+) customers/, [
    integer(overview.events),
    integer(overview.customers),
  ]);

  const stages = (await api<StageFunnelReport>('/api/reports/stage-funnel')).total.steps;
  const stage = (name: string) => stages.find((s) => s.name === name);
  const consideration = stage('Consideration')?.customers ?? 0;
  const purchase = stage('Purchase')?.customers ?? 0;
  check(
    'stage funnel',
    /of the ([\d,]+) customers who saw an ad, the site or a store, ([\d,]+) bought \(the biggest drop, ([\d,]+), comes before Purchase\) and ([\d,]+) went on to recommend/,
    [
      integer(stage('Awareness')?.customers ?? 0),
      integer(purchase),
      integer(consideration - purchase),
      integer(stage('Loyalty & Advocacy')?.customers ?? 0),
    ],
  );
  check('stage funnel, any order', /its "any order" count is ([\d,]+)/, [
    integer(stage('Service & Support')?.reachedAnyOrder ?? 0),
  ]);

  const funnel = await api<EventFunnelReport>(
    `/api/reports/funnel?funnel=${encodeURIComponent('Online purchase')}&breakdown=traits.cardType`,
  );
  const steps = funnel.total.steps.map((s) => s.customers);
  const amex = funnel.groups.find((g) => g.name === 'amex')?.steps.map((s) => s.customers) ?? [];
  check(
    'event funnel',
    /"Online purchase": ([\d,]+) compared plans, ([\d,]+) signed up, ([\d,]+) ordered with no failed payment in between and ([\d,]+) had their router running within the week; of the ([\d,]+) who signed up but placed no order, ([\d,]+) pay by Amex/,
    [...steps.map(integer), integer((steps[1] ?? 0) - (steps[2] ?? 0)), integer((amex[1] ?? 0) - (amex[2] ?? 0))],
  );

  const retention = await api<RetentionReport>('/api/reports/retention');
  check(
    'retention',
    /(\d+)% of customers come back in their first week, and the monthly bill brings (\d+)% back in week 4/,
    [percent(retention.overall[0]?.rate ?? null), percent(retention.overall[4]?.rate ?? null)],
  );

  const kpis = await api<KpisReport>('/api/reports/kpis');
  const nps = kpis.total.kpis.voiceOfCustomer.nps;
  check('KPIs', /NPS (−?[\d.]+) from ([\d,]+) answers and ([\d,]+) contacts/, [
    (nps.score ?? 0).toFixed(1).replace('-', '−'),
    integer(nps.denominator),
    integer(kpis.total.kpis.contactCentre.contacts),
  ]);
  const byMedium = await api<KpisReport>('/api/reports/kpis?by=medium');
  const asa = (medium: string) =>
    byMedium.total.by.find((b) => b.name === medium)?.kpis.contactCentre.averageSpeedOfAnswer.seconds ?? 0;
  check(
    'speed of answer by medium',
    /calls are answered in (\d+) s, chats in (\d+) s, callbacks after (\d+) minutes and e-mails after (\d+) hours/,
    [
      String(Math.round(asa('call'))),
      String(Math.round(asa('chat'))),
      String(Math.round(asa('callback') / 60)),
      String(Math.round(asa('email') / 3600)),
    ],
  );
  const byReason = await api<KpisReport>('/api/reports/kpis?by=reason');
  const transferRates = byReason.total.by.filter((b) => b.kpis.contactCentre.answered > 0);
  const refund = transferRates.find((b) => b.name === 'refund')?.kpis.contactCentre.transferRate.rate ?? null;
  const mostOther = Math.max(
    ...transferRates.filter((b) => b.name !== 'refund').map((b) => b.kpis.contactCentre.transferRate.rate ?? 0),
  );
  check('refund transfers', /(\d+)% of refund contacts are transferred, no other reason over (\d+)%/, [
    percent(refund),
    String(Math.ceil(mostOther * 100)),
  ]);
  const monday = await api<KpisReport>('/api/reports/kpis?by=queue&from=2026-02-09T08:00Z&to=2026-02-09T11:00Z');
  const billing = monday.total.by.find((b) => b.name === 'billing')?.kpis.contactCentre;
  check('Monday-morning billing', /half-staffed, abandon (\d+) of its (\d+) contacts/, [
    String(billing?.abandoned ?? 0),
    String(billing?.contacts ?? 0),
  ]);

  const paths = await api<PathsReport>('/api/reports/paths');
  const first = (label: string) =>
    (paths.nodes.find((n) => n.step === 0 && n.label === label)?.customers ?? 0) / paths.customers;
  check('paths', /(\d+)% start with a bill .*?, (\d+)% on the home page and (\d+)% from an ad/, [
    percent(first('Bill Issued')),
    percent(first('Home Viewed')),
    percent(first('Ad Clicked')),
  ]);

  const dfg = await api<DfgReport>('/api/reports/dfg');
  const edge = (from: string, to: string) => dfg.edges.find((e) => e.from === from && e.to === to)?.count ?? 0;
  check(
    'process map',
    /([\d,]+) distinct transitions between (\d+) activities, led by Home Viewed → Plans Viewed \(([\d,]+)\), with Checkout Started → Payment Failed ([\d,]+) times/,
    [
      integer(dfg.edges.length),
      integer(dfg.activities.length),
      integer(edge('Home Viewed', 'Plans Viewed')),
      integer(edge('Checkout Started', 'Payment Failed')),
    ],
  );

  const variants = await api<VariantsReport>('/api/reports/variants?top=10');
  const topTen = variants.variants.reduce((sum, v) => sum + v.count, 0);
  check(
    'variants',
    /([\d,]+) distinct journeys among ([\d,]+) customers: the ten most common cover only ([\d.]+)%, led by ([\d,]+) visitors/,
    [
      integer(variants.variantCount),
      integer(variants.cases),
      ((100 * topTen) / variants.cases).toFixed(1),
      integer(variants.variants[0]?.count ?? 0),
    ],
  );
  return numbers;
}
