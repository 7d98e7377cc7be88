import type { KpiDefinitions } from '@waymark/core';
import { CommitInput } from '../../components/commit-input.tsx';
import { setQueryParams } from '../../router/router.tsx';
import { THRESHOLDS, type ThresholdParam, type ThresholdValues } from './kpis-params.ts';

interface ThresholdsProps {
  values: ThresholdValues;
  /** The definitions of the last answer: the thresholds in force. */
  definitions: KpiDefinitions | null;
  /** The parameter the server refused, if it is one of these. */
  invalid: string | null;
}

/**
 * The thresholds the definitions use (docs/kpis.md), editable and kept in the address: a field
 * shows the value in force, and applies on Enter or on leaving it.
 */
export function KpiThresholds({ values, definitions, invalid }: ThresholdsProps) {
  const settings = definitions?.settings;
  const set = (param: ThresholdParam, value: string) => setQueryParams({ [param]: value });
  const excluded = values.excludeShortAbandons !== 'false';
  return (
    <section className="kpi-thresholds" aria-label="Thresholds of the definitions" data-testid="kpi-thresholds">
      <span className="kpi-thresholds-title">Thresholds</span>
      {THRESHOLDS.map((t) => {
        const inForce = settings === undefined ? t.fallback : String(settings[t.param]);
        return (
          <span key={t.param} className="kpi-threshold-group">
            <label
              htmlFor={`kpi-threshold-${t.param}`}
              className={invalid === t.param ? 'kpi-threshold invalid' : 'kpi-threshold'}
            >
              {t.label}
              <CommitInput
                id={`kpi-threshold-${t.param}`}
                className="select threshold"
                value={values[t.param] === '' ? inForce : values[t.param]}
                inputMode="decimal"
                spellCheck={false}
                onCommit={(text) => set(t.param, text === t.fallback ? '' : text)}
                aria-invalid={invalid === t.param}
                data-testid={`kpi-threshold-${t.param}`}
              />
              {t.unit}
            </label>
            {t.param === 'shortAbandonSeconds' && (
              <label
                className={invalid === 'excludeShortAbandons' ? 'kpi-threshold invalid' : 'kpi-threshold'}
                title="Short abandons leave abandonment and service level, above and below the line"
              >
                <input
                  type="checkbox"
                  checked={excluded}
                  onChange={(event) => set('excludeShortAbandons', event.target.checked ? '' : 'false')}
                  data-testid="kpi-threshold-excludeShortAbandons"
                />
                left out
              </label>
            )}
          </span>
        );
      })}
    </section>
  );
}
