/**
 * "Back at 19:40": the time a break ends on this device's clock, from the time left the server
 * sent (so a device whose clock is off still says the right moment), to the minute.
 */
export function backAt(remainingMs: number, now = Date.now(), locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(now + remainingMs));
}

/** The lengths a facilitator picks from; ten minutes is the usual mid-evening break. */
export const BREAK_MINUTES = [5, 10, 15, 20, 30] as const;
export const DEFAULT_BREAK_MINUTES = 10;
