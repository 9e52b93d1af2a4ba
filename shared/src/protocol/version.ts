/**
 * Bumped whenever an event changes incompatibly; the server refuses other versions at join.
 * A module of its own, so a client that needs only this number does not load every schema.
 */
// 2: room:join takes the Device's rtpCapabilities and answers with both transports, and no
// longer carries the router's capabilities (media:capabilities does, before joining).
export const PROTOCOL_VERSION = 2;
