import { ApiError, TokenNeededError } from '../api/client.ts';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** A failed request, said plainly; a missing token is shown by the app shell instead. */
export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  if (error instanceof TokenNeededError) return null;
  const title =
    error instanceof ApiError && error.status === 0
      ? 'Server not reachable'
      : error instanceof ApiError
        ? `The server answered ${error.status}`
        : 'Something went wrong';
  return (
    <div className="error-box" role="alert" data-testid="error">
      <strong>{title}</strong>
      <p>{error.message}</p>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
