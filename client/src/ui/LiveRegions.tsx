import { useEffect, useState } from 'react';
import { onAnnouncement } from './announcer';

/**
 * The page's two live regions, rendered once at the root. They are in the page from the
 * start (a region added together with its text is often not read), and the same text
 * announced twice is read twice: each message carries its own id as the key.
 */
export function LiveRegions() {
  const [polite, setPolite] = useState<{ text: string; id: number }>();
  const [assertive, setAssertive] = useState<{ text: string; id: number }>();
  useEffect(
    () =>
      onAnnouncement(({ text, politeness, id }) => {
        if (politeness === 'assertive') setAssertive({ text, id });
        else setPolite({ text, id });
      }),
    [],
  );
  return (
    <>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite && <span key={polite.id}>{polite.text}</span>}
      </div>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive && <span key={assertive.id}>{assertive.text}</span>}
      </div>
    </>
  );
}
