import { SignalHigh, SignalLow, SignalMedium } from 'lucide-react';
import type { LinkQuality } from '@hearth/shared';

const LOOK = {
  good: { Icon: SignalHigh, text: 'good connection' },
  fair: { Icon: SignalMedium, text: 'fair connection' },
  poor: { Icon: SignalLow, text: 'weak connection' },
} as const;

/**
 * LNK1: a tile's connection quality as bars (three, two, one), named in words for screen
 * readers and on hover; a weak one also in words on the tile, so colour is never the only sign.
 */
export function LinkMark({ link }: { link: LinkQuality | null | undefined }) {
  if (!link) return null;
  const { Icon, text } = LOOK[link];
  return (
    <span className={`tile-link tile-link-${link}`} title={text} data-testid="link-quality" data-link={link}>
      <Icon aria-hidden="true" />
      {link === 'poor' ? <span className="tile-link-text">weak</span> : null}
      <span className="visually-hidden">, {text}</span>
    </span>
  );
}
