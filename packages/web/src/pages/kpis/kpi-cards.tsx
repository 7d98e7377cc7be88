import type { KpiDefinitions, KpiSet } from '@waymark/core';
import type { ReactNode } from 'react';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { formatCount, formatKpi, type KpiSpec } from './kpi-catalog.ts';
import { DefinitionText } from './kpi-definitions.tsx';

interface KpiCardProps {
  spec: KpiSpec;
  kpis: KpiSet;
  definitions: KpiDefinitions;
  /** What the card adds below the fraction (a distribution of answers). */
  children?: ReactNode;
}

/**
 * One KPI: its value, the numerator and denominator it is computed from (with what each
 * counts), and the definition in force as the report states it.
 */
export function KpiCard({ spec, kpis, definitions, children }: KpiCardProps) {
  const reading = spec.read(kpis);
  const id = `kpi-${spec.key}`;
  const definition = definitions.kpis[spec.key] ?? '';
  return (
    <article className="kpi-card" data-testid={`${id}-card`}>
      <h3 className="kpi-card-label">{spec.label}</h3>
      <div className={reading.value === null ? 'kpi-card-value empty' : 'kpi-card-value'}>
        <span data-testid={id} data-value={reading.value ?? ''}>
          {formatKpi(spec.unit, reading.value)}
        </span>
      </div>
      <div className="kpi-fraction" title="The value is the numerator divided by the denominator">
        <Part
          spec={spec}
          part="numerator"
          value={reading.numerator}
          label={spec.numeratorLabel(definitions.settings)}
        />
        <Part spec={spec} part="denominator" value={reading.denominator} label={spec.denominatorLabel} />
      </div>
      {children}
      <p className="kpi-definition" title={definition} data-testid={`${id}-definition`} data-definition={definition}>
        <DefinitionText text={definition} />
      </p>
    </article>
  );
}

function Part({
  spec,
  part,
  value,
  label,
}: {
  spec: KpiSpec;
  part: 'numerator' | 'denominator';
  value: number;
  label: string;
}) {
  return (
    <>
      <span className="kpi-fraction-sign" aria-hidden="true">
        {part === 'denominator' ? '÷' : ''}
      </span>
      <span className="kpi-fraction-number" data-testid={`kpi-${spec.key}-${part}`} data-value={value}>
        {formatCount(spec.unit, part, value)}
      </span>
      <span className="kpi-fraction-label">{label}</span>
    </>
  );
}

/** NPS answers split into detractors, passives and promoters: a bar and the three counts. */
export function NpsSplit({ kpis }: { kpis: KpiSet }) {
  const { promoters, passives, detractors, denominator } = kpis.voiceOfCustomer.nps;
  const parts = [
    { key: 'detractors', label: 'detractors (0–6)', count: detractors, className: 'tone-low' },
    { key: 'passives', label: 'passives (7–8)', count: passives, className: 'tone-mid' },
    { key: 'promoters', label: 'promoters (9–10)', count: promoters, className: 'tone-high' },
  ];
  return (
    <div className="kpi-split">
      <div className="kpi-split-bar" aria-hidden="true">
        {parts.map((p) =>
          p.count === 0 ? null : (
            <span key={p.key} className={p.className} style={{ flexGrow: p.count }} title={`${p.count} ${p.label}`} />
          ),
        )}
        {denominator === 0 && <span className="none" style={{ flexGrow: 1 }} />}
      </div>
      <ul className="kpi-split-legend">
        {parts.map((p) => (
          <li key={p.key}>
            <span className={`kpi-swatch ${p.className}`} aria-hidden="true" />
            <span data-testid={`kpi-nps-${p.key}`} data-value={p.count}>
              {formatInteger(p.count)}
            </span>{' '}
            {p.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Answers by score (CSAT 1–5, CES 1–7) as small columns; the scores counted in the KPI's
 * numerator are drawn strong.
 */
export function ScoreColumns({
  id,
  counts,
  strongFrom,
}: {
  id: string;
  counts: Record<string, number>;
  strongFrom: number;
}) {
  const entries = Object.entries(counts).sort((a, b) => Number(a[0]) - Number(b[0]));
  const most = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <div className="kpi-scores" data-testid={`${id}-scores`}>
      {entries.map(([score, count]) => (
        <div className="kpi-score" key={score} title={`${formatInteger(count)} answered ${score}`}>
          <span className="kpi-score-count" data-testid={`${id}-score-${score}`} data-value={count}>
            {formatInteger(count)}
          </span>
          <span className="kpi-score-track">
            <span
              className={Number(score) >= strongFrom ? 'kpi-score-bar strong' : 'kpi-score-bar'}
              style={{ height: `${(count / most) * 100}%` }}
            />
          </span>
          <span className="kpi-score-label">{score}</span>
        </div>
      ))}
    </div>
  );
}

/** CES's second reading: the share scoring 5–7, with its counts. */
export function CesTopBox({ kpis }: { kpis: KpiSet }) {
  const top = kpis.voiceOfCustomer.ces.scoring5to7;
  return (
    <p className="kpi-aside">
      Scoring 5–7:{' '}
      <strong data-testid="kpi-ces-top" data-value={top.rate ?? ''}>
        {top.rate === null ? '–' : formatPercent(top.rate)}
      </strong>{' '}
      <span className="muted">
        (
        <span data-testid="kpi-ces-top-numerator" data-value={top.numerator}>
          {formatInteger(top.numerator)}
        </span>{' '}
        of{' '}
        <span data-testid="kpi-ces-top-denominator" data-value={top.denominator}>
          {formatInteger(top.denominator)}
        </span>
        )
      </span>
    </p>
  );
}
