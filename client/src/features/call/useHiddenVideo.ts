import { useEffect } from 'react';
import type { MediaClient } from '../../session/MediaClient';

/**
 * Tells the session which cameras the stage is not showing, so the SFU stops sending them
 * (a phone on page one of the gallery decodes four cameras, not fifteen). Sent again only
 * when that set changes.
 */
export function useHiddenVideo(client: MediaClient, peerIds: readonly string[], shown: ReadonlySet<string>, measured: boolean): void {
  const hidden = peerIds.filter((id) => !shown.has(id)).sort();
  const key = hidden.join(',');
  useEffect(() => {
    // Before the stage has a size nothing is laid out yet: hiding everything would be wrong.
    if (measured) client.setHiddenVideo(key ? key.split(',') : []);
  }, [client, key, measured]);
  // Leaving the call view (e.g. sent back to the waiting room) forgets what was hidden.
  useEffect(() => () => client.setHiddenVideo([]), [client]);
}
