import type { ComponentType } from 'react';
import { EventFunnelPage } from '../pages/event-funnel/event-funnel-page.tsx';
import { KpisPage } from '../pages/kpis/kpis-page.tsx';
import { OverviewPage } from '../pages/overview/overview-page.tsx';
import { PathsPage } from '../pages/paths/paths-page.tsx';
import { ProcessMapPage } from '../pages/process-map/process-map-page.tsx';
import { RetentionPage } from '../pages/retention/retention-page.tsx';
import { StageFunnelPage } from '../pages/stage-funnel/stage-funnel-page.tsx';
import { TimelinePage } from '../pages/timeline/timeline-page.tsx';
import { VariantsPage } from '../pages/variants/variants-page.tsx';

export interface Route {
  path: string;
  label: string;
  /** A 24×24 outline icon's SVG path data. */
  icon: string;
  page: ComponentType;
}

export interface RouteGroup {
  label: string;
  routes: Route[];
}

/** Every page of the app, grouped as the navigation shows them. Add a page here to link it. */
export const ROUTE_GROUPS: RouteGroup[] = [
  {
    label: 'Measure',
    routes: [
      { path: '/', label: 'Overview', icon: 'M4 19V10M10 19V5M16 19v-7M22 19H2', page: OverviewPage },
      {
        path: '/stage-funnel',
        label: 'Stage funnel',
        icon: 'M3 5h18l-7 8v6l-4 2v-8z',
        page: StageFunnelPage,
      },
      {
        path: '/funnel',
        label: 'Event funnel',
        icon: 'M4 20h4v-5h4v-5h4V5h4',
        page: EventFunnelPage,
      },
      {
        path: '/retention',
        label: 'Retention',
        icon: 'M4 4h16v16H4zM4 9.3h16M4 14.6h16M9.3 4v16M14.6 4v16',
        page: RetentionPage,
      },
      {
        path: '/kpis',
        label: 'KPIs',
        icon: 'M3.5 17a8.5 8.5 0 1 1 17 0M12 17l4.5-5.5M3.5 17h2M18.5 17h2M12 8.5v2',
        page: KpisPage,
      },
    ],
  },
  {
    label: 'Discover',
    routes: [
      {
        path: '/paths',
        label: 'Paths',
        icon: 'M3 12h4M7 12c4 0 4-6 8-6h6M7 12c4 0 4 6 8 6h6M15 12h6',
        page: PathsPage,
      },
      {
        path: '/process-map',
        label: 'Process map',
        icon: 'M5 6a2 2 0 1 0 0-.01M19 6a2 2 0 1 0 0-.01M12 18a2 2 0 1 0 0-.01M7 6h10M6 8l5 8M18 8l-5 8',
        page: ProcessMapPage,
      },
      {
        path: '/variants',
        label: 'Variants',
        icon: 'M4 6h4M11 6h4M18 6h2M4 12h7M14 12h6M4 18h2M9 18h5M17 18h3',
        page: VariantsPage,
      },
      {
        path: '/timeline',
        label: 'Customer timeline',
        icon: 'M6 3v18M10 6h10M10 12h7M10 18h9M4 6h4M4 12h4M4 18h4',
        page: TimelinePage,
      },
    ],
  },
];

export const ROUTES: Route[] = ROUTE_GROUPS.flatMap((group) => group.routes);

/** The route for a path; a trailing slash does not matter. */
export function routeFor(pathname: string): Route | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return ROUTES.find((route) => route.path === path);
}
