import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useAttributePaths } from '../api/catalog.ts';
import { ApiError } from '../api/client.ts';
import type { JourneySummary } from '../api/journeys.ts';
import { CommitInput } from '../components/commit-input.tsx';
import {
  type BreakdownKind,
  breakdownKind,
  datePart,
  dateTimeInputValue,
  FILTER_FIELDS,
  type FilterField,
  fromDateTimeInput,
  isEmptyRange,
  paramOfError,
  type ReportFilter,
} from './report-filter.ts';
import './filter-bar.css';

/** Whether an error is the server refusing a parameter (400), which the filter bar shows itself. */
export function isBadRequest(error: Error | null): error is ApiError {
  return error instanceof ApiError && error.status === 400;
}

/** The parameter a refused request names, when it is one of `params`. */
export function refusedParam(error: Error | null, params: readonly string[]): string | null {
  return isBadRequest(error) ? paramOfError(error.message, params) : null;
}

interface FilterBarProps {
  journeys: readonly JourneySummary[];
  filter: ReportFilter;
  onChange: (patch: Partial<ReportFilter>) => void;
  onClear: () => void;
  /** The fields this page offers, in order (default: all). */
  fields?: readonly FilterField[];
  /** The last answer's error: a 400 is shown here, on the field it names. */
  error?: Error | null;
  /** Parameters of the page's own controls (children), so their 400s are named too. */
  pageParams?: readonly string[];
  /** From and Before take a time of day too (UTC), where hours matter (the KPIs' Monday mornings). */
  dateTime?: boolean;
  /** What an empty window means on this page, e.g. "none" or "default". */
  windowPlaceholder?: string;
  /** What the window limits on this page. */
  windowTitle?: string;
  /** The page's choice of what to report (e.g. which funnel), shown after the journey. */
  subject?: ReactNode;
  /** The page's own options, shown after the shared ones. */
  children?: ReactNode;
}

const WINDOW_CHOICES = ['30m', '1h', '6h', '1d', '7d', '30d'];
const SEGMENT_EXAMPLE = 'traits.persona=founder; properties.plan!=basic';

/**
 * The filter every journey report shares: journey, date range, segment, breakdown and window.
 * Its state is the page address (see useReportFilter); text fields apply on Enter or on leaving them.
 */
export function FilterBar(props: FilterBarProps) {
  const { journeys, filter, onChange, fields = FILTER_FIELDS, error = null, dateTime = false } = props;
  const refused = isBadRequest(error) ? error.message : null;
  const invalid = refused === null ? null : paramOfError(refused, [...FILTER_FIELDS, ...(props.pageParams ?? [])]);
  const has = (field: FilterField) => fields.includes(field);
  const filtered = FILTER_FIELDS.some((field) => field !== 'journey' && has(field) && filter[field] !== '');
  const journeyId = filter.journey === '' ? (journeys[0]?.id ?? '') : filter.journey;
  const unknownJourney = journeyId !== '' && !journeys.some((journey) => journey.id === journeyId);

  return (
    <section className="filter-bar" aria-label="Report filters" data-testid="filter-bar">
      <div className="filter-fields">
        {has('journey') && (
          <Field label="Journey" htmlFor="filter-journey" invalid={invalid === 'journey'}>
            <select
              id="filter-journey"
              className="select"
              value={journeyId}
              onChange={(event) => onChange({ journey: event.target.value })}
              aria-invalid={invalid === 'journey'}
              data-testid="filter-journey"
            >
              {journeys.map((journey) => (
                <option key={journey.id} value={journey.id}>
                  {journey.name}
                </option>
              ))}
              {unknownJourney && <option value={journeyId}>{journeyId} (not found)</option>}
            </select>
          </Field>
        )}
        {props.subject}
        {has('from') && (
          <Field label="From" htmlFor="filter-from" invalid={invalid === 'from'}>
            <input
              id="filter-from"
              type={dateTime ? 'datetime-local' : 'date'}
              className={dateTime ? 'select date date-time' : 'select date'}
              value={dateTime ? dateTimeInputValue(filter.from) : datePart(filter.from)}
              title={
                filter.from === ''
                  ? `Events on or after this ${dateTime ? 'time' : 'day'} (UTC)`
                  : `Events at or after ${filter.from}`
              }
              onChange={(event) =>
                onChange({ from: dateTime ? fromDateTimeInput(event.target.value) : event.target.value })
              }
              aria-invalid={invalid === 'from'}
              data-testid="filter-from"
            />
          </Field>
        )}
        {has('to') && (
          <Field label="Before" htmlFor="filter-to" invalid={invalid === 'to'}>
            <input
              id="filter-to"
              type={dateTime ? 'datetime-local' : 'date'}
              className={dateTime ? 'select date date-time' : 'select date'}
              value={dateTime ? dateTimeInputValue(filter.to) : datePart(filter.to)}
              title={
                filter.to === ''
                  ? dateTime
                    ? 'Events before this time (UTC)'
                    : 'Events before this day (UTC); the day itself is not included'
                  : `Events before ${filter.to}`
              }
              onChange={(event) =>
                onChange({ to: dateTime ? fromDateTimeInput(event.target.value) : event.target.value })
              }
              aria-invalid={invalid === 'to'}
              data-testid="filter-to"
            />
          </Field>
        )}
        {has('breakdown') && (
          <BreakdownField
            value={filter.breakdown}
            invalid={invalid === 'breakdown'}
            onChange={(breakdown) => onChange({ breakdown })}
          />
        )}
        {has('window') && (
          <Field label="Window" htmlFor="filter-window" invalid={invalid === 'window'}>
            <CommitInput
              id="filter-window"
              className="select window"
              value={filter.window}
              placeholder={props.windowPlaceholder ?? 'none'}
              title={`${props.windowTitle ?? 'Longest time allowed from one step to the next'}, e.g. 30m, 48h or 7d`}
              list="filter-window-choices"
              spellCheck={false}
              onCommit={(window) => onChange({ window })}
              aria-invalid={invalid === 'window'}
              data-testid="filter-window"
            />
            <datalist id="filter-window-choices">
              {WINDOW_CHOICES.map((choice) => (
                <option key={choice} value={choice} />
              ))}
            </datalist>
          </Field>
        )}
        {props.children}
        {has('segment') && (
          <Field label="Segment" htmlFor="filter-segment" invalid={invalid === 'segment'} wide>
            <CommitInput
              id="filter-segment"
              className="select text"
              value={filter.segment}
              placeholder="All customers, or e.g. traits.plan=pro"
              title={`Conditions joined by ;  each path=value, path!=value, path>=n, path<n, path~text or path=a|b. Paths: traits.x (the customer's latest value) or properties.x / context.x (any of their events). Example: ${SEGMENT_EXAMPLE}`}
              spellCheck={false}
              onCommit={(segment) => onChange({ segment })}
              aria-invalid={invalid === 'segment'}
              data-testid="filter-segment"
            />
          </Field>
        )}
        {filtered && (
          <button type="button" className="link-button filter-clear" onClick={props.onClear} data-testid="filter-clear">
            Clear filters
          </button>
        )}
      </div>
      {refused !== null && (
        <p className="filter-error" role="alert" data-testid="filter-error" data-param={invalid ?? ''}>
          <strong>The server did not accept this view.</strong> {refused}
        </p>
      )}
      {refused === null && has('from') && has('to') && isEmptyRange(filter.from, filter.to) && (
        <p className="filter-warning" data-testid="filter-warning">
          “Before” is not after “From”: no events fall in this range.
        </p>
      )}
    </section>
  );
}

interface FieldProps {
  label: string;
  /** The control the label names; without one (a group of buttons) the label is plain text. */
  htmlFor?: string;
  invalid?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A labelled control in the filter bar; pages use it for their own controls too. */
export function Field({ label, htmlFor, invalid, wide, children }: FieldProps) {
  const classes = ['filter-field', wide ? 'wide' : '', invalid ? 'invalid' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {htmlFor === undefined ? <span className="filter-label">{label}</span> : <label htmlFor={htmlFor}>{label}</label>}
      <div className="filter-control">{children}</div>
    </div>
  );
}

const BREAKDOWNS: ReadonlyArray<{ kind: BreakdownKind; label: string }> = [
  { kind: 'none', label: 'None' },
  { kind: 'firstTouch', label: 'First touch (channel)' },
  { kind: 'lastTouch', label: 'Last touch (channel)' },
  { kind: 'attribute', label: 'Trait or property…' },
];

/** None, first or last touch, or a `traits.x` / `properties.x` path typed in (the data's paths suggested). */
function BreakdownField({
  value,
  invalid,
  onChange,
}: {
  value: string;
  invalid: boolean;
  onChange: (breakdown: string) => void;
}) {
  const applied = breakdownKind(value);
  const [typing, setTyping] = useState(false);
  const kind = typing ? 'attribute' : applied;
  const input = useRef<HTMLInputElement>(null);
  // Suggestions: the attribute paths the data has (asked for once the path field shows).
  const attributes = useAttributePaths(kind === 'attribute');
  useEffect(() => {
    if (typing) input.current?.focus();
  }, [typing]);
  const choose = (next: BreakdownKind) => {
    if (next === 'attribute') {
      setTyping(true);
      return;
    }
    setTyping(false);
    onChange(next === 'none' ? '' : next);
  };
  return (
    <Field label="Breakdown" htmlFor="filter-breakdown" invalid={invalid}>
      <select
        id="filter-breakdown"
        className="select"
        value={kind}
        onChange={(event) => choose(event.target.value as BreakdownKind)}
        aria-invalid={invalid}
        data-testid="filter-breakdown"
      >
        {BREAKDOWNS.map((choice) => (
          <option key={choice.kind} value={choice.kind}>
            {choice.label}
          </option>
        ))}
      </select>
      {kind === 'attribute' && (
        <CommitInput
          ref={input}
          className="select text attribute"
          aria-label="Breakdown by trait or property path"
          placeholder="traits.plan"
          value={applied === 'attribute' ? value : ''}
          spellCheck={false}
          onCommit={(path) => {
            setTyping(false);
            onChange(path);
          }}
          aria-invalid={invalid}
          list="filter-attribute-choices"
          data-testid="filter-breakdown-path"
        />
      )}
      {kind === 'attribute' && (
        <datalist id="filter-attribute-choices" data-testid="filter-attribute-choices">
          {attributes.map((attribute) => (
            <option key={attribute.path} value={attribute.path} label={attribute.type} />
          ))}
        </datalist>
      )}
    </Field>
  );
}
