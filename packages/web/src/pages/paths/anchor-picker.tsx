import { Field } from '../../report-filter/filter-bar.tsx';
import { type AnchorKind, isTouchpointAnchor, type PathsAnchor } from './paths-params.ts';

const KINDS: ReadonlyArray<{ kind: AnchorKind; label: string }> = [
  { kind: 'first', label: 'From the first event' },
  { kind: 'startEvent', label: 'After an event' },
  { kind: 'endEvent', label: 'Leading to an event' },
  { kind: 'startTouchpoint', label: 'After a touchpoint' },
  { kind: 'endTouchpoint', label: 'Leading to a touchpoint' },
];

interface AnchorPickerProps {
  anchor: PathsAnchor;
  /** Event names, most frequent first (`GET /api/activities`). */
  events: readonly string[];
  /** The chosen journey's touchpoints; null when the workspace has no journey. */
  touchpoints: readonly string[] | null;
  /** The parameter the server refused, if it is one of the anchor's. */
  invalid: boolean;
  onChange: (anchor: PathsAnchor) => void;
}

/** Where paths start: each customer's first event, or after (or leading to) an event or a touchpoint. */
export function AnchorPicker({ anchor, events, touchpoints, invalid, onChange }: AnchorPickerProps) {
  const touchpointKind = isTouchpointAnchor(anchor.kind);
  const names = touchpointKind ? (touchpoints ?? []) : events;
  const unknown = anchor.value !== '' && !names.includes(anchor.value);
  const choose = (kind: AnchorKind) => {
    if (kind === 'first') return onChange({ kind, value: '' });
    const list = isTouchpointAnchor(kind) ? (touchpoints ?? []) : events;
    // Switching between after and leading to keeps the name when it still fits.
    const keep = isTouchpointAnchor(kind) === touchpointKind && anchor.value !== '';
    onChange({ kind, value: keep ? anchor.value : (list[0] ?? '') });
  };
  return (
    <>
      <Field label="Paths" htmlFor="paths-anchor-kind" invalid={invalid}>
        <select
          id="paths-anchor-kind"
          className="select"
          value={anchor.kind}
          onChange={(event) => choose(event.target.value as AnchorKind)}
          data-testid="paths-anchor-kind"
        >
          {KINDS.map((option) => (
            <option
              key={option.kind}
              value={option.kind}
              disabled={isTouchpointAnchor(option.kind) && (touchpoints === null || touchpoints.length === 0)}
            >
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      {anchor.kind !== 'first' && (
        <Field label={touchpointKind ? 'Touchpoint' : 'Event'} htmlFor="paths-anchor" invalid={invalid}>
          <select
            id="paths-anchor"
            className="select"
            value={anchor.value}
            onChange={(event) => onChange({ kind: anchor.kind, value: event.target.value })}
            aria-invalid={invalid}
            data-testid="paths-anchor"
          >
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            {unknown && (
              <option value={anchor.value}>{names.length === 0 ? anchor.value : `${anchor.value} (not found)`}</option>
            )}
          </select>
        </Field>
      )}
    </>
  );
}
