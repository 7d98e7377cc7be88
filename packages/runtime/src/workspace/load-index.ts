import type { JourneyIndex } from '@waymark/core';
import type { EventStore } from '@waymark/storage';

/**
 * Builds the journey index from the store: the persisted dictionaries first, then identity
 * links in the order they first happened, then the journey rows — integers only, so no string
 * per event crosses into JavaScript — sorted once at the end.
 */
export async function loadIndexFromStore(store: EventStore, index: JourneyIndex): Promise<void> {
  if (index.eventCount > 0 || index.identities.size > 0) throw new Error('loadIndexFromStore needs an empty index');
  const scan = await store.scanForIndex();
  const users = new Uint8Array(scan.identityNames.length);
  for (const code of scan.userCodes) users[code] = 1;
  index.identities.restore(scan.identityNames, (code) => users[code] === 1);
  index.activities.restore(scan.activities);
  for (const link of scan.links) index.linkCoded(link.alias, link.userCode, link.otherCode);
  index.reserve(scan.rowCount);
  for await (const chunk of scan.rows) index.addCodedRows(chunk);
  index.rows();
}
