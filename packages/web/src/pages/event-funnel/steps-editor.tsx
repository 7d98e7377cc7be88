import { type FormEvent, useState } from 'react';
import { STEP_SEPARATOR } from './funnel-params.ts';

interface StepsEditorProps {
  initial: readonly string[];
  /** Event names to suggest (the workspace's activities). */
  suggestions: readonly string[];
  onApply: (steps: string[]) => void;
}

/** Ad-hoc funnel steps: two or more event names, in order. */
export function StepsEditor({ initial, suggestions, onApply }: StepsEditorProps) {
  const [steps, setSteps] = useState<string[]>(() =>
    initial.length >= 2 ? [...initial] : [...initial, '', ''].slice(0, 2),
  );
  const filled = steps.map((step) => step.trim()).filter((step) => step !== '');
  const separatorUsed = steps.some((step) => step.includes(STEP_SEPARATOR));
  const ready = filled.length >= 2 && !separatorUsed;
  const update = (index: number, value: string) => setSteps(steps.map((step, i) => (i === index ? value : step)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) onApply(filled);
  };
  return (
    <form className="steps-editor" onSubmit={submit} data-testid="steps-editor" aria-label="Funnel steps">
      <ol className="steps-list">
        {steps.map((step, index) => (
          <li key={index} className="steps-item">
            <span className="step-number">{index + 1}</span>
            <input
              className="select text"
              value={step}
              list="funnel-step-choices"
              placeholder={index === 0 ? 'First event, e.g. Home Viewed' : 'Then…'}
              aria-label={`Step ${index + 1}`}
              spellCheck={false}
              onChange={(event) => update(index, event.target.value)}
              data-testid="step-input"
            />
            {steps.length > 2 && (
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove step ${index + 1}`}
                onClick={() => setSteps(steps.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
            {index < steps.length - 1 && (
              <span className="steps-arrow" aria-hidden="true">
                →
              </span>
            )}
          </li>
        ))}
      </ol>
      <datalist id="funnel-step-choices">
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="steps-actions">
        <button type="button" className="button small" onClick={() => setSteps([...steps, ''])}>
          + Add step
        </button>
        <button type="submit" className="button small primary" disabled={!ready} data-testid="steps-apply">
          Show funnel
        </button>
        {separatorUsed && <span className="muted">A step name cannot contain “{STEP_SEPARATOR}”.</span>}
      </div>
    </form>
  );
}
