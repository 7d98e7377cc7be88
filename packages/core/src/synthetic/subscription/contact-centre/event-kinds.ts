/** Kinds of entries on the simulation's agenda (scheduler.ts). */
export const CUSTOMER_STEP = 0;
export const QUEUE_ARRIVAL = 1;
export const ABANDON_CHECK = 2;
export const LEG_END = 3;
export const AGENT_FREE = 4;
export const STAFFING_TICK = 5;
