import { describe, expect, it } from 'vitest';
import { WEEK_HOURS } from '../world-calendar.ts';
import { BILLING, CHAT, EMAIL, isOpen, QUEUES, TECH } from './queues.ts';
import { arrivalShape, staffingPlan } from './staffing.ts';

const hourOf = (weekday: number, hour: number) => weekday * 24 + hour;

describe('staffing plan', () => {
  it('forecasts calls peaking on Monday morning, with nothing when the lines are closed', () => {
    const shape = arrivalShape('call');
    expect(shape.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const mondayNine = shape[hourOf(0, 9)] as number;
    expect(mondayNine).toBeGreaterThan(1.5 * (shape[hourOf(2, 9)] as number));
    expect(mondayNine).toBeGreaterThan(2 * (shape[hourOf(2, 16)] as number));
    expect(shape[hourOf(6, 12)]).toBe(0);
  });

  it('grows with the number of customers and never leaves an open queue without agents, but for the planted gap', () => {
    const small = staffingPlan(2_000);
    const large = staffingPlan(1_000_000);
    for (let queue = 0; queue < QUEUES.length; queue++) {
      for (let h = 0; h < WEEK_HOURS; h++) {
        const open = isOpen(queue, Math.floor(h / 24), h % 24);
        expect((small.plannedAgents[queue] as Int32Array)[h] as number).toBe(
          open ? Math.max(1, small.plannedAgents[queue]?.[h] ?? 0) : 0,
        );
        expect((large.plannedAgents[queue] as Int32Array)[h]).toBeGreaterThanOrEqual(
          (small.plannedAgents[queue] as Int32Array)[h] as number,
        );
      }
    }
    expect(large.plannedAgents[TECH]?.[hourOf(0, 9)]).toBeGreaterThan(20);
    expect(large.plannedAgents[CHAT]?.[hourOf(6, 12)]).toBeGreaterThan(0);
    expect(large.plannedAgents[EMAIL]?.[hourOf(6, 12)]).toBe(0);
  });

  it('halves billing on Monday 08:00–11:00 only', () => {
    const plan = staffingPlan(1_000_000);
    for (let queue = 0; queue < QUEUES.length; queue++) {
      for (let h = 0; h < WEEK_HOURS; h++) {
        const planned = (plan.plannedAgents[queue] as Int32Array)[h] as number;
        const onDuty = (plan.agents[queue] as Int32Array)[h] as number;
        const mondayMorning = queue === BILLING && h >= hourOf(0, 8) && h < hourOf(0, 11);
        expect(onDuty).toBe(mondayMorning ? Math.floor(planned / 2) : planned);
      }
    }
  });
});
