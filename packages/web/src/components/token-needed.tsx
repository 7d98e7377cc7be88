import { type FormEvent, useState } from 'react';
import { setToken } from '../api/client.ts';

/** Shown instead of a page when the admin API answers 401: what is missing and how to give it. */
export function TokenNeeded({ hadToken }: { hadToken: boolean }) {
  const [value, setValue] = useState('');
  const example = `${window.location.origin}${window.location.pathname}?token=<admin token>`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = value.trim();
    if (token === '') return;
    setToken(token);
    window.location.reload();
  };
  return (
    <div className="token-needed" role="alert" data-testid="token-needed">
      <div className="token-needed-icon" aria-hidden="true">
        <svg
          viewBox="0 0 24 24"
          width="28"
          height="28"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <rect x="4" y="10" width="16" height="11" rx="2.5" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" strokeLinecap="round" />
        </svg>
      </div>
      <h1>Admin token needed</h1>
      {hadToken ? (
        <p>
          The server did not accept the admin token this tab was using. It may have been mistyped, or the server was
          restarted with a different one.
        </p>
      ) : (
        <p>This Waymark server asks for an admin token before it shows reports.</p>
      )}
      <p>
        Open the address that <code>waymark serve</code> printed when it started — it ends in <code>?token=…</code>:
      </p>
      <pre className="token-example">{example}</pre>
      <p className="muted">
        The token is set on the server with <code>--admin-token</code> or <code>WAYMARK_ADMIN_TOKEN</code>, or generated
        and printed at start. This tab keeps it for the session only and takes it out of the address bar.
      </p>
      <form className="token-form" onSubmit={submit}>
        <label htmlFor="token-input">Or paste the token here</label>
        <div className="token-form-row">
          <input
            id="token-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="Admin token"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button primary" disabled={value.trim() === ''}>
            Continue
          </button>
        </div>
      </form>
    </div>
  );
}
