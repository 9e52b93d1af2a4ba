import { CircleAlert, Hand, ShieldCheck, WifiOff } from 'lucide-react';
import type { TileBadge } from '../call/VideoTile';
import type { BadgeIcon, BadgeSpec } from './selectors';

const ICONS: Record<BadgeIcon, typeof Hand> = { facilitator: ShieldCheck, hand: Hand, help: CircleAlert, reconnecting: WifiOff };

/** The room's badge descriptions as tile badges, each with its icon. */
export function tileBadges(specs: BadgeSpec[]): TileBadge[] {
  return specs.map(({ key, label, tone, icon }) => {
    const Icon = icon ? ICONS[icon] : undefined;
    return { key, label, tone, icon: Icon && <Icon aria-hidden="true" /> };
  });
}
