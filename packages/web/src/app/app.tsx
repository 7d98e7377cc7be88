import { type ReactNode, useEffect, useState } from 'react';
import { onUnauthorized, type TokenNeededError } from '../api/client.ts';
import { TokenNeeded } from '../components/token-needed.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { AppShell } from './app-shell.tsx';
import { routeFor } from './routes.tsx';

export function App() {
  const { pathname } = useLocation();
  const [refused, setRefused] = useState<TokenNeededError | null>(null);
  useEffect(() => onUnauthorized(setRefused), []);
  const route = routeFor(pathname);

  useEffect(() => {
    document.title = refused !== null ? 'Admin token needed · Waymark' : `${route?.label ?? 'Not found'} · Waymark`;
  }, [route, refused]);

  let page: ReactNode;
  if (refused !== null) page = <TokenNeeded hadToken={refused.hadToken} />;
  else if (route === undefined) page = <NotFound pathname={pathname} />;
  else page = <route.page key={route.path} />;
  return <AppShell current={route?.path}>{page}</AppShell>;
}

function NotFound({ pathname }: { pathname: string }) {
  return (
    <div className="not-found" data-testid="not-found">
      <h1>No page here</h1>
      <p>
        There is no page at <code>{pathname}</code>. <Link to="/">Go to the overview</Link>.
      </p>
    </div>
  );
}
