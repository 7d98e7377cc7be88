import { describe, expect, it } from 'vitest';
import { arcShape, arrowSize } from './arc-path.ts';

describe('arc shape', () => {
  it('draws a straight route up to the arrowhead, whose tip is the end', () => {
    const { length, halfWidth } = arrowSize(2);
    const shape = arcShape(
      [
        { x: 0, y: 0 },
        { x: 0, y: 100 },
      ],
      2,
    );
    expect(shape.path).toBe(`M0,0 L0,${100 - length}`);
    expect(shape.arrow).toBe(`${-halfWidth},${100 - length} ${halfWidth},${100 - length} 0,100`);
  });

  it('rounds each bend with a quadratic curve', () => {
    const shape = arcShape(
      [
        { x: 0, y: 0 },
        { x: 0, y: 50 },
        { x: 80, y: 50 },
      ],
      1,
    );
    expect(shape.path).toMatch(/^M0,0 L0,40 Q0,50 10,50 L[\d.]+,50$/);
  });

  it('draws nothing for a route of fewer than two points', () => {
    expect(arcShape([{ x: 1, y: 1 }], 1)).toEqual({ path: '', arrow: '' });
  });
});
