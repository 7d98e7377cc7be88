import type { ReactNode } from 'react';
import { getToken, setToken } from '../api/client.ts';
import { Link } from '../router/router.tsx';
import { ROUTE_GROUPS } from './routes.tsx';

function Icon({ path }: { path: string }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={path} />
    </svg>
  );
}

/** The frame around every page: brand, navigation on the left, the page on the right. */
export function AppShell({ current, children }: { current: string | undefined; children: ReactNode }) {
  const hasToken = getToken() !== null;
  const forget = () => {
    setToken(null);
    window.location.reload();
  };
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link to="/" className="brand" aria-label="Waymark home">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="8" fill="#3b5bdb" />
              <path
                d="M8 22 L14 10 L18 18 L24 8"
                stroke="white"
                strokeWidth="3"
                fill="none"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          </span>
          <span className="brand-name">Waymark</span>
        </Link>
        <nav aria-label="Main">
          {ROUTE_GROUPS.map((group) => (
            <div className="nav-group" key={group.label}>
              <div className="nav-group-label">{group.label}</div>
              <ul>
                {group.routes.map((route) => (
                  <li key={route.path}>
                    <Link
                      to={route.path}
                      className={route.path === current ? 'nav-link active' : 'nav-link'}
                      aria-current={route.path === current ? 'page' : undefined}
                      data-testid={`nav-${route.path === '/' ? 'overview' : route.path.slice(1)}`}
                    >
                      <Icon path={route.icon} />
                      {route.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="sidebar-footer">
          {hasToken && (
            <button
              type="button"
              className="link-button subtle"
              onClick={forget}
              title="Remove the admin token from this tab"
            >
              Forget admin token
            </button>
          )}
          <span className="muted">Waymark · open source</span>
        </div>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
