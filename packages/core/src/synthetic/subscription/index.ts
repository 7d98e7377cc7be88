export { CAMPAIGNS } from './campaigns.ts';
export { REASONS } from './contact-centre/contact-reasons.ts';
export { QUEUES } from './contact-centre/queues.ts';
export type { GroundTruth, GroundTruthFriction } from './ground-truth.ts';
export { PERSONAS } from './personas.ts';
export * from './planted-friction.ts';
export { STAGE_ACTIVITIES, STAGES } from './stages.ts';
export {
  generateSubscriptionWorld,
  SubscriptionWorld,
  type SubscriptionWorldOptions,
} from './subscription-world.ts';
export { BUSINESS_TIMEZONE, WORLD_DAYS, WORLD_END_MS, WORLD_START_MS } from './world-calendar.ts';
