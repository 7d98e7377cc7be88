import type { ActivityCount, SeenAttribute } from '@waymark/core';
import { useApi } from './use-api.ts';

/** `GET /api/activities`. */
export interface ActivityList {
  activities: ActivityCount[];
}

/** `GET /api/attributes`. */
export interface AttributeList {
  attributes: SeenAttribute[];
}

/** The activities in the data, most events first (event pickers); none asked while `wanted` is false. */
export function useActivityNames(wanted = true): string[] {
  const answer = useApi<ActivityList>(wanted ? '/api/activities' : null);
  return answer.data?.activities.map((a) => a.activity) ?? [];
}

/** The attribute paths `segment` and `breakdown` can name (suggestions); none asked while `wanted` is false. */
export function useAttributePaths(wanted = true): SeenAttribute[] {
  const answer = useApi<AttributeList>(wanted ? '/api/attributes' : null);
  return answer.data?.attributes ?? [];
}
