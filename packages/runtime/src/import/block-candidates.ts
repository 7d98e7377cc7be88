import { hash53, hash53Utf8 } from '@waymark/core';
import type { BlockEvent, StagedBlock } from '@waymark/storage';

/**
 * A block's messages that passed validation, in line order, with their message-id hashes, each
 * message id the first of its kind in the block (the pipeline keeps the first of a batch too).
 * Ids normalized in DuckDB stay bytes: hashed where they lie, decoded only when compared.
 */
export class BlockCandidates {
  length = 0;
  readonly line: Int32Array;
  readonly messageHash: Float64Array;
  /** Where a candidate's id lies in the DuckDB ids' bytes, or -1 for a JavaScript-normalized event. */
  private readonly idStart: Int32Array;
  private readonly idEnd: Int32Array;
  /** Repeats of an earlier message id within the block (dropped). */
  duplicates = 0;

  private constructor(
    capacity: number,
    private readonly ids: Uint8Array,
    /** The JavaScript-normalized events, by line. */
    readonly events: Map<number, BlockEvent>,
  ) {
    this.line = new Int32Array(capacity);
    this.messageHash = new Float64Array(capacity);
    this.idStart = new Int32Array(capacity);
    this.idEnd = new Int32Array(capacity);
  }

  /** Merges the lines DuckDB normalized with the events JavaScript normalized, in line order. */
  static of(staged: StagedBlock, events: Map<number, BlockEvent>): BlockCandidates {
    const { line: sqlLine, messageIds: ids } = staged.sqlLines;
    const jsLines = [...events.keys()].sort((a, b) => a - b);
    const out = new BlockCandidates(sqlLine.length + jsLines.length, ids, events);
    const firsts = new FirstOccurrences(out.line.length);
    let s = 0;
    let j = 0;
    let at = 0;
    while (s < sqlLine.length || j < jsLines.length) {
      const n = out.length;
      if (j >= jsLines.length || (s < sqlLine.length && (sqlLine[s] as number) < (jsLines[j] as number))) {
        const end = ids.indexOf(0, at);
        out.line[n] = sqlLine[s++] as number;
        out.idStart[n] = at;
        out.idEnd[n] = end;
        out.messageHash[n] = hash53Utf8(ids, at, end);
        at = end + 1;
      } else {
        const line = jsLines[j++] as number;
        out.line[n] = line;
        out.idStart[n] = -1;
        out.messageHash[n] = hash53((events.get(line) as BlockEvent).event.messageId);
      }
      if (firsts.earlierOf(n, out.messageHash[n] as number, (other) => out.sameId(n, other)) >= 0) {
        out.duplicates++;
        events.delete(out.line[n] as number);
        continue;
      }
      out.length++;
    }
    return out;
  }

  messageId(i: number): string {
    const start = this.idStart[i] as number;
    if (start < 0) return (this.events.get(this.line[i] as number) as BlockEvent).event.messageId;
    return Buffer.from(this.ids.buffer, this.ids.byteOffset + start, (this.idEnd[i] as number) - start).toString(
      'utf8',
    );
  }

  private sameId(i: number, j: number): boolean {
    const a = this.idStart[i] as number;
    const b = this.idStart[j] as number;
    if (a >= 0 && b >= 0) {
      const length = (this.idEnd[i] as number) - a;
      if ((this.idEnd[j] as number) - b !== length) return false;
      for (let k = 0; k < length; k++) if (this.ids[a + k] !== this.ids[b + k]) return false;
      return true;
    }
    return this.messageId(i) === this.messageId(j);
  }
}

/** Open addressing over candidate positions by hash: finds an earlier candidate with the same id. */
class FirstOccurrences {
  private readonly slots: Int32Array;
  private readonly hashes: Float64Array;
  private readonly mask: number;

  constructor(count: number) {
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** The earlier position with the same id, or -1 (and `position` is recorded as the first). */
  earlierOf(position: number, hash: number, sameId: (earlier: number) => boolean): number {
    let slot = hash & this.mask;
    for (;;) {
      const earlier = this.slots[slot] as number;
      if (earlier < 0) {
        this.slots[slot] = position;
        this.hashes[slot] = hash;
        return -1;
      }
      // Equal hashes are only a "maybe": the ids decide.
      if (this.hashes[slot] === hash && sameId(earlier)) return earlier;
      slot = (slot + 1) & this.mask;
    }
  }
}
