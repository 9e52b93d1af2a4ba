import type { FacilitatorView } from './alerts';

/**
 * CAM2: participants whose camera has been off longer than the cohort allows, with the whole
 * minutes it has been off, at `now` (the console's own clock). Only reshapes the view: since
 * when each camera is off (breaks already left out) is the server's; no limit, no flags.
 */
export function cameraOffFlags(view: FacilitatorView, now: number, limitMinutes: number | undefined): Map<string, number> {
  const flags = new Map<string, number>();
  if (limitMinutes === undefined) return flags;
  for (const m of view.members) {
    if (m.status !== 'admitted' || m.cameraOffSince === null) continue;
    const offMs = now - m.cameraOffSince;
    // Longer than the limit: exactly the limit is not flagged yet.
    if (offMs > limitMinutes * 60_000) flags.set(m.id, Math.floor(offMs / 60_000));
  }
  return flags;
}
