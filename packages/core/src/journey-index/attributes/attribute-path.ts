import type { JsonObject } from '../../events/message.ts';

/** Where an attribute lives: on the event (`properties`, `context`) or on the customer (`traits`). */
export type AttributeScope = 'properties' | 'context' | 'traits';

/** A parsed attribute path such as `properties.reason` or `traits.persona`. */
export interface AttributePath {
  /** The path as written: `properties.card.type`. */
  text: string;
  scope: AttributeScope;
  /** Keys below the scope: `['card', 'type']`. */
  keys: string[];
}

const SCOPES: readonly AttributeScope[] = ['properties', 'context', 'traits'];

/** Thrown for a path that names no attribute; says what was expected. */
export class AttributePathError extends Error {}

/**
 * Parses `scope.key[.key…]`. Keys are split on dots; a key containing a dot cannot be named
 * (Segment property names rarely contain one).
 *
 * @example parseAttributePath('properties.reason') // { scope: 'properties', keys: ['reason'] }
 */
export function parseAttributePath(text: string): AttributePath {
  const [scope, ...keys] = text.split('.');
  if (!SCOPES.includes(scope as AttributeScope) || keys.length === 0 || keys.some((key) => key === '')) {
    throw new AttributePathError(
      `expected an attribute path like properties.<name>, context.<name> or traits.<name>, got ${JSON.stringify(text)}`,
    );
  }
  return { text, scope: scope as AttributeScope, keys };
}

/**
 * An attribute's value as dictionary text: strings as they are, numbers and booleans as
 * JSON writes them; null when absent or not a scalar (objects and arrays are not values).
 */
export function attributeValue(source: JsonObject | null, keys: readonly string[]): string | null {
  let value: unknown = source;
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    value = (value as JsonObject)[key];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}
