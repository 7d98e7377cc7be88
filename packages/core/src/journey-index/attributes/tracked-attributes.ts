import type { JsonObject } from '../../events/message.ts';
import { Dictionary } from '../dictionary.ts';
import { type AttributePath, AttributePathError, attributeValue, parseAttributePath } from './attribute-path.ts';

/** An event attribute's values as the store gives them: `code[i]` is `values[code[i]]` for row `seq[i]`. */
export interface LoadedEventAttribute {
  seq: Float64Array;
  code: Int32Array;
  values: string[];
}

/** A customer trait's history from identify calls, in arrival order. */
export interface LoadedTrait {
  identity: Int32Array;
  seq: Float64Array;
  code: Int32Array;
  values: string[];
}

export interface TrackedEventAttribute {
  path: AttributePath;
  values: Dictionary;
  /** Column slot in the index rows. */
  slot: number;
}

export interface TrackedTrait {
  path: AttributePath;
  values: Dictionary;
  /** Identify calls setting the trait, in arrival order. */
  identity: number[];
  seq: number[];
  code: number[];
}

/** What the attribute columns need of an arriving event. */
export interface AttributeSource {
  properties?: JsonObject | null;
  context?: JsonObject | null;
  traits?: JsonObject | null;
}

/**
 * The event attributes and customer traits the index keeps (only those some report asked for:
 * each is loaded from the store once, then kept current as events arrive).
 */
export class TrackedAttributes {
  readonly events = new Map<string, TrackedEventAttribute>();
  readonly traits = new Map<string, TrackedTrait>();
  /**
   * Events were bulk-added without attributes: every tracked event attribute and trait needs a
   * reload from the store (whoever reloads them all clears it).
   */
  stale = false;
  private readonly codes: number[] = [];

  /** Registers (or, when known, re-registers) an event attribute; returns it with its dictionary reset. */
  trackEvent(pathText: string, slotIfNew: () => number, values: readonly string[]): TrackedEventAttribute {
    const path = parseAttributePath(pathText);
    if (path.scope === 'traits')
      throw new AttributePathError(`${pathText} is a customer trait, not an event attribute`);
    const dictionary = new Dictionary();
    dictionary.restore(values);
    const known = this.events.get(pathText);
    const tracked: TrackedEventAttribute = { path, values: dictionary, slot: known?.slot ?? slotIfNew() };
    this.events.set(pathText, tracked);
    return tracked;
  }

  trackTrait(pathText: string, loaded: LoadedTrait): TrackedTrait {
    const path = parseAttributePath(pathText);
    if (path.scope !== 'traits') throw new AttributePathError(`${pathText} is an event attribute, not a trait`);
    const values = new Dictionary();
    values.restore(loaded.values);
    const tracked: TrackedTrait = {
      path,
      values,
      identity: Array.from(loaded.identity),
      seq: Array.from(loaded.seq),
      code: Array.from(loaded.code),
    };
    this.traits.set(pathText, tracked);
    return tracked;
  }

  /** The attribute codes of an arriving event row, by slot (reused array: copy before keeping). */
  eventCodes(event: AttributeSource): number[] {
    const codes = this.codes;
    codes.length = 0;
    for (const tracked of this.events.values()) {
      const source = tracked.path.scope === 'properties' ? event.properties : event.context;
      const value = attributeValue(source ?? null, tracked.path.keys);
      codes[tracked.slot] = value === null ? -1 : tracked.values.codeOf(value);
    }
    return codes;
  }

  /** Notes the tracked traits an identify call sets. */
  recordTraits(event: AttributeSource, identity: number, seq: number): void {
    for (const tracked of this.traits.values()) {
      const value = attributeValue(event.traits ?? null, tracked.path.keys);
      if (value === null) continue;
      tracked.identity.push(identity);
      tracked.seq.push(seq);
      tracked.code.push(tracked.values.codeOf(value));
    }
  }

  /** Drops the trait history of erased identities, and the values only they had. */
  forgetIdentities(codes: ReadonlySet<number>): void {
    for (const tracked of this.traits.values()) {
      let kept = 0;
      for (let i = 0; i < tracked.identity.length; i++) {
        if (codes.has(tracked.identity[i] as number)) continue;
        tracked.identity[kept] = tracked.identity[i] as number;
        tracked.seq[kept] = tracked.seq[i] as number;
        tracked.code[kept] = tracked.code[i] as number;
        kept++;
      }
      tracked.identity.length = tracked.seq.length = tracked.code.length = kept;
      const used = new Set(tracked.code);
      tracked.values.forgetUnused((code) => used.has(code));
    }
  }

  /** Forgets event attribute values no row holds any more (after an erasure removed rows). */
  forgetUnusedEventValues(columns: readonly Int32Array[]): void {
    for (const tracked of this.events.values()) {
      const column = columns[tracked.slot];
      if (column === undefined) continue;
      const used = new Set<number>(column);
      tracked.values.forgetUnused((code) => used.has(code));
    }
  }
}
