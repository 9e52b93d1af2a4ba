/**
 * Where the server gets the time (epoch milliseconds). Injected so that tests can
 * step over a 15-minute lock-out or an invite's expiry without sleeping.
 */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
