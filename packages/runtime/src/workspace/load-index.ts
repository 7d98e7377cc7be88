import type { JourneyIndex } from '@waymark/core';
import type { EventStore } from '@waymark/storage';

/**
 * Builds the journey index from the store: the persisted dictionaries first, then identity
 * stitching replayed in arrival order, then the journey rows — integers only, so no string
 * per event crosses into JavaScript — sorted once at the end.
 */
export async function loadIndexFromStore(store: EventStore, index: JourneyIndex): Promise<void> {
  if (index.eventCount > 0 || index.identities.size > 0) throw new Error('loadIndexFromStore needs an empty index');
  const scan = await store.scanForIndex({ linkTraits: [...index.linkBy] });
  index.identities.restore(scan.identityNames);
  index.activities.restore(scan.activities);
  // Replayed in arrival order, exactly as they were applied live: within one message the ids'
  // links first, then its traits' links (as JourneyIndex.addEncoded does).
  const { seq, kind, userCode, otherCode } = scan.identityEvents;
  const traits = scan.identifyTraits;
  let t = 0;
  for (let i = 0; i <= scan.identityEvents.length; i++) {
    const before = i < scan.identityEvents.length ? (seq[i] as number) : Number.POSITIVE_INFINITY;
    for (; t < traits.seq.length && (traits.seq[t] as number) < before; t++) {
      index.linkTraits(traits.identity[t] as number, traits.traits[t]);
    }
    if (i === scan.identityEvents.length) break;
    if (kind[i] === 0) index.identities.markUser(userCode[i] as number);
    else index.linkCoded(kind[i] === 2, userCode[i] as number, otherCode[i] as number);
  }
  index.reserve(scan.rowCount);
  for await (const chunk of scan.rows) index.addCodedRows(chunk);
  index.rows();
}
