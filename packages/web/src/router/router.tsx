import { type AnchorHTMLAttributes, type MouseEvent, useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny History-API router: the current path and query as React state, `navigate` to move,
 * `Link` for in-app anchors, and `useQueryParam` for page state kept in the address.
 */

const CHANGE = 'waymark:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = (): string => `${window.location.pathname}${window.location.search}`;

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

/** The current location; the component re-renders when it changes. */
export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
  if (!options.replace) window.scrollTo(0, 0);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An anchor that navigates in the app; modified clicks (new tab, …) stay with the browser. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/**
 * Sets several query parameters of the current address at once (one history entry, replaced):
 * a value of null or '' removes the parameter, so addresses stay short.
 */
export function setQueryParams(patch: Readonly<Record<string, string | null>>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === '') url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  navigate(`${url.pathname}${url.search}`, { replace: true });
}

/**
 * One query parameter as state: `parse` turns the text (or null when absent) into a value,
 * and setting the default removes the parameter, so addresses stay short.
 */
export function useQueryParam<T extends string | number>(
  name: string,
  fallback: T,
  parse: (text: string | null) => T | null,
): [T, (value: T) => void] {
  const { search } = useLocation();
  const value = parse(search.get(name)) ?? fallback;
  const set = useCallback(
    (next: T) => {
      const url = new URL(window.location.href);
      if (next === fallback) url.searchParams.delete(name);
      else url.searchParams.set(name, String(next));
      navigate(`${url.pathname}${url.search}`, { replace: true });
    },
    [name, fallback],
  );
  return [value, set];
}
