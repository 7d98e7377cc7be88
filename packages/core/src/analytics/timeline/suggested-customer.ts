import type { SortedRows } from '../../journey-index/sort.ts';

/**
 * The customer a timeline opens on when none is named: the one whose journey crossed the most
 * channels (what a timeline across channels is for), then the one with the most events, then
 * the first. Undefined when there are no events.
 *
 * @example suggestedCustomer(index.rows()) // the customer code; its display id via the index
 */
export function suggestedCustomer(rows: SortedRows): number | undefined {
  let best = -1;
  let bestChannels = -1;
  let bestEvents = -1;
  for (let r = 0; r < rows.runCount; r++) {
    const start = rows.runStart[r] as number;
    const end = rows.runStart[r + 1] as number;
    let mask = 0;
    for (let row = start; row < end; row++) mask |= 1 << (rows.channel[row] as number);
    mask &= ~1; // code 0: no channel given
    const channels = bitCount(mask);
    const events = end - start;
    if (channels > bestChannels || (channels === bestChannels && events > bestEvents)) {
      best = r;
      bestChannels = channels;
      bestEvents = events;
    }
  }
  return best < 0 ? undefined : (rows.customer[rows.runStart[best] as number] as number);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
