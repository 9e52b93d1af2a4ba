import { useState } from 'react';
import { Headphones, Video, X } from 'lucide-react';
import type { LinkQuality } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';

type Props = { session: ModeratedSession; link: LinkQuality | null; audioOnly: boolean };

/**
 * LNK2/LNK3: on a poor link the call offers audio only (voice needs a fraction of what video
 * does, so it keeps coming through); once taken, the same place offers video back. The offer
 * can be put away; it comes back only if the link recovers and turns poor again.
 */
export function AudioOnlyBanner({ session, link, audioOnly }: Props) {
  const [dismissedAt, setDismissedAt] = useState<LinkQuality | null | 'recovered'>(null);
  const [busy, setBusy] = useState(false);
  // Put away on a poor link, the offer stays away until the link is better again.
  if (dismissedAt === 'poor' && link !== 'poor') setDismissedAt('recovered');
  const run = (on: boolean) => {
    setBusy(true);
    void session.setAudioOnly(on).finally(() => setBusy(false));
  };
  if (audioOnly) {
    return (
      <div className="banner" role="status" data-testid="audio-only-notice">
        <p className="banner-text">
          <span className="banner-title">Audio only</span>
          <span>You are not sending or receiving video. Everyone still hears you.</span>
        </p>
        <button type="button" className="btn" disabled={busy} onClick={() => run(false)}>
          <Video aria-hidden="true" />
          Turn video back on
        </button>
      </div>
    );
  }
  if (link !== 'poor' || dismissedAt === 'poor') return null;
  return (
    <div className="banner notice-dismissible" role="status" data-testid="audio-only-offer">
      <p className="banner-text">
        <span className="banner-title">Your connection is weak</span>
        <span>Switch to audio only so the group keeps hearing you clearly.</span>
      </p>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run(true)}>
        <Headphones aria-hidden="true" />
        Switch to audio only
      </button>
      <button type="button" className="btn btn-quiet btn-icon" aria-label="Not now" onClick={() => setDismissedAt('poor')}>
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
