/**
 * The one way the web app talks to the server. The admin token arrives once as `?token=` in the
 * page address (as `waymark serve` prints it); it is then kept in sessionStorage for this tab and
 * taken out of the address bar, so it does not end up in history, bookmarks or screenshots.
 */

const STORAGE_KEY = 'waymark.adminToken';
let memoryToken: string | null = null;

/** A failed API call: the HTTP status and the server's own error text when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 401 from the admin API: no token, or one the server does not accept. */
export class TokenNeededError extends ApiError {
  constructor(
    message: string,
    readonly hadToken: boolean,
  ) {
    super(401, message);
    this.name = 'TokenNeededError';
  }
}

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken; // storage disabled: keep it for this page only
  }
}

export function setToken(token: string | null): void {
  memoryToken = token;
  try {
    if (token === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // storage disabled: memoryToken serves
  }
}

/** Moves `?token=` from the address into sessionStorage; call once before the first render. */
export function captureTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  if (token !== '') setToken(token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

type UnauthorizedListener = (error: TokenNeededError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called whenever a request is refused for want of a token; returns the unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** GET a JSON resource of the admin API, e.g. `apiGet<OverviewReport>('/api/reports/overview?bucket=day')`. */
export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const token = getToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, { headers, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'The Waymark server could not be reached. Is it still running?');
  }
  if (response.status === 401) {
    const error = new TokenNeededError(await errorText(response), token !== null);
    for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  if (!response.ok) throw new ApiError(response.status, await errorText(response));
  return (await response.json()) as T;
}

/** The address of the live event stream; EventSource cannot send headers, so the token rides in the query. */
export function liveUrl(): string {
  const token = getToken();
  return token === null ? '/api/live' : `/api/live?token=${encodeURIComponent(token)}`;
}

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON
  }
  return `${response.status} ${response.statusText}`.trim();
}
