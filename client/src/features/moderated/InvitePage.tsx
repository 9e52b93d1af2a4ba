import { useEffect } from 'react';
import { ModeratedPage } from './ModeratedPage';
import { NoticePage } from './NoticePage';
import type { PageWords } from './problems';
import { hideInvite, rememberedInvite } from './inviteAddress';

const NO_LINK: PageWords = {
  title: 'Open your link again',
  text: 'This page needs the personal link your clinic sent you.',
  next: 'Open the whole link from your clinic’s message again.',
  tone: 'attention',
};

/**
 * A participant's way in: from their link (`/join/<token>`), then, once the token has left
 * the address bar, from this tab's memory of it (a reload). The session is keyed by the
 * token, so the address changing under it does not open it again.
 */
export function InvitePage({ fromAddress }: { fromAddress: string | undefined }) {
  const invite = fromAddress ?? rememberedInvite(window.sessionStorage);
  useEffect(() => {
    if (fromAddress) hideInvite(fromAddress, window.sessionStorage, window.location, (...args) => window.history.replaceState(...args), window.history.state);
  }, [fromAddress]);
  if (!invite) return <NoticePage words={NO_LINK} testId="credential-problem" data={{ 'data-problem': 'INVITE_MISSING' }} />;
  return <ModeratedPage key={invite} credential={{ invite }} />;
}
