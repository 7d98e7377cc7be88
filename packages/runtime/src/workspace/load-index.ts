import type { JourneyIndex } from '@waymark/core';
import type { EventStore } from '@waymark/storage';

/**
 * Builds the journey index from the store: identities and activities arrive already
 * dictionary-encoded by the store (so no string per event crosses into JS), links are
 * replayed in the order they first happened, then the rows are sorted once.
 */
export async function loadIndexFromStore(store: EventStore, index: JourneyIndex): Promise<void> {
  if (index.eventCount > 0 || index.identities.size > 0) throw new Error('loadIndexFromStore needs an empty index');
  const scan = await store.scanForIndex();
  const { names, isUserId } = scan.identities;
  for (let code = 0; code < names.length; code++)
    index.identities.codeOf(names[code] as string, isUserId[code] === true);
  for (const activity of scan.activities) index.activities.codeOf(activity);
  for (const link of scan.links) index.linkCoded(link.alias, link.userCode, link.otherCode);
  for await (const chunk of scan.rows) {
    for (let i = 0; i < chunk.length; i++) {
      index.addCodedRow(chunk.identity[i], chunk.timestampMs[i], chunk.activity[i], chunk.channel[i], chunk.seq[i]);
    }
  }
  index.rows();
}
