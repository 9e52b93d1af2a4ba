import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '@hearth/shared';
import { generateRouterRtpCapabilities } from 'mediasoup-client/fakeParameters';
import { isReconnecting, ModeratedSession } from './ModeratedSession';
import { DEFAULT_CAPTURE } from './localMedia';
import { SessionConnection, type ConnectionDeps } from './SessionConnection';
import { fakeDevice } from './testing/fakeMedia';
import { FakeClientSocket, type Ack, type FakeServerEnd } from './testing/fakeSocketPair';

/*
 * The participant's way in and out, against fake sockets that answer as the server does: which
 * page the session is on after each answer, and what it sent.
 */

/** The server as each test answers it; 'never': no answer (a refused handshake never delivers the request). */
type Answer = (event: string, payload: unknown) => Ack | 'never';

/** The page's connection on fake sockets answered by `answer`; each connection opened is a new socket. */
function fakeServer(answer: Answer) {
  const sockets: (FakeClientSocket & { sent: { event: string; payload: unknown }[] })[] = [];
  const end: FakeServerEnd = {
    handshake: () => undefined,
    request: (socket, event, payload) => {
      sockets.find((s) => s === socket)?.sent.push({ event, payload });
      const ack = answer(event, payload);
      return ack === 'never' ? new Promise<Ack>(() => {}) : Promise.resolve(ack);
    },
    disconnected: () => undefined,
  };
  const deps: ConnectionDeps = {
    openSocket: (url) => {
      const socket = Object.assign(new FakeClientSocket(url, () => end), { sent: [] });
      sockets.push(socket);
      return socket.asHearthSocket;
    },
    createDevice: fakeDevice,
    resumable: true,
  };
  return { sockets, deps };
}

const ok = (data: unknown): Ack => ({ ok: true, data });
const fail = (code: string): Ack => ({ ok: false, error: { code, message: code.toLowerCase() } });
const identity = ok({ displayName: 'Alex', role: 'participant', sessionId: 's1', context: { groupName: 'Tuesday', title: 'T', timeZone: 'UTC' } });
const consent = { agreed: true as const, location: 'Home, Springfield', callbackNumber: '+1 555 0100' };
const view = (kind: 'waiting' | 'participant', version: number) =>
  ({ kind, version, sessionId: 's1', ended: false, self: { id: 'm1', micMuted: false, cameraOff: false }, facilitatorPresent: true }) as unknown as SessionView;

function sessionWith(server: ReturnType<typeof fakeServer>) {
  return new ModeratedSession(new SessionConnection(server.deps, DEFAULT_CAPTURE), DEFAULT_CAPTURE);
}

const refusal = (code: string) => Object.assign(new Error(code), { data: { code } });

describe('ModeratedSession: the way in', () => {
  it('a refused link is its own problem page at once, from the handshake, not after the identity request times out', async () => {
    const server = fakeServer(() => 'never');
    const session = sessionWith(server);
    const started = session.start();
    server.sockets[0]!.fire('connect_error', refusal('SESSION_ENDED'));
    await started;
    expect(session.getState()).toMatchObject({ phase: 'credential-problem', problemCode: 'SESSION_ENDED' });
  });

  it('a link that is good shows the pre-join, with the group and time for its screens', async () => {
    const session = sessionWith(fakeServer((event) => (event === 'session:identity' ? identity : 'never')));
    await session.start();
    expect(session.getState()).toMatchObject({ phase: 'prejoin', identity: { displayName: 'Alex', context: { groupName: 'Tuesday' } } });
  });

  it('a locked room is a refusal with Try again, which asks again with the same consent', async () => {
    let locked = true;
    const server = fakeServer((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return locked ? fail('ROOM_LOCKED') : ok({ view: view('waiting', 3) });
      return 'never';
    });
    const session = sessionWith(server);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState()).toMatchObject({ phase: 'refused', problemCode: 'ROOM_LOCKED' });
    locked = false;
    await session.tryAgain();
    expect(session.getState().phase).toBe('waiting');
    expect(server.sockets[0]!.sent.filter((s) => s.event === 'session:enter').map((s) => s.payload)).toEqual([{ consent, patches: true }, { consent, patches: true }]);
  });

  it('removed on the way back in is the removed page, not a form error', async () => {
    const session = sessionWith(fakeServer((event) => (event === 'session:identity' ? identity : event === 'session:enter' ? fail('REMOVED') : 'never')));
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'removed' });
  });
});

describe('ModeratedSession: leaving and coming back', () => {
  it('Leave tells the session, and Rejoin connects again and enters with the consent already given, into the waiting room', async () => {
    let entered = 0;
    const server = fakeServer((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return ok({ view: view('waiting', ++entered) });
      if (event === 'session:leave') return ok({});
      return 'never';
    });
    const session = sessionWith(server);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    expect(session.getState().phase).toBe('waiting');

    await session.leave();
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'left' });
    expect(server.sockets[0]!.sent.map((s) => s.event)).toContain('session:leave');

    await session.rejoin();
    expect(session.getState().phase).toBe('waiting');
    // A new connection, the same consent, no consent form on the way.
    expect(server.sockets).toHaveLength(2);
    expect(server.sockets[1]!.sent.filter((s) => s.event === 'session:enter').map((s) => s.payload)).toEqual([{ consent, patches: true }]);
  });

  it('a drop whose way back is refused at the handshake (the session ended meanwhile) says so instead of "Reconnecting…"', async () => {
    const server = fakeServer((event) => (event === 'session:identity' ? identity : event === 'session:enter' ? ok({ view: view('waiting', 2) }) : 'never'));
    const session = sessionWith(server);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    server.sockets[0]!.drop();
    expect(isReconnecting(session.getState())).toBe(true);
    server.sockets[0]!.fire('connect_error', refusal('SESSION_ENDED'));
    expect(session.getState()).toMatchObject({ phase: 'closed', closedReason: 'ended' });
    expect(isReconnecting(session.getState())).toBe(false);
  });

  it('a full server on joining the call: the session is left and the page says so, with Try again', async () => {
    const server = fakeServer((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return ok({ view: view('participant', 4) });
      if (event === 'session:leave') return ok({});
      if (event === 'media:capabilities') return ok({ routerRtpCapabilities: generateRouterRtpCapabilities() });
      if (event === 'room:join') return fail('SERVER_FULL');
      return 'never';
    });
    const session = sessionWith(server);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    await expect.poll(() => session.getState().phase).toBe('refused');
    expect(session.getState().problemCode).toBe('SERVER_FULL');
    expect(server.sockets[0]!.sent.map((s) => s.event)).toContain('session:leave');
  });

  it('a call that cannot connect is tried again a few times, then the page says so instead of "Connecting…", and Try again starts over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const server = fakeServer((event) => {
      if (event === 'session:identity') return identity;
      if (event === 'session:enter') return ok({ view: view('participant', 4) });
      if (event === 'media:capabilities') return ok({ routerRtpCapabilities: generateRouterRtpCapabilities() });
      if (event === 'room:join') return fail('INTERNAL');
      return 'never';
    });
    const joins = () => server.sockets[0]!.sent.filter((s) => s.event === 'room:join').length;
    const session = sessionWith(server);
    await session.start();
    await session.choseMedia(undefined);
    await session.enter(consent);
    await vi.waitFor(() => expect(joins()).toBe(1));
    expect(session.getState()).toMatchObject({ phase: 'in-room', mediaGaveUp: false });
    // Five more tries, two seconds apart; the page still says "Connecting…" meanwhile.
    for (let retry = 1; retry <= 5; retry++) {
      await vi.advanceTimersByTimeAsync(2_000);
      await vi.waitFor(() => expect(joins()).toBe(1 + retry));
    }
    await vi.waitFor(() => expect(session.getState().mediaGaveUp).toBe(true));
    expect(session.media.getState().status).toBe('failed');
    // No try after giving up, however long the page stays open...
    await vi.advanceTimersByTimeAsync(60_000);
    expect(joins()).toBe(6);
    // ...until the member asks for one.
    session.retryMedia();
    expect(session.getState().mediaGaveUp).toBe(false);
    await vi.waitFor(() => expect(joins()).toBe(7));
  });
});

afterEach(() => {
  vi.useRealTimers();
});
