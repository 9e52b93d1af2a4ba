import { useEffect, useRef, useState } from 'react';
import type { InviteLink, Member } from '../../api/types';
import type { InviteRow } from './inviteRows';
import { formatInZone } from './zonedTime';

type Props = {
  row: InviteRow;
  timeZone: string;
  disabled: boolean;
  copied: boolean;
  onCopy: (link: InviteLink) => Promise<boolean>;
  onRevoke: (member: Member, link: InviteLink) => Promise<void>;
  onReissue: (member: Member) => Promise<void>;
};

/**
 * One member's link. Revoking asks first; the button names carry the member's name for
 * screen readers ("Copy link for Ana") while showing the short label.
 */
export function InviteRowItem({ row, timeZone, disabled, copied, onCopy, onRevoke, onReissue }: Props) {
  const { member } = row;
  const [confirming, setConfirming] = useState(false);
  /** The link to copy by hand, where the browser would not copy it. */
  const [manual, setManual] = useState<InviteLink>();
  const item = useRef<HTMLLIElement>(null);
  // The button that had the focus may be gone after a change; the focus moves to the next step's button.
  const [focusRequest, setFocusRequest] = useState<{ action: string }>();
  useEffect(() => {
    if (focusRequest) item.current?.querySelector<HTMLElement>(`[data-action="${focusRequest.action}"]`)?.focus();
  }, [focusRequest]);
  const focusNext = (action: string) => setFocusRequest({ action });

  const copy = async (link: InviteLink) => {
    const ok = await onCopy(link);
    // Where the browser will not copy, show the link to copy by hand.
    setManual(ok ? undefined : link);
  };
  const revoke = async (link: InviteLink) => {
    setConfirming(false);
    await onRevoke(member, link);
    focusNext('reissue');
  };

  return (
    <li ref={item} className={`staff-invite staff-invite-${row.state}`}>
      <div className="staff-invite-who">
        <span className="staff-row-title">{member.pseudonym}</span>
        <span className="staff-invite-state">
          {row.state === 'live' && <>Link expires {formatInZone(row.link.expiresAt, timeZone)}</>}
          {row.state === 'revoked' && <strong>Revoked: this link no longer works.</strong>}
          {row.state === 'none' && 'No link yet'}
        </span>
      </div>
      {!confirming && (
        <div className="staff-actions">
          {row.state === 'live' && (
            <>
              <button type="button" data-action="copy" disabled={disabled} onClick={() => void copy(row.link)}>
                Copy link<span className="staff-sr"> for {member.pseudonym}</span>
              </button>
              <button
                type="button"
                className="quiet"
                data-action="revoke"
                disabled={disabled}
                onClick={() => {
                  setConfirming(true);
                  focusNext('confirm-revoke');
                }}
              >
                Revoke<span className="staff-sr"> {member.pseudonym}’s link</span>
              </button>
            </>
          )}
          <button
            type="button"
            className="quiet"
            data-action="reissue"
            disabled={disabled}
            onClick={() => void onReissue(member).then(() => focusNext('copy'))}
          >
            {row.state === 'none' ? 'Issue link' : 'Re-issue'}
            <span className="staff-sr"> for {member.pseudonym}</span>
          </button>
          {row.state === 'live' && (
            // Always present, so screen readers announce the word when it appears.
            <span role="status" className="staff-copied">
              {copied ? 'Copied' : ''}
            </span>
          )}
        </div>
      )}
      {confirming && row.state === 'live' && (
        <div className="staff-confirm" role="group" aria-label={`Revoke ${member.pseudonym}’s link?`}>
          <p>
            Revoke {member.pseudonym}’s link? It stops working at once. You can issue a new one afterwards.
          </p>
          <div className="staff-actions">
            <button type="button" className="staff-danger" data-action="confirm-revoke" onClick={() => void revoke(row.link)}>
              Yes, revoke
            </button>
            <button
              type="button"
              className="quiet"
              onClick={() => {
                setConfirming(false);
                focusNext('revoke');
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {row.state === 'live' && manual?.jti === row.link.jti && (
        <div className="staff-manual-copy">
          <label htmlFor={`manual-${member.id}`}>The browser did not allow copying. Select the link and copy it:</label>
          <input id={`manual-${member.id}`} readOnly value={`${window.location.origin}${manual.url}`} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </li>
  );
}
