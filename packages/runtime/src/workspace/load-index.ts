import type { JourneyIndex } from '@waymark/core';
import type { EventStore } from '@waymark/storage';

/**
 * Builds the journey index from the store: the persisted dictionaries first, then identity
 * stitching replayed in arrival order, then the journey rows — integers only, so no string
 * per event crosses into JavaScript — sorted once at the end.
 */
export async function loadIndexFromStore(store: EventStore, index: JourneyIndex): Promise<void> {
  if (index.eventCount > 0 || index.identities.size > 0) throw new Error('loadIndexFromStore needs an empty index');
  const scan = await store.scanForIndex();
  index.identities.restore(scan.identityNames);
  index.activities.restore(scan.activities);
  // Replayed in arrival order, exactly as they were applied live.
  const { kind, userCode, otherCode } = scan.identityEvents;
  for (let i = 0; i < scan.identityEvents.length; i++) {
    if (kind[i] === 0) index.identities.markUser(userCode[i]);
    else index.linkCoded(kind[i] === 2, userCode[i], otherCode[i]);
  }
  index.reserve(scan.rowCount);
  for await (const chunk of scan.rows) index.addCodedRows(chunk);
  index.rows();
}
