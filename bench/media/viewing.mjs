// What each bot's screen shows: which cameras have a tile, and which simulcast layer that tile
// needs (the client asks for it with setPreferredLayers, client/src/features/call/usePreferredLayer.ts).

/** Layers of the recording: 0 = 320×180, 1 = 640×360. */
const SMALL = 0;
const LARGE = 1;

/**
 * - everyone: every camera in a tile at full size (a laptop grid on a high-density screen):
 *   the worst case, what an SFU forwards when the view is not taken into account.
 * - phone: each participant's phone shows a page of four tiles (2×2, 195 CSS px wide at 2 device
 *   pixels per px = 390 px: the 320×180 layer by the client's layerForWidth), the round's speaker
 *   as one of them at full size (speaker view); the facilitator's laptop shows all sixteen as
 *   320 px thumbnails (the small layer). The other cameras are not forwarded.
 */
export const LAYOUTS = ['everyone', 'phone'];

/**
 * The tiles `viewer` shows: a Map of sender id → layer. `roster` is the group in order
 * (facilitator first); `speaker` the round's current speaker, if any.
 */
export function tilesFor(layout, viewer, roster, speaker) {
  const others = roster.filter((id) => id !== viewer);
  if (layout === 'everyone') return new Map(others.map((id) => [id, LARGE]));
  if (viewer === roster[0]) return new Map(others.map((id) => [id, SMALL]));
  const page = others.slice(0, 4);
  if (speaker && speaker !== viewer && !page.includes(speaker)) page[3] = speaker;
  return new Map(page.map((id) => [id, id === speaker ? LARGE : SMALL]));
}
