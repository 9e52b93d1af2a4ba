import { describe, expect, it } from 'vitest';
import type { ErrorCode, SessionView } from '@hearth/shared';
import { ModeratedSession } from './ModeratedSession';
import type { SessionClient } from './SessionClient';
import { DEFAULT_CAPTURE } from './localMedia';
import { RequestError } from './request';

/*
 * The participant's way in and out, against a fake socket and media client that answer as the
 * server does: which page the session is on after each answer, and what it sent.
 */

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

class FakeSocket {
  connected = true;
  readonly sent: { event: string; payload: unknown }[] = [];
  readonly #listeners = new Map<string, Set<(arg: unknown) => void>>();
  readonly io = { on: () => this.io };
  constructor(private readonly answer: (event: string, payload: unknown) => Ack | 'never') {}

  on(event: string, listener: (arg: unknown) => void) {
    if (!this.#listeners.has(event)) this.#listeners.set(event, new Set());
    this.#listeners.get(event)!.add(listener);
    return this;
  }
  off(event: string, listener: (arg: unknown) => void) {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, arg: unknown) {
    for (const l of this.#listeners.get(event) ?? []) l(arg);
  }
  timeout() {
    return {
      emitWithAck: (event: string, payload: unknown) => {
        this.sent.push({ event, payload });
        const ack = this.answer(event, payload);
        // 'never': the server does not answer (a refused handshake never delivers the request).
        return ack === 'never' ? new Promise(() => {}) : Promise.resolve(ack);
      },
    };
  }
}

/** The media client as far as ModeratedSession uses it; each connect() opens a new fake socket. */
function fakeMedia(answer: (event: string, payload: unknown) => Ack | 'never') {
  const sockets: FakeSocket[] = [];
  let status = 'idle';
  const media = {
    sockets,
    joins: 0,
    connect: () => {
      const s = new FakeSocket(answer);
      sockets.push(s);
      return s;
    },
    prepare: () => Promise.resolve({}),
    relocate: () => undefined,
    leave: async () => {
      status = 'left';
    },
    leaveMedia: () => {
      status = 'idle';
    },
    getState: () => ({ status, micOn: false, cameraOn: false }),
    join: async () => {
      media.joins++;
      const refused = answer('room:join', {});
      // SessionClient.join rejects with the server's refusal as request() does.
      if (refused !== 'never' && !refused.ok) throw new RequestError(refused.error.code as ErrorCode, refused.error.message);
      status = 'joined';
    },
    setMicOn: async () => undefined,
    dropCamera: () => undefined,
    serverAddress: undefined,
  };
  return media;
}

const ok = (data: unknown): Ack => ({ ok: true, data });
const fail = (code: string): Ack => ({ ok: false, error: { code, message: code.toLowerCase() } });
const identity = ok({ displayName: 'Alex', role: 'participant', sessionId: 's1', context: { groupName: 'Tuesday', title: 'T', timeZone: 'UTC' } });
const consent = { agreed: true as const, location: 'Home, Springfield', callbackNumber: '+1 555 0100' };
const view = (kind: 'waiting' | 'participant', version: number) =>
  ({ kind, version, sessionId: 's1', ended: false, self: { id: 'm1', micMuted: false, cameraOff: false }, facilitatorPresent: true }) as unknown as SessionView;

function sessionWith(media: ReturnType<typeof fakeMedia>) {
  return new ModeratedSession(media as unknown as SessionClient, DEFAULT_CAPTURE);
}

describe('ModeratedSession: the way in', () => {
  it('a refused link is its own problem page at once, from the handshake, not after the identity request times out', async () => {
    const media = fakeMedia(() => 'never');
    const session = sessionWith(media);
    const started = session.start();
    media.sockets[0]!.emit('connect_error', Object.assign(new Error('SESSION_ENDED'), { data: { code: 'SESSION_ENDED' } }));
    await started;
    expect(session.getState()).toMatchObject({ phase: 'credential-problem', problemCode: 'SESSION_ENDED' });
  });

  it('a link that is good shows the pre-join, with the group and time for its screens', async () => {
    const session = sessionWith(fakeMedia((event) => (event === 'session:identity' ? identity : 'never')));
    await session.start();
    expect(session.getState()).toMatchObject({ phase: 'prejoin', identity: { displayName: 'Alex', context: { groupName: 'Tuesday' } } });
  });

  it('a locked room is a refusal with Try again, which asks again with the same consent', async () => {
    let locked = true;
    const media = fakeMedia((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return locked ? fail('ROOM_LOCKED') : ok({ view: view('waiting', 3) });
      return 'never';
    });
    const session = sessionWith(media);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState()).toMatchObject({ phase: 'refused', problemCode: 'ROOM_LOCKED' });
    locked = false;
    await session.tryAgain();
    expect(session.getState().phase).toBe('waiting');
    expect(media.sockets[0]!.sent.filter((s) => s.event === 'session:enter').map((s) => s.payload)).toEqual([{ consent }, { consent }]);
  });

  it('removed on the way back in is the removed page, not a form error', async () => {
    const session = sessionWith(fakeMedia((event) => (event === 'session:identity' ? identity : event === 'session:enter' ? fail('REMOVED') : 'never')));
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'removed' });
  });
});

describe('ModeratedSession: leaving and coming back', () => {
  it('Leave tells the session, and Rejoin connects again and enters with the consent already given, into the waiting room', async () => {
    let entered = 0;
    const media = fakeMedia((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return ok({ view: view('waiting', ++entered) });
      if (event === 'session:leave') return ok({});
      return 'never';
    });
    const session = sessionWith(media);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState().phase).toBe('waiting');

    await session.leave();
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'left' });
    expect(media.sockets[0]!.sent.map((s) => s.event)).toContain('session:leave');

    await session.rejoin();
    expect(session.getState().phase).toBe('waiting');
    // A new connection, the same consent, no consent form on the way.
    expect(media.sockets).toHaveLength(2);
    expect(media.sockets[1]!.sent.filter((s) => s.event === 'session:enter').map((s) => s.payload)).toEqual([{ consent }]);
  });

  it('a drop whose way back is refused at the handshake (the session ended meanwhile) says so instead of "Reconnecting…"', async () => {
    const media = fakeMedia((event) => (event === 'session:identity' ? identity : event === 'session:enter' ? ok({ view: view('waiting', 2) }) : 'never'));
    const session = sessionWith(media);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    media.sockets[0]!.emit('disconnect', 'transport close');
    expect(session.getState().reconnecting).toBe(true);
    media.sockets[0]!.emit('connect_error', Object.assign(new Error('SESSION_ENDED'), { data: { code: 'SESSION_ENDED' } }));
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'ended', reconnecting: false });
  });

  it('a full server on joining the call: the session is left and the page says so, with Try again', async () => {
    const media = fakeMedia((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return ok({ view: view('participant', 4) });
      if (event === 'session:leave') return ok({});
      if (event === 'room:join') return fail('SERVER_FULL');
      return 'never';
    });
    const session = sessionWith(media);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    await expect.poll(() => session.getState().phase).toBe('refused');
    expect(session.getState().problemCode).toBe('SERVER_FULL');
    expect(media.sockets[0]!.sent.map((s) => s.event)).toContain('session:leave');
  });
});
