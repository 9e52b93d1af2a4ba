import { useState } from 'react';
import type { GroupSession, InviteLink, Member } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { copyText } from './copyText';
import { FormMessage } from './FormMessage';
import { InviteRowItem } from './InviteRowItem';
import { inviteRows, withLink } from './inviteRows';
import { Link } from './Link';
import { paths } from './routes';
import { useStaff } from './staffContext';

type Props = { session: GroupSession; timeZone: string; members: Member[]; initialLinks: InviteLink[] };

/** One personal invite link per member: issue, copy, revoke, re-issue. */
export function InviteList({ session, timeZone, members, initialLinks }: Props) {
  const { api } = useStaff();
  const [links, setLinks] = useState(initialLinks);
  const [revoked, setRevoked] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const rows = inviteRows(members, links, revoked);
  const missing = rows.filter((r) => r.state !== 'live').length;
  const ended = session.status === 'ended';

  /** Runs one change at a time and says how it went. */
  const act = async (change: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    setCopied(undefined);
    try {
      setStatus(await change());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const issueAll = () =>
    act(async () => {
      setLinks(await api.issueInvites(session.id));
      setRevoked(new Set());
      return missing === 1 ? 'One new link issued.' : `${missing} new links issued.`;
    });

  const reissue = (member: Member) =>
    act(async () => {
      const link = await api.reissueInvite(session.id, member.id);
      setLinks((all) => withLink(all, link));
      return `New link for ${member.pseudonym}. Any earlier link of theirs no longer works.`;
    });

  const revoke = (member: Member, link: InviteLink) =>
    act(async () => {
      await api.revokeInvite(link.jti);
      setLinks((all) => all.filter((l) => l.jti !== link.jti));
      setRevoked((set) => new Set(set).add(member.id));
      return `${member.pseudonym}’s link is revoked.`;
    });

  const copy = async (link: InviteLink): Promise<boolean> => {
    setError(undefined);
    setStatus(undefined);
    const ok = await copyText(`${window.location.origin}${link.url}`);
    setCopied(ok ? link.jti : undefined);
    return ok;
  };

  return (
    <section aria-labelledby="invites" className="staff-section">
      <h2 id="invites">Invite links</h2>
      {ended ? (
        <p className="staff-notice">This session has ended. Its invite links no longer work.</p>
      ) : (
        <p className="staff-lead">
          Each member has their own link. Send it to them privately: whoever has it can join as them. Links of this session expire on the
          cohort’s clock ({timeZone}).
        </p>
      )}
      {members.length === 0 ? (
        <p className="staff-muted">
          This cohort has no members yet. <Link to={paths.cohort(session.cohortId)}>Add members to the cohort</Link> first.
        </p>
      ) : (
        <>
          {!ended && missing > 0 && (
            <button
              type="button"
              className={missing === rows.length ? 'staff-issue' : 'staff-issue quiet'}
              disabled={busy}
              onClick={() => void issueAll()}
            >
              {missing === rows.length ? 'Issue invite links' : `Issue links for ${missing} ${missing === 1 ? 'member' : 'members'} without one`}
            </button>
          )}
          <ul className="staff-invites" aria-label="Invite links by member">
            {rows.map((row) => (
              <InviteRowItem
                key={row.member.id}
                row={row}
                timeZone={timeZone}
                disabled={busy || ended}
                copied={row.state === 'live' && copied === row.link.jti}
                onCopy={copy}
                onRevoke={revoke}
                onReissue={reissue}
              />
            ))}
          </ul>
          <FormMessage error={error} status={status} />
        </>
      )}
    </section>
  );
}
