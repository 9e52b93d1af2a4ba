import { describe, expect, it } from 'vitest';
import { SYSTEM, viewFor, type SessionState } from '@hearth/shared';
import { FACILITATOR_COMMAND_EXAMPLES, as, consent, given, groupInSession } from '@hearth/shared/testing';
import { describeAlerts, newSince, openAlerts, titleWithCount, type FacilitatorView } from './alerts';

const F = as('F');

function facilitatorView(state: SessionState, id = 'F'): FacilitatorView {
  const view = viewFor(state, id, 10_000);
  if (view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
  return view;
}

/** groupInSession (W waiting since 1 000), then X arrives at 3 000 and P1 asks for help at 2 000. */
function busyEvening(): SessionState {
  const withHelp = given(groupInSession(), [[{ type: 'requestHelp' }, as('P1')]], 2_000);
  return given(withHelp, [[{ type: 'enter', member: { id: 'X', displayName: 'Xan', role: 'participant' }, consent }, SYSTEM]], 3_000);
}

describe('the console alert area', () => {
  it('lists help requests and arrivals newest first, for every facilitator alike', () => {
    const alerts = openAlerts(facilitatorView(busyEvening()));
    expect(alerts.map((a) => a.key)).toEqual(['waiting:X:3000', 'help:P1:2000', 'waiting:W:1000']);
    expect(openAlerts(facilitatorView(busyEvening(), 'G')).map((a) => a.key)).toEqual(alerts.map((a) => a.key));
    const help = alerts[1]!;
    expect(help.kind === 'help' && help.member.consent).toMatchObject({ location: 'Home, Springfield', callbackNumber: '+1 555 0100' });
  });

  it('an item stays until a facilitator acts: acknowledged, admitted or denied, it is gone', () => {
    const s = given(busyEvening(), [
      [{ type: 'acknowledgeHelp', memberId: 'P1' }, F],
      [{ type: 'admit', memberId: 'X' }, as('G')],
      [{ type: 'deny', memberId: 'W' }, F],
    ]);
    expect(openAlerts(facilitatorView(s))).toEqual([]);
  });

  it('a pair asking for a facilitator is an item until acknowledged or visited (BRK18)', () => {
    const pairs = given(groupInSession(), [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, F], [{ type: 'askPairHelp' }, as('P2')]], 4_000);
    const alerts = openAlerts(facilitatorView(pairs));
    expect(alerts[0]).toMatchObject({ kind: 'pair-help', groupId: 'g1', names: ['P1', 'P2'], at: 4_000 });
    expect(describeAlerts([alerts[0]!])).toBe('P1 & P2 asked for a facilitator.');
    const visited = given(pairs, [[{ type: 'listenIn', groupId: 'g1' }, as('G')]]);
    expect(openAlerts(facilitatorView(visited)).map((a) => a.kind)).toEqual(['waiting']);
  });

  it('what is new since the last look: a repeated request counts again, an old one does not', () => {
    const before = new Set(openAlerts(facilitatorView(groupInSession())).map((a) => a.key));
    const fresh = newSince(before, openAlerts(facilitatorView(busyEvening())));
    expect(describeAlerts(fresh)).toBe('Xan is waiting to be admitted. P1 asked for help.');
    const acknowledged = given(busyEvening(), [[{ type: 'acknowledgeHelp', memberId: 'P1' }, F]]);
    const again = given(acknowledged, [[{ type: 'requestHelp' }, as('P1')]], 5_000);
    const seen = new Set(openAlerts(facilitatorView(busyEvening())).map((a) => a.key));
    expect(newSince(seen, openAlerts(facilitatorView(again))).map((a) => a.key)).toEqual(['help:P1:5000']);
  });

  it('the page title carries the count while something is open, and loses it after', () => {
    expect(titleWithCount('Evening group · Hearth', 2)).toBe('(2) Evening group · Hearth');
    expect(titleWithCount('(2) Evening group · Hearth', 3)).toBe('(3) Evening group · Hearth');
    expect(titleWithCount('(3) Evening group · Hearth', 0)).toBe('Evening group · Hearth');
  });
});
