import { useEffect, useRef, useState } from 'react';
import { Ban, Check, Copy, Ellipsis, Link2, RotateCw } from 'lucide-react';
import type { InviteLink, Member } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../../ui/Menu';
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
 * One member's link: Copy in view, Re-issue and Revoke in a menu; revoking asks first. The
 * buttons' names carry the member's name for screen readers ("Copy link for Ana") while
 * showing the short label.
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
  const reissue = () => void onReissue(member).then(() => focusNext('copy'));

  return (
    <li ref={item} className={`staff-invite staff-invite-${row.state}`}>
      <div className="staff-row-main">
        <span className="staff-row-title">{member.pseudonym}</span>
        <span className="staff-row-meta">
          {row.state === 'live' && (
            <>
              <Link2 aria-hidden="true" /> Link expires {formatInZone(row.link.expiresAt, timeZone)}
            </>
          )}
          {row.state === 'revoked' && <strong className="staff-revoked">Revoked: this link no longer works.</strong>}
          {row.state === 'none' && 'No link yet'}
        </span>
      </div>
      <div className="staff-invite-actions">
        {row.state === 'live' ? (
          <>
            {/* Always present, so screen readers announce the word when it appears. */}
            <span role="status" className="staff-copied">
              {copied && <Check aria-hidden="true" />}
              {copied ? 'Copied' : ''}
            </span>
            <button type="button" className="btn" data-action="copy" disabled={disabled} onClick={() => void copy(row.link)}>
              <Copy aria-hidden="true" />
              Copy link<span className="visually-hidden"> for {member.pseudonym}</span>
            </button>
            <Menu>
              <MenuTrigger asChild>
                <button type="button" className="btn btn-icon" data-action="more" disabled={disabled} aria-label={`More for ${member.pseudonym}’s link`}>
                  <Ellipsis aria-hidden="true" />
                </button>
              </MenuTrigger>
              <MenuContent align="end">
                <MenuItem icon={<RotateCw aria-hidden="true" />} onSelect={reissue}>
                  Re-issue link
                </MenuItem>
                <MenuItem
                  danger
                  icon={<Ban aria-hidden="true" />}
                  // Opened once the menu has closed and handed the focus back, so the dialog keeps it.
                  onSelect={() => setTimeout(() => setConfirming(true), 0)}
                >
                  Revoke link
                </MenuItem>
              </MenuContent>
            </Menu>
          </>
        ) : (
          <button type="button" className="btn" data-action="reissue" disabled={disabled} onClick={reissue}>
            <RotateCw aria-hidden="true" />
            {row.state === 'none' ? 'Issue link' : 'Re-issue'}
            <span className="visually-hidden"> for {member.pseudonym}</span>
          </button>
        )}
      </div>
      {row.state === 'live' && (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Revoke ${member.pseudonym}’s link?`}
          description="It stops working at once, and anyone using it is disconnected. You can issue a new one afterwards."
          confirmLabel="Revoke link"
          danger
          onConfirm={() => void onRevoke(member, row.link).then(() => focusNext('reissue'))}
        />
      )}
      {row.state === 'live' && manual?.jti === row.link.jti && (
        <div className="field staff-manual-copy">
          <label htmlFor={`manual-${member.id}`}>The browser did not allow copying. Select the link and copy it:</label>
          <input id={`manual-${member.id}`} readOnly value={`${window.location.origin}${manual.url}`} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </li>
  );
}
