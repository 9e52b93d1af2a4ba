import { describe, expect, it } from 'vitest';
import type { InviteLink, Member } from '../../api/types';
import { inviteRows, withLink } from './inviteRows';

const member = (id: string, pseudonym: string): Member => ({ id, cohortId: 'c1', pseudonym, createdAt: '2025-03-03T12:00:00.000Z' });
const link = (jti: string, memberId: string): InviteLink => ({ jti, memberId, pseudonym: 'x', url: `/join/${jti}`, expiresAt: '2025-03-05T06:00:00.000Z' });

describe('inviteRows', () => {
  const ana = member('m1', 'Ana');
  const ben = member('m2', 'Ben');
  const cy = member('m3', 'Cy');

  it('gives every member a row in the cohort’s order: live, revoked here, or no link yet', () => {
    const rows = inviteRows([ana, ben, cy], [link('j2', 'm2')], new Set(['m1']));
    expect(rows.map((r) => [r.member.pseudonym, r.state])).toEqual([
      ['Ana', 'revoked'],
      ['Ben', 'live'],
      ['Cy', 'none'],
    ]);
  });

  it('shows a re-issued link as live even if it was revoked before', () => {
    const rows = inviteRows([ana], withLink([link('j1', 'm1')], link('j9', 'm1')), new Set(['m1']));
    expect(rows).toEqual([{ state: 'live', member: ana, link: link('j9', 'm1') }]);
  });

  it('ignores links of people who are not members (any more)', () => {
    expect(inviteRows([ana], [link('j5', 'gone')], new Set())).toEqual([{ state: 'none', member: ana }]);
  });
});
