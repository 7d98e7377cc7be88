import { formatInteger } from '../../format/format.ts';

interface CountSliderProps {
  /** The distinct counts to stop at, ascending. */
  steps: readonly number[];
  value: number;
  onChange: (count: number) => void;
  shown: number;
  total: number;
}

/** "Transitions seen at least N times": a slider over the counts that occur, so each step hides more. */
export function CountSlider({ steps, value, onChange, shown, total }: CountSliderProps) {
  const at = steps.findIndex((step) => step >= value);
  const position = at < 0 ? steps.length - 1 : at;
  return (
    <div className="pm-slider">
      <label htmlFor="pm-min-count">Seen at least</label>
      <input
        id="pm-min-count"
        type="range"
        min={0}
        max={Math.max(0, steps.length - 1)}
        step={1}
        value={position}
        disabled={steps.length < 2}
        aria-valuetext={`${formatInteger(value)} times`}
        onChange={(event) => onChange(steps[Number(event.target.value)] ?? value)}
        data-testid="pm-min-count"
      />
      <output htmlFor="pm-min-count" data-testid="pm-min-count-value" data-value={value}>
        {formatInteger(value)} {value === 1 ? 'time' : 'times'}
      </output>
      <span className="muted" data-testid="pm-shown" data-value={shown}>
        {formatInteger(shown)} of {formatInteger(total)} transitions shown
      </span>
    </div>
  );
}
