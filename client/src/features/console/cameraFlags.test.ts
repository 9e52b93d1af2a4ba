import { describe, expect, it } from 'vitest';
import { SYSTEM, viewFor, type SessionState } from '@hearth/shared';
import { given, groupInSession } from '@hearth/shared/testing';
import type { FacilitatorView } from './alerts';
import { cameraOffFlags } from './cameraFlags';

const MIN = 60_000;

function facilitatorView(state: SessionState): FacilitatorView {
  const view = viewFor(state, 'F', 0);
  if (view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
  return view;
}

describe('[CAM2] the console flags a camera off too long', () => {
  // P1–P3 admitted at 1_000; P2 and P3 send a camera from 2_000, P3's stops at 3 min.
  const state = given(
    groupInSession(),
    [
      [{ type: 'videoSent', memberId: 'P2', sent: true }, SYSTEM],
      [{ type: 'videoSent', memberId: 'P3', sent: true }, SYSTEM],
    ],
    2_000,
  );
  const s = given(state, [[{ type: 'videoSent', memberId: 'P3', sent: false }, SYSTEM]], 3 * MIN);

  it('in whole minutes, only past the limit, only for those whose camera is off', () => {
    const view = facilitatorView(s);
    expect(cameraOffFlags(view, 1_000 + 5 * MIN, 5)).toEqual(new Map());
    expect(cameraOffFlags(view, 1_000 + 5 * MIN + 1, 5)).toEqual(new Map([['P1', 5]]));
    expect(cameraOffFlags(view, 10 * MIN, 5)).toEqual(new Map([['P1', 9], ['P3', 7]]));
  });

  it('not at all without a limit, and gone when the camera is back', () => {
    expect(cameraOffFlags(facilitatorView(s), 60 * MIN, undefined).size).toBe(0);
    const back = given(s, [[{ type: 'videoSent', memberId: 'P3', sent: true }, SYSTEM]], 20 * MIN);
    expect([...cameraOffFlags(facilitatorView(back), 21 * MIN, 5).keys()]).toEqual(['P1']);
  });
});
