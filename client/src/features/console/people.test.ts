import { describe, expect, it } from 'vitest';
import { SYSTEM, viewFor, type SessionState } from '@hearth/shared';
import { FACILITATOR_COMMAND_EXAMPLES, as, given, groupInSession } from '@hearth/shared/testing';
import type { FacilitatorView } from './alerts';
import { peopleRows } from './people';

const F = as('F');

function rowsFor(state: SessionState, id = 'F') {
  const view = viewFor(state, id, 10_000);
  if (view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
  return peopleRows(view as FacilitatorView);
}

const kinds = (state: SessionState, who: string) => rowsFor(state).find((r) => r.member.id === who)!.statuses.map((s) => s.kind);

describe('the People tab', () => {
  it('lists everyone in the room but oneself, the co-facilitator marked, nobody waiting', () => {
    const rows = rowsFor(groupInSession());
    expect(rows.map((r) => r.member.id)).toEqual(['G', 'P1', 'P2', 'P3']);
    expect(kinds(groupInSession(), 'G')).toEqual(['facilitator']);
  });

  it('shows what is true of each member now: hand and place, mutes, camera, reconnecting, spotlight', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P3')],
      [{ type: 'raiseHand' }, as('P1')],
      [{ type: 'mute', memberId: 'P1' }, F],
      [{ type: 'setMicMuted', muted: true }, as('P2')],
      [{ type: 'stopCamera', memberId: 'P2' }, F],
      [{ type: 'spotlight', memberId: 'P3' }, F],
      [{ type: 'connectionLost', memberId: 'P3' }, SYSTEM],
    ]);
    expect(kinds(s, 'P1')).toEqual(['hand', 'muted-by-facilitator']);
    expect(rowsFor(s).find((r) => r.member.id === 'P1')!.statuses[0]).toMatchObject({ short: '2', label: 'hand raised, number 2 in line' });
    expect(kinds(s, 'P2')).toEqual(['muted', 'camera-off']);
    expect(kinds(s, 'P3')).toEqual(['spotlight', 'reconnecting', 'hand']);
  });

  it('[LNK1] marks who is on a weak connection and [LNK3] who is audio only', () => {
    const s = given(groupInSession(), [
      [{ type: 'reportLink', quality: 'poor' }, as('P1')],
      [{ type: 'reportLink', quality: 'fair' }, as('P2')],
      [{ type: 'setAudioOnly', on: true }, as('P2')],
    ]);
    expect(kinds(s, 'P1')).toEqual(['poor-link']);
    expect(rowsFor(s).find((r) => r.member.id === 'P1')!.statuses[0]!.label).toBe('on a weak connection');
    expect(kinds(s, 'P2')).toEqual(['audio-only']);
  });

  it('says who is aside with whom, and who is in a pair with whom', () => {
    const aside = given(groupInSession(), [[{ type: 'pullAside', memberId: 'P2' }, as('G')]]);
    expect(rowsFor(aside).find((r) => r.member.id === 'P2')).toMatchObject({ aside: true, statuses: [{ kind: 'aside', label: 'aside with G' }] });
    const paired = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, F]]);
    expect(rowsFor(paired).find((r) => r.member.id === 'P1')!.statuses).toEqual([{ kind: 'pair', label: 'in a pair with P2' }]);
  });

  it('draws talk-time relative to whoever has talked most', () => {
    const s = given(groupInSession(), [
      [{ type: 'recordTalkTime', memberId: 'P1', ms: 120_000 }, SYSTEM],
      [{ type: 'recordTalkTime', memberId: 'P2', ms: 30_000 }, SYSTEM],
    ]);
    const byId = new Map(rowsFor(s).map((r) => [r.member.id, r]));
    expect(byId.get('P1')).toMatchObject({ talkShare: 1, talkTime: '2:00' });
    expect(byId.get('P2')).toMatchObject({ talkShare: 0.25, talkTime: '0:30' });
    expect(byId.get('P3')!.talkShare).toBe(0);
  });
});
