import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle !== undefined && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {actions !== undefined && <div className="page-actions">{actions}</div>}
    </header>
  );
}

interface CardProps {
  title?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
}

export function Card({ title, subtitle, actions, className, children, testId }: CardProps) {
  return (
    <section className={className === undefined ? 'card' : `card ${className}`} data-testid={testId}>
      {(title !== undefined || actions !== undefined) && (
        <div className="card-header">
          <div>
            {title !== undefined && <h2>{title}</h2>}
            {subtitle !== undefined && <p className="card-subtitle">{subtitle}</p>}
          </div>
          {actions !== undefined && <div className="card-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

interface MetricProps {
  label: string;
  /** What is shown. */
  display: string;
  /** The exact number behind it, for tests and tools (`data-value`). */
  value?: number | string;
  detail?: string;
  /** Text rather than a number: a smaller size that may wrap. */
  text?: boolean;
  testId?: string;
}

export function Metric({ label, display, value, detail, text, testId }: MetricProps) {
  return (
    <div className="metric">
      <div className="metric-label">{label}</div>
      <div className={text ? 'metric-value text' : 'metric-value'} data-testid={testId} data-value={value}>
        {display}
      </div>
      {detail !== undefined && <div className="metric-detail">{detail}</div>}
    </div>
  );
}

export function Metrics({ children }: { children: ReactNode }) {
  return <div className="metrics">{children}</div>;
}

interface SegmentedProps<T extends string | number> {
  label: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}

/** A row of mutually exclusive toggle buttons that looks like a switch. */
export function Segmented<T extends string | number>({ label, options, value, onChange, testId }: SegmentedProps<T>) {
  return (
    <fieldset className="segmented" aria-label={label} data-testid={testId}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          className={option.value === value ? 'active' : undefined}
          onClick={() => onChange(option.value)}
          data-testid={testId === undefined ? undefined : `${testId}-${option.value}`}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}

/** A thin bar showing `share` (0..1) of the largest value in a table column. */
export function ShareBar({ share }: { share: number }) {
  return (
    <span className="share-bar" aria-hidden="true">
      <span style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
    </span>
  );
}
