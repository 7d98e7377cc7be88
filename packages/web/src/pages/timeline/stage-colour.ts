import type { JourneySummary } from '../../api/journeys.ts';
import { groupColor } from '../../funnels/funnel-view.ts';

/** A stage's colour: its place in the journey, so a stage looks the same on every customer's timeline. */
export function stageColour(journey: JourneySummary | undefined, stage: string): string {
  const index = journey?.stages.indexOf(stage) ?? -1;
  return index < 0 ? '#868e96' : groupColor(index);
}
