import { describe, expect, it } from 'vitest';
import { reduce } from './reduce.js';
import { as, groupInSession } from './testing.js';
import { viewFor } from './views.js';

const NOW = 5_000;

function accepted<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('weak links and audio only', () => {
  it('[LNK1] a member reports their own link; everyone in the room sees it, facilitators too', () => {
    const { state } = accepted(reduce(groupInSession(), { type: 'reportLink', quality: 'poor' }, as('P1'), NOW));
    const seenBy = (id: string) => {
      const view = viewFor(state, id, NOW);
      return view && 'members' in view ? view.members.find((m) => m.id === 'P1')?.link : undefined;
    };
    expect(seenBy('P2')).toBe('poor');
    expect(seenBy('F')).toBe('poor');
    expect(viewFor(state, 'P3', NOW)!.self.link).toBeNull();
  });

  it('[LNK1] someone in the waiting room cannot report, and a bad level is not a command', () => {
    const waiting = reduce(groupInSession(), { type: 'reportLink', quality: 'poor' }, as('W'), NOW);
    expect(waiting.ok ? undefined : waiting.error.code).toBe('NOT_ADMITTED');
  });

  it('[LNK3] audio only turns the camera off on the SFU; leaving it keeps the camera off', () => {
    const on = accepted(reduce(groupInSession(), { type: 'setAudioOnly', on: true }, as('P2'), NOW));
    expect(on.state.members['P2']).toMatchObject({ audioOnly: true, cameraOff: true });
    expect(on.effects).toContainEqual({ type: 'media.stopCamera', memberId: 'P2' });
    const off = accepted(reduce(on.state, { type: 'setAudioOnly', on: false }, as('P2'), NOW));
    expect(off.state.members['P2']).toMatchObject({ audioOnly: false, cameraOff: true });
    expect(viewFor(off.state, 'F', NOW)!.self.audioOnly).toBe(false);
  });

  it('[LNK3] a state stored before audio only existed reads as video with no link report', () => {
    const state = groupInSession();
    delete state.members['P1']!.audioOnly;
    delete state.members['P1']!.link;
    const view = viewFor(state, 'P1', NOW)!;
    expect(view.self).toMatchObject({ audioOnly: false, link: null });
  });
});
