import type { InviteLink, Member } from '../../api/types';

/**
 * One row per member of the cohort: their live link, or why they have none. The API lists
 * live links only, so "revoked" is what this page did since it loaded; after a reload a
 * revoked link reads as "no link".
 */
export type InviteRow =
  | { state: 'live'; member: Member; link: InviteLink }
  | { state: 'revoked'; member: Member }
  | { state: 'none'; member: Member };

export function inviteRows(members: readonly Member[], links: readonly InviteLink[], revoked: ReadonlySet<string>): InviteRow[] {
  return members.map((member) => {
    // If two live links were ever listed for one member, the newest (last issued) is the one to send.
    const link = links.findLast((l) => l.memberId === member.id);
    if (link) return { state: 'live', member, link };
    return revoked.has(member.id) ? { state: 'revoked', member } : { state: 'none', member };
  });
}

/** Replaces a member's link with a new one (after a re-issue), or adds it. */
export function withLink(links: readonly InviteLink[], link: InviteLink): InviteLink[] {
  return [...links.filter((l) => l.memberId !== link.memberId), link];
}
