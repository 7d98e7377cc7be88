/** Soft colours for activity chips; an activity keeps its colour on every page. */
const PALETTE: ReadonlyArray<readonly [background: string, border: string, text: string]> = [
  ['#edf2ff', '#c5d0fa', '#2f44a8'],
  ['#e6fcf5', '#a9e9d3', '#0b6e4f'],
  ['#fff4e6', '#fdd5a5', '#9a4a00'],
  ['#f8f0fc', '#e2c4f0', '#7a2d95'],
  ['#e7f5ff', '#a9d8f7', '#0f5a8c'],
  ['#fff0f6', '#f7bcd4', '#a3245a'],
  ['#f4fce3', '#cfe9a0', '#4b6b0f'],
  ['#fff9db', '#f3df8a', '#7a5c00'],
  ['#e3fafc', '#9fe3ea', '#0b6670'],
  ['#f3f0ff', '#cfc5fa', '#5137b0'],
];

/** Strong tones of the same ten hues, for charts (e.g. Sankey nodes) beside the chips. */
const CHART_TONES = [
  '#5c7cfa',
  '#20c997',
  '#fd7e14',
  '#be4bdb',
  '#339af0',
  '#f06595',
  '#82c91e',
  '#fcc419',
  '#22b8cf',
  '#845ef7',
] as const;

/** An activity's hue, 0–9: the same on every page and every machine. */
function hueOf(activity: string): number {
  let hash = 2166136261;
  for (let i = 0; i < activity.length; i++) hash = Math.imul(hash ^ activity.charCodeAt(i), 16777619);
  return (hash >>> 0) % PALETTE.length;
}

function colourOf(activity: string): readonly [string, string, string] {
  return PALETTE[hueOf(activity)] as readonly [string, string, string];
}

/** The colour a chart draws an activity in: the hue of its chip, in a stronger tone. */
export const activityChartColour = (activity: string): string => CHART_TONES[hueOf(activity)] as string;

export function ActivityChip({ activity, repeat = 1 }: { activity: string; repeat?: number }) {
  const [background, border, color] = colourOf(activity);
  return (
    <span className="chip" style={{ background, borderColor: border, color }} data-testid="chip">
      <span className="chip-label">{activity}</span>
      {repeat > 1 && <span className="chip-repeat">×{repeat}</span>}
    </span>
  );
}

/** Consecutive repeats collapsed: [A, B, B, B, C] → [{A,1}, {B,3}, {C,1}]. */
export function collapseRepeats(activities: readonly string[]): Array<{ activity: string; repeat: number }> {
  const out: Array<{ activity: string; repeat: number }> = [];
  for (const activity of activities) {
    const last = out[out.length - 1];
    if (last !== undefined && last.activity === activity) last.repeat++;
    else out.push({ activity, repeat: 1 });
  }
  return out;
}

/** An activity chain as chips joined by arrows; the full sequence is in the title and `data-chain`. */
export function ActivityChain({ activities }: { activities: readonly string[] }) {
  const steps = collapseRepeats(activities);
  const chain = activities.join(' → ');
  return (
    <div className="chain" title={chain} data-chain={chain} data-testid="chain">
      {steps.map((step, i) => (
        <span className="chain-step" key={`${i}:${step.activity}`}>
          {i > 0 && (
            <span className="chain-arrow" aria-hidden="true">
              →
            </span>
          )}
          <ActivityChip activity={step.activity} repeat={step.repeat} />
        </span>
      ))}
    </div>
  );
}
