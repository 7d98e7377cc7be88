import { describe, expect, it } from 'vitest';
import { parseJourney } from './parse-journey.ts';

const valid = `id: shop
name: Shop
touchpoints:
  - name: Ad
    stage: Awareness
    match: { event: Ad Clicked, channel: social }
  - name: Paid
    stage: Purchase
    match:
      event: Order Completed
      where:
        properties.total: { gte: 10 }
funnels:
  - name: Buy
    window: 7d
    steps:
      - touchpoint: Ad
      - touchpoint: Paid
`;

describe('parseJourney', () => {
  it('takes a valid file, with the five default stages and funnels resolved', () => {
    const result = parseJourney(valid);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.journey.stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Service & Support',
      'Loyalty & Advocacy',
    ]);
    expect(result.journey.touchpoints.map((t) => t.stageIndex)).toEqual([0, 2]);
    expect(result.journey.funnels[0]?.windowSeconds).toBe(7 * 86_400);
    expect(result.journey.funnels[0]?.steps[1]?.match).toEqual({
      event: 'Order Completed',
      where: { 'properties.total': { gte: 10 } },
    });
  });

  it('names the line and field of a schema error', () => {
    const result = parseJourney(valid.replace('channel: social', 'channel: telepathy'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 6, field: 'touchpoints[0].match.channel' });
  });

  it('names an unknown stage and the stages there are', () => {
    const result = parseJourney(valid.replace('stage: Purchase', 'stage: Checkout'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 8,
        field: 'touchpoints[1].stage',
        message: expect.stringContaining('no stage "Checkout"'),
      }),
    ]);
  });

  it('names a funnel step pointing at a missing touchpoint, and YAML syntax errors by line', () => {
    const missing = parseJourney(valid.replace('- touchpoint: Paid', '- touchpoint: Nope'));
    expect(!missing.ok && missing.errors[0]).toMatchObject({ line: 18, field: 'funnels[0].steps[1].touchpoint' });
    const broken = parseJourney('id: x\nname: [unclosed\n');
    expect(!broken.ok && broken.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects unknown keys (typos) and bad durations', () => {
    const typo = parseJourney(valid.replace('    stage: Awareness', '    stage: Awareness\n    stgae: x'));
    expect(typo.ok).toBe(false);
    const window = parseJourney(valid.replace('window: 7d', 'window: a week'));
    expect(!window.ok && window.errors[0]?.field).toBe('funnels[0].window');
  });
});
