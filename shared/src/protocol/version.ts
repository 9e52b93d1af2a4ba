/**
 * Bumped whenever an event changes incompatibly; the server refuses other versions at join.
 * A module of its own, so a client that needs only this number does not load every schema.
 */
export const PROTOCOL_VERSION = 1;
