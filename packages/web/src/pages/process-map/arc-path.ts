import type { Point } from './map-layout.ts';

/** SVG geometry of an arc: a route with rounded bends that stops where its arrowhead starts. */

const CORNER_RADIUS = 10;

export interface ArcShape {
  /** The line's path data. */
  path: string;
  /** The arrowhead's polygon points, tip last. */
  arrow: string;
}

/** How long and wide an arrowhead is for a line this thick. */
export function arrowSize(thickness: number): { length: number; halfWidth: number } {
  return { length: 7 + thickness * 1.1, halfWidth: 4 + thickness * 0.8 };
}

/** The route as a rounded path, ending at the base of an arrowhead whose tip is the route's end. */
export function arcShape(points: readonly Point[], thickness: number): ArcShape {
  if (points.length < 2) return { path: '', arrow: '' };
  const tip = points[points.length - 1] as Point;
  const before = points[points.length - 2] as Point;
  const last = distance(before, tip);
  const { length, halfWidth } = arrowSize(thickness);
  const arrowLength = Math.min(length, last * 0.9);
  const ux = last === 0 ? 0 : (tip.x - before.x) / last;
  const uy = last === 0 ? 1 : (tip.y - before.y) / last;
  const base = { x: tip.x - ux * arrowLength, y: tip.y - uy * arrowLength };
  const route = [...points.slice(0, -1), base];

  let path = `M${fmt(route[0] as Point)}`;
  for (let i = 1; i < route.length - 1; i++) {
    const corner = route[i] as Point;
    const previous = route[i - 1] as Point;
    const next = route[i + 1] as Point;
    const radius = Math.min(CORNER_RADIUS, distance(previous, corner) / 2, distance(corner, next) / 2);
    path += ` L${fmt(toward(corner, previous, radius))} Q${fmt(corner)} ${fmt(toward(corner, next, radius))}`;
  }
  path += ` L${fmt(base)}`;
  const left = { x: base.x - uy * halfWidth, y: base.y + ux * halfWidth };
  const right = { x: base.x + uy * halfWidth, y: base.y - ux * halfWidth };
  return { path, arrow: `${fmt(left)} ${fmt(right)} ${fmt(tip)}` };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point `by` pixels from `from` toward `to`. */
function toward(from: Point, to: Point, by: number): Point {
  const d = distance(from, to);
  return d === 0 ? from : { x: from.x + ((to.x - from.x) / d) * by, y: from.y + ((to.y - from.y) / d) * by };
}

const round = (value: number): number => Math.round(value * 10) / 10;
const fmt = (p: Point): string => `${round(p.x)},${round(p.y)}`;
