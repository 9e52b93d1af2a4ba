import { useState } from 'react';
import { Send } from 'lucide-react';
import { Link } from 'wouter';
import type { GroupSession, InviteLink, Member } from '../../api/types';
import { copyText } from './copyText';
import { FormMessage } from './FormMessage';
import { InviteRowItem } from './InviteRowItem';
import { inviteRows, withLink } from './inviteRows';
import { paths } from './routes';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

type Props = { session: GroupSession; timeZone: string; members: Member[]; initialLinks: InviteLink[] };

/** One personal invite link per member: issue, copy, revoke, re-issue. */
export function InviteList({ session, timeZone, members, initialLinks }: Props) {
  const { api } = useStaff();
  const [links, setLinks] = useState(initialLinks);
  const [revoked, setRevoked] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState<string>();
  const { outcome, busy, run, clear } = useOutcome();
  const rows = inviteRows(members, links, revoked);
  const missing = rows.filter((r) => r.state !== 'live').length;

  /** Runs one change at a time and says how it went. */
  const act = (change: () => Promise<string>) => {
    setCopied(undefined);
    return run(change);
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
    clear();
    const ok = await copyText(`${window.location.origin}${link.url}`);
    setCopied(ok ? link.jti : undefined);
    return ok;
  };

  return (
    <section aria-labelledby="invites" className="card staff-section">
      <h2 id="invites">Invite links</h2>
      <p className="muted">
        Each member has their own link. Send it to them privately: whoever has it can join as them. Links of this session expire on the cohort’s
        clock ({timeZone}).
      </p>
      {members.length === 0 ? (
        <p className="notice">
          This cohort has no members yet. <Link to={paths.cohort(session.cohortId, 'members')}>Add members to the cohort</Link> first.
        </p>
      ) : (
        <>
          {missing > 0 && (
            <p>
              <button type="button" className={missing === rows.length ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => void issueAll()}>
                <Send aria-hidden="true" />
                {missing === rows.length ? 'Issue invite links' : `Issue links for ${missing} ${missing === 1 ? 'member' : 'members'} without one`}
              </button>
            </p>
          )}
          <ul className="staff-rows" aria-label="Invite links by member">
            {rows.map((row) => (
              <InviteRowItem
                key={row.member.id}
                row={row}
                timeZone={timeZone}
                disabled={busy}
                copied={row.state === 'live' && copied === row.link.jti}
                onCopy={copy}
                onRevoke={revoke}
                onReissue={reissue}
              />
            ))}
          </ul>
          <FormMessage error={outcome.error} status={outcome.status} />
        </>
      )}
    </section>
  );
}
