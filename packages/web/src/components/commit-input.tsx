import { type InputHTMLAttributes, type KeyboardEvent, type Ref, useEffect, useState } from 'react';

type CommitInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  ref?: Ref<HTMLInputElement>;
  /** Called with the trimmed text on Enter or when the field loses focus, if it changed. */
  onCommit: (value: string) => void;
};

/**
 * A text field that applies its value on Enter or on leaving it, not on every key, so a report
 * is not asked for half-typed conditions. Escape goes back to the applied value.
 */
export function CommitInput({ value, onCommit, onBlur, onKeyDown, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const next = draft.trim();
    if (next !== value) onCommit(next);
  };
  const key = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event);
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') setDraft(value);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={key}
      onBlur={(event) => {
        onBlur?.(event);
        commit();
      }}
    />
  );
}
