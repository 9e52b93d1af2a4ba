import { describe, expect, it, vi } from 'vitest';
import { RECONNECT_GRACE_MS, RETURN_COUNTDOWN_MS, SYSTEM, audibleMemberIds, type SessionView } from '@hearth/shared';
import { consent } from '@hearth/shared/testing';
import { createLogger } from '../logger.js';
import { KeyedAuditLog } from '../store/KeyedAuditLog.js';
import { LiveSession, MAX_QUEUED_MEMBER_COMMANDS, type MediaControl, type MemberLink } from './LiveSession.js';
import { memoryStores } from '../store/Stores.js';
import { isPresence } from '../store/SessionLog.js';

// The session layer on its own: real model, real memory stores, a recording media layer.
function setup(media: Partial<MediaControl> = {}) {
  const calls: string[] = [];
  const control: MediaControl = {
    reconcile: async () => void calls.push('reconcile'),
    stopCamera: async (_s, m) => void calls.push(`stopCamera ${m}`),
    detach: async (_s, m) => void calls.push(`detach ${m}`),
    ...media,
  };
  let now = 1_000;
  const stores = memoryStores(() => now);
  const store = stores.sessionStates;
  const audit = new KeyedAuditLog({ store: stores.audit, key: Buffer.alloc(32, 7), sinks: [], sources: [], clock: () => now, log: createLogger('silent') });
  const attendance = stores.attendance;
  const deps = { store, audit, attendance, pairs: stores.pairs, media: control, log: createLogger('silent'), clock: () => now };
  return { deps, calls, store, audit, attendance, advance: (ms: number) => (now += ms) };
}

function recordingLink() {
  const views: SessionView[] = [];
  const closed: string[] = [];
  const link: MemberLink = {
    send: (event, payload) => {
      if (event === 'session:updated') views.push((payload as { view: SessionView }).view);
    },
    close: (reason) => void closed.push(reason),
  };
  return { link, views, closed };
}

async function groupOfTwo(s: ReturnType<typeof setup>) {
  const session = await LiveSession.open('s1', s.deps);
  await session.run({ type: 'enter', member: { id: 'F', displayName: 'Fran', role: 'facilitator' }, consent: null }, SYSTEM);
  await session.run({ type: 'enter', member: { id: 'P', displayName: 'Pat', role: 'participant' }, consent }, SYSTEM);
  await session.run({ type: 'admit', memberId: 'P' }, { kind: 'member', memberId: 'F' });
  return session;
}

describe('LiveSession', () => {
  it('keeps its state in the store and picks it up again after a restart', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    s.advance(1_000);
    const reopened = await LiveSession.open('s1', s.deps);
    // Everything as it was, except that nobody is connected to the new process yet: each
    // member is reconnecting, in place, within the grace period.
    const { members, version, ...rest } = reopened.snapshot;
    const { members: before, version: beforeVersion, ...restBefore } = session.snapshot;
    expect(rest).toEqual(restBefore);
    expect(version).toBeGreaterThan(beforeVersion);
    // CAM1: a connection that is gone sends no camera.
    expect(members['P']).toEqual({ ...before['P'], connected: false, disconnectedAt: 2_000, videoSent: false });
    expect(members['F']).toMatchObject({ status: 'admitted', connected: false });
    // Coming back within the grace period, P is where they were.
    await reopened.run({ type: 'connectionResumed', memberId: 'P' }, SYSTEM);
    expect(reopened.snapshot.members['P']).toMatchObject({ status: 'admitted', connected: true });
  });

  it('after a restart, whoever does not come back within the grace period has left, and their attendance ends when they dropped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = setup();
      await groupOfTwo(s);
      s.advance(10 * 60_000);
      const reopened = await LiveSession.open('s1', s.deps);
      s.advance(RECONNECT_GRACE_MS);
      await vi.advanceTimersByTimeAsync(RECONNECT_GRACE_MS + 10);
      await expect.poll(() => reopened.snapshot.members['P']?.status).toBe('left');
      expect((await s.attendance.events('s1')).filter(isPresence)).toEqual([
        { memberId: 'P', kind: 'in', at: 1_000, mode: 'video' },
        { memberId: 'P', kind: 'out', at: 601_000 },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('squares attendance with the state when a session is picked up again', async () => {
    const s = setup();
    await groupOfTwo(s);
    // The old process wrote the state but stopped before writing P's attendance.
    const stored = await s.store.load('s1');
    await s.store.save({ ...stored!, members: { ...stored!.members, Q: { ...stored!.members['P']!, id: 'Q', displayName: 'Quinn' } } });
    s.advance(5_000);
    await LiveSession.open('s1', s.deps);
    expect(await s.attendance.events('s1')).toEqual([
      { memberId: 'P', kind: 'in', at: 1_000, mode: 'video' },
      // CAM1: no camera has reached the SFU since P came in.
      { memberId: 'P', kind: 'camera-off', at: 1_000 },
      { memberId: 'Q', kind: 'in', at: 6_000, mode: 'video' },
      { memberId: 'Q', kind: 'camera-off', at: 6_000 },
    ]);
  });

  it('closes once it has ended and nobody is connected, and tells its registry once', async () => {
    const s = setup();
    let closed = 0;
    const session = await LiveSession.open('s1', s.deps, () => closed++);
    await session.run({ type: 'enter', member: { id: 'F', displayName: 'Fran', role: 'facilitator' }, consent: null }, SYSTEM);
    const f = recordingLink();
    session.link('F', f.link);
    await session.run({ type: 'end' }, { kind: 'member', memberId: 'F' });
    expect(closed).toBe(1);
    session.close();
    expect(closed).toBe(1);
  });

  it('close() stops its timers: a turn due later never moves on', async () => {
    vi.useFakeTimers();
    try {
      const s = setup();
      const session = await groupOfTwo(s);
      const F = { kind: 'member', memberId: 'F' } as const;
      await session.run({ type: 'startRound', prompt: 'p', order: 'roster', turnSeconds: 60, feedbackSeconds: null, speakerOnly: false }, F);
      const round = session.snapshot.round;
      session.close();
      s.advance(120_000);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(session.snapshot.round).toBe(round);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records attendance as the room changes, and audits in one verified chain', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    s.advance(60_000);
    await session.run({ type: 'sendToWaiting', memberId: 'P' }, { kind: 'member', memberId: 'F' });
    expect((await s.attendance.events('s1')).filter(isPresence)).toEqual([
      { memberId: 'P', kind: 'in', at: 1_000, mode: 'video' },
      { memberId: 'P', kind: 'out', at: 61_000 },
    ]);
    const entries = await s.audit.all();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries.every((e) => e.sessionId === 's1')).toBe(true);
  });

  it('[BRK11] appends who met to the pair history once, when everyone is back', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const F = { kind: 'member', memberId: 'F' } as const;
    await session.run({ type: 'enter', member: { id: 'Q', displayName: 'Quinn', role: 'participant' }, consent }, SYSTEM);
    await session.run({ type: 'admit', memberId: 'Q' }, F);
    await session.run({ type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups: [['P', 'Q']] }, F);
    await session.run({ type: 'endBreakout' }, F);
    expect(await s.deps.pairs.events('s1')).toEqual([]);
    s.advance(RETURN_COUNTDOWN_MS);
    await session.run({ type: 'breakoutTick' }, SYSTEM);
    await session.run({ type: 'sendToWaiting', memberId: 'P' }, F);
    expect((await s.deps.pairs.events('s1')).map((r) => r.groups)).toEqual([[['P', 'Q']]]);
  });

  it('carries out media effects, brings media in line before answering every accepted command, and audits', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const before = s.calls.length;
    await session.run({ type: 'mute', memberId: 'P' }, { kind: 'member', memberId: 'F' });
    await session.run({ type: 'stopCamera', memberId: 'P' }, { kind: 'member', memberId: 'F' });
    // Refused: nothing changed, nothing to bring in line.
    expect((await session.run({ type: 'mute', memberId: 'F' }, { kind: 'member', memberId: 'P' })).ok).toBe(false);
    expect(s.calls.slice(before)).toEqual(['reconcile', 'stopCamera P', 'reconcile']);
    expect((await s.audit.all()).map((e) => e.action)).toEqual(['entered', 'admitted', 'entered', 'consent-given', 'admitted']);
  });

  it('one failing media effect does not stop the others', async () => {
    const s = setup({ detach: async () => Promise.reject(new Error('peer already gone')) });
    const session = await groupOfTwo(s);
    const p = recordingLink();
    session.link('P', p.link);
    const outcome = await session.run({ type: 'remove', memberId: 'P', reason: 'r' }, { kind: 'member', memberId: 'F' });
    expect(outcome.ok).toBe(true);
    await expect.poll(() => p.closed).toEqual(['removed']);
    expect((await s.audit.all()).at(-1)).toMatchObject({ action: 'removed', actorId: 'F', targetId: 'P' });
  });

  it('sends each linked member their own view after a change, and closes the link of someone removed', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const f = recordingLink();
    const p = recordingLink();
    session.link('F', f.link);
    session.link('P', p.link);
    await session.run({ type: 'raiseHand' }, { kind: 'member', memberId: 'P' });
    expect(f.views.at(-1)?.kind).toBe('facilitator');
    expect(p.views.at(-1)?.kind).toBe('participant');
    expect(f.views.at(-1)!.version).toBe(p.views.at(-1)!.version);
    await session.run({ type: 'remove', memberId: 'P', reason: 'r' }, { kind: 'member', memberId: 'F' });
    await expect.poll(() => p.closed).toEqual(['removed']);
  });

  it('a second connection for the same member replaces the first', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const first = recordingLink();
    const second = recordingLink();
    session.link('P', first.link);
    session.link('P', second.link);
    expect(first.closed).toEqual(['replaced']);
    expect(session.unlink('P', first.link)).toBe(false);
    expect(session.unlink('P', second.link)).toBe(true);
  });

  it('[TLK1] gathers talk-time heard on the SFU and records it in one change per member', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const f = recordingLink();
    session.link('F', f.link);
    const version = session.snapshot.version;
    for (let i = 0; i < 3; i++) session.addTalkTime('P', 1_000);
    session.addTalkTime('stranger', 1_000);
    await session.flushTalkTime();
    expect(session.snapshot.members['P']!.talkTimeMs).toBe(3_000);
    expect(session.snapshot.version).toBe(version + 1);
    const view = f.views.at(-1);
    if (view?.kind !== 'facilitator') throw new Error('no facilitator view');
    expect(view.members.find((m) => m.id === 'P')!.talkTimeMs).toBe(3_000);
  });

  it('[RND6] owns the turn timer: the turn moves on at its deadline, also after a restart from the store', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = setup();
      let now = 0;
      s.deps.clock = () => now;
      const session = await groupOfTwo(s);
      await session.run({ type: 'enter', member: { id: 'Q', displayName: 'Quinn', role: 'participant' }, consent }, SYSTEM);
      await session.run({ type: 'admit', memberId: 'Q' }, { kind: 'member', memberId: 'F' });
      await session.run(
        { type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 60, feedbackSeconds: null, speakerOnly: true },
        { kind: 'member', memberId: 'F' },
      );
      expect(session.snapshot.round!.turn.speakerId).toBe('P');
      // The media room, brought in line before the answer, hears only the speaker and the facilitator.
      expect(s.calls.at(-1)).toBe('reconcile');
      expect(audibleMemberIds(session.snapshot).sort()).toEqual(['F', 'P']);

      // A server restart: a new LiveSession from the store, 50 s into the turn.
      now = 50_000;
      const restarted = await LiveSession.open('s1', s.deps);
      // P's connection comes back to the new process; a returning speaker keeps at least the grace (RND9).
      await restarted.run({ type: 'connectionResumed', memberId: 'P' }, SYSTEM);
      const deadline = restarted.snapshot.round!.turn.deadline;
      expect(deadline).toBeGreaterThanOrEqual(60_000);
      now = deadline;
      await vi.advanceTimersByTimeAsync(deadline - 50_000 + 10);
      await expect.poll(() => restarted.snapshot.round?.turn.speakerId).toBe('Q');
      expect(restarted.snapshot.turnRecords.at(-1)).toMatchObject({ speakerId: 'P', outcome: 'timed-out' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LiveSession breaks', () => {
  it('[REST3][REST4] owns the break timer: the break ends when everyone was told, after a restart too, and the log has it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = setup();
      let now = 0;
      s.deps.clock = () => now;
      const session = await groupOfTwo(s);
      now = 60_000;
      await session.run({ type: 'startBreak', minutes: 10 }, { kind: 'member', memberId: 'F' });
      expect(session.snapshot.onBreak).toEqual({ startedAt: 60_000, endsAt: 660_000 });
      expect(s.calls).toContain('stopCamera P');

      // The server restarts four minutes in: the new process carries the break and its timer.
      now = 300_000;
      const restarted = await LiveSession.open('s1', s.deps);
      expect(restarted.snapshot.onBreak?.endsAt).toBe(660_000);
      now = 660_000;
      await vi.advanceTimersByTimeAsync(660_000 - 300_000 + 10);
      await expect.poll(() => restarted.snapshot.onBreak).toBeNull();
      expect(restarted.snapshot.breaks).toEqual([{ startedAt: 60_000, endedAt: 660_000 }]);
      const logged = (await s.attendance.events('s1')).filter((e) => e.kind === 'break-start' || e.kind === 'break-end');
      expect(logged).toEqual([
        { kind: 'break-start', at: 60_000 },
        { kind: 'break-end', at: 660_000 },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LiveSession under load', () => {
  it('[VER1] a command that changes nothing is answered and sends nobody a snapshot', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    const f = recordingLink();
    const p = recordingLink();
    session.link('F', f.link);
    session.link('P', p.link);
    const asP = { kind: 'member', memberId: 'P' } as const;
    const first = await session.run({ type: 'setMicMuted', muted: true }, asP);
    const again = await session.run({ type: 'setMicMuted', muted: true }, asP);
    expect(again).toEqual(first);
    expect(f.views).toHaveLength(1);
    expect(p.views).toHaveLength(1);
  });

  it('refuses members’ commands past a full queue with RATE_LIMITED, changing nothing; the server’s own still queue', async () => {
    const s = setup();
    const session = await groupOfTwo(s);
    // A slow store: every command waits for it, so the queue fills.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const save = s.store.save.bind(s.store);
    s.store.save = async (state) => {
      await gate;
      await save(state);
    };
    const asP = { kind: 'member', memberId: 'P' } as const;
    const before = session.snapshot.version;
    const queued = Array.from({ length: MAX_QUEUED_MEMBER_COMMANDS }, (_, i) => session.run({ type: 'setMicMuted', muted: i % 2 === 0 }, asP));
    await expect(session.run({ type: 'raiseHand' }, asP)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const system = session.run({ type: 'connectionLost', memberId: 'P' }, SYSTEM);
    release();
    await Promise.all([...queued, system]);
    // Every queued command ran, the system one too; the refused hand was never raised.
    expect(session.snapshot.version).toBe(before + MAX_QUEUED_MEMBER_COMMANDS + 1);
    expect(session.snapshot.handQueue).toEqual([]);
    expect(session.snapshot.members['P']!.connected).toBe(false);
  });
});
