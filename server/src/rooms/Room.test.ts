import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEventName } from '@hearth/shared';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { WorkerPool } from '../media/WorkerPool.js';
import { clientRtpCapabilities, mediaCodecs, routerClientCapabilities } from '../media/routerOptions.js';
import { Room, RoomClosedError } from './Room.js';
import type { MediaPolicy } from './MediaPolicy.js';
import type { SendToPeer } from './Peer.js';

// The room's bookkeeping against a real mediasoup worker: no sockets involved.
let pool: WorkerPool;
const log = createLogger('silent');

beforeAll(async () => {
  pool = await WorkerPool.create(loadConfig({ MEDIASOUP_WORKERS: '1', MEDIA_LISTEN_IP: '127.0.0.1' }).media, log);
});
afterAll(() => pool?.close());

function inbox(): { send: SendToPeer; events: { event: ServerEventName; payload: unknown }[] } {
  const events: { event: ServerEventName; payload: unknown }[] = [];
  return { send: (event, payload) => events.push({ event, payload }), events };
}

const opus = (ssrc: number) => ({
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
  encodings: [{ ssrc }],
});

/** The room's policy as a test sets it, the way a session's state would change it. */
function rules() {
  const now = { heard: (_peerId: string) => true, receives: (_viewerId: string, _senderId: string) => true };
  const policy: MediaPolicy = {
    sendRefusal: (peerId, source) => (source === 'mic' && !now.heard(peerId) ? 'NOT_YOUR_TURN' : null),
    receives: (viewerId, senderId) => viewerId !== senderId && now.receives(viewerId, senderId),
    downlinkBps: () => null,
  };
  return { now, policy };
}

/** A peer's transports and consumers (producers aside). */
const t = ({ transports, consumers }: { transports: number; consumers: number }) => ({ transports, consumers });

async function newRoom(onClose: (room: Room) => void = () => {}, policy?: MediaPolicy) {
  return Room.create(`room-${Math.random().toString(36).slice(2, 8)}`, pool.leastLoaded(), log, onClose, undefined, policy);
}

/** Ana's microphone, consumed (paused, as created) by Ben, in a room under a policy the test sets. */
async function anaHeardByBen(ssrc: number) {
  const { now, policy } = rules();
  const room = await newRoom(undefined, policy);
  const ben = inbox();
  const a = await room.join('Ana', inbox().send);
  const b = await room.join('Ben', ben.send);
  const aSend = await room.createTransport(a.peer.id, 'send');
  const producerId = await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(ssrc) });
  await room.createTransport(b.peer.id, 'recv');
  await room.ready(b.peer.id, routerClientCapabilities());
  const consumerId = (ben.events.find((e) => e.event === 'consumer:created')?.payload as { id: string }).id;
  const pausedAtBen = async () => (await room.consumerStates(b.peer.id)).map((c) => c.paused);
  return { now, room, a, b, producerId, consumerId, pausedAtBen };
}

describe('Room', () => {
  it('tells existing peers who joined and who left, and gives a newcomer the roster', async () => {
    const room = await newRoom();
    const ana = inbox();
    const ben = inbox();
    const a = await room.join('Ana', ana.send);
    expect(a.response.peers).toEqual([]);
    const b = await room.join('Ben', ben.send);
    expect(b.response.peers).toEqual([{ id: a.peer.id, displayName: 'Ana' }]);
    expect(ana.events).toEqual([{ event: 'peer:joined', payload: { id: b.peer.id, displayName: 'Ben' } }]);
    expect(ben.events).toEqual([]);
    await room.leave(a.peer.id);
    expect(ben.events).toEqual([{ event: 'peer:left', payload: { peerId: a.peer.id } }]);
    expect(room.peerCount).toBe(1);
    room.close();
  });

  it('counts its router on the worker and closes itself, once, when the last peer leaves', async () => {
    const before = pool.leastLoaded().routers;
    let closes = 0;
    const room = await newRoom(() => closes++);
    expect(pool.leastLoaded().routers).toBe(before + 1);
    const a = await room.join('Ana', inbox().send);
    await room.leave(a.peer.id);
    expect(room.closed).toBe(true);
    room.close();
    expect(closes).toBe(1);
    expect(pool.leastLoaded().routers).toBe(before);
    await expect(room.join('Late', inbox().send)).rejects.toBeInstanceOf(RoomClosedError);
  });

  it("offers clients a node's capabilities that are every router's own, without a router", async () => {
    const router = await pool.leastLoaded().worker.createRouter({ mediaCodecs });
    expect(routerClientCapabilities()).toEqual(clientRtpCapabilities(router.rtpCapabilities));
    router.close();
  });

  it('makes both transports of a peer that joins with its capabilities, and the consumers of what is produced, for the answer', async () => {
    const room = await newRoom();
    const ana = inbox();
    const ben = inbox();
    const a = await room.join('Ana', ana.send);
    expect(a.response).not.toHaveProperty('transports');
    expect(a.response).not.toHaveProperty('consumers');
    const aSend = await room.createTransport(a.peer.id, 'send');
    const mic = await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(11) });

    const b = await room.join('Ben', ben.send, undefined, routerClientCapabilities());
    const { send, recv } = b.response.transports!;
    expect(send.id).not.toBe(recv.id);
    for (const t of [send, recv]) expect(t).toMatchObject({ iceParameters: { iceLite: true }, dtlsParameters: { role: 'auto' } });
    // Ana's microphone, in the answer and not as a fact sent before it.
    expect(b.response.consumers).toEqual([expect.objectContaining({ producerId: mic, peerId: a.peer.id, kind: 'audio', source: 'mic', producerPaused: false })]);
    expect(ben.events).toEqual([]);
    expect(t(b.peer.counts)).toEqual({ transports: 2, consumers: 1 });
    expect((await room.consumerStates(b.peer.id)).map((c) => c.paused)).toEqual([true]);
    // Ready already: another peer:ready is refused, and so is a third transport.
    await expect(room.ready(b.peer.id, routerClientCapabilities())).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(room.createTransport(b.peer.id, 'recv')).rejects.toMatchObject({ code: 'INVALID_STATE' });

    // What is produced later is offered as a fact.
    const c = await room.join('Cy', inbox().send);
    const cSend = await room.createTransport(c.peer.id, 'send');
    const cyMic = await room.produce(c.peer.id, { transportId: cSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(12) });
    expect(ben.events.filter((e) => e.event === 'consumer:created').map((e) => (e.payload as { producerId: string }).producerId)).toEqual([cyMic]);
    room.close();
  });

  it('keeps one transport per direction per peer', async () => {
    const room = await newRoom();
    const a = await room.join('Ana', inbox().send);
    await room.createTransport(a.peer.id, 'send');
    await expect(room.createTransport(a.peer.id, 'send')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await room.createTransport(a.peer.id, 'recv');
    expect(a.peer.counts).toEqual({ transports: 2, producers: 0, consumers: 0 });
    room.close();
  });

  it('creates paused consumers for ready peers only, and forgets everything a leaving peer owned', async () => {
    const room = await newRoom();
    const ana = inbox();
    const ben = inbox();
    const a = await room.join('Ana', ana.send);
    const b = await room.join('Ben', ben.send);
    const aSend = await room.createTransport(a.peer.id, 'send');
    await room.createTransport(b.peer.id, 'recv');
    const producerId = await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(1) });
    // Ben is not ready yet: nothing to consume with.
    expect(b.peer.counts.consumers).toBe(0);
    await room.ready(b.peer.id, routerClientCapabilities());
    expect(b.peer.counts.consumers).toBe(1);
    const created = ben.events.find((e) => e.event === 'consumer:created')?.payload as { id: string; producerId: string };
    expect(created.producerId).toBe(producerId);
    const dump = await room.dump();
    expect(dump.mapProducerIdConsumerIds).toEqual([{ key: producerId, values: [created.id] }]);

    await room.leave(a.peer.id);
    expect(a.peer.counts).toEqual({ transports: 0, producers: 0, consumers: 0 });
    await expect.poll(() => b.peer.counts.consumers).toBe(0);
    expect(ben.events.map((e) => e.event)).toContain('consumer:closed');
    room.close();
  });

  it("refuses a transport, producer or consumer that is not the peer's own", async () => {
    const room = await newRoom();
    const a = await room.join('Ana', inbox().send);
    const b = await room.join('Ben', inbox().send);
    const aSend = await room.createTransport(a.peer.id, 'send');
    await expect(room.produce(b.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(2) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const producerId = await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(3) });
    await expect(room.setProducerPaused(b.peer.id, producerId, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(room.resumeConsumer(b.peer.id, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    room.close();
  });

  it('lets the policy have the last word over a resume still in flight: a consumer the new policy forbids ends paused on the worker', async () => {
    const { now, room, b, consumerId, pausedAtBen } = await anaHeardByBen(4);

    for (let attempt = 0; attempt < 25; attempt++) {
      // Ben's client resumes the consumer, and in the same moment the policy stops Ben
      // receiving Ana (breakouts put them in different pairs).
      const resumed = room.resumeConsumer(b.peer.id, consumerId).catch((err: { code?: string }) => err.code);
      now.receives = () => false;
      const applied = room.reconcile();
      await Promise.all([resumed, applied]);
      expect(await pausedAtBen(), `attempt ${attempt}`).toEqual([true]);
      // Back together: it plays again, without asking.
      now.receives = () => true;
      await room.reconcile();
      expect(await pausedAtBen()).toEqual([false]);
      // The client hides it again, ready for the next attempt.
      await room.pauseConsumer(b.peer.id, consumerId).catch(() => undefined);
    }
    room.close();
  });

  it('refuses a resume the policy forbids with its code, keeps the wish, and plays it once allowed', async () => {
    const { now, room, a, b, producerId, consumerId, pausedAtBen } = await anaHeardByBen(7);

    now.receives = () => false;
    await room.reconcile();
    await expect(room.resumeConsumer(b.peer.id, consumerId)).rejects.toMatchObject({ code: 'HELD_BY_SESSION' });
    expect(await pausedAtBen()).toEqual([true]);
    now.receives = () => true;
    await room.reconcile();
    expect(await pausedAtBen()).toEqual([false]);

    // Ana may not be heard: her unmute is refused with the policy's code and her microphone stays paused.
    await room.setProducerPaused(a.peer.id, producerId, true);
    now.heard = () => false;
    await room.reconcile();
    await expect(room.setProducerPaused(a.peer.id, producerId, false)).rejects.toMatchObject({ code: 'NOT_YOUR_TURN' });
    now.heard = () => true;
    await room.reconcile();
    // Refused means refused: her own pause still holds now that she may be heard.
    expect((await room.producerStates(a.peer.id)).map((p) => p.paused)).toEqual([true]);
    room.close();
  });

  it('lets the session have the last word over an unmute still in flight, and starts a microphone that may not be heard paused', async () => {
    const { now, policy } = rules();
    const room = await newRoom(undefined, policy);
    const a = await room.join('Ana', inbox().send);
    const aSend = await room.createTransport(a.peer.id, 'send');
    const producerId = await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(5) });
    const pausedAtWorker = async () => (await room.producerStates(a.peer.id)).map((p) => p.paused);
    expect(await pausedAtWorker()).toEqual([false]);

    for (let attempt = 0; attempt < 25; attempt++) {
      await room.setProducerPaused(a.peer.id, producerId, true);
      // Ana unmutes herself just as a speaker-only turn (someone else's) begins.
      const unmuted = room.setProducerPaused(a.peer.id, producerId, false);
      now.heard = () => false;
      const turn = room.reconcile();
      await Promise.all([unmuted, turn]);
      expect(await pausedAtWorker(), `attempt ${attempt}`).toEqual([true]);
      // The turn over, her microphone (on, by her wish) is heard again without her asking.
      now.heard = () => true;
      await room.reconcile();
      expect(await pausedAtWorker()).toEqual([false]);
    }
    // Her own pause holds whatever the session allows.
    await room.setProducerPaused(a.peer.id, producerId, true);
    await room.reconcile();
    expect(await pausedAtWorker()).toEqual([true]);

    // A new microphone while she may not be heard is paused from its first packet.
    await room.closeProducer(a.peer.id, producerId);
    now.heard = () => false;
    await room.produce(a.peer.id, { transportId: aSend.id, kind: 'audio', source: 'mic', rtpParameters: opus(6) });
    expect(await pausedAtWorker()).toEqual([true]);
    room.close();
  });

  it('tells each peer only of a speaker it may hear: a pair does not learn who talks in another', async () => {
    const { now, policy } = rules();
    const room = await newRoom(undefined, policy);
    const [ana, ben, cy] = [inbox(), inbox(), inbox()];
    const a = await room.join('Ana', ana.send);
    const b = await room.join('Ben', ben.send);
    const c = await room.join('Cy', cy.send);
    const told = (box: ReturnType<typeof inbox>) => box.events.filter((e) => e.event === 'speaker:changed').map((e) => (e.payload as { peerId: string | null }).peerId);

    room.speakerChanged(a.peer.id);
    expect([told(ana), told(ben), told(cy)]).toEqual([[a.peer.id], [a.peer.id], [a.peer.id]]);
    // Ana and Ben become a pair; Cy is elsewhere: Cy is told nobody she can hear is speaking.
    const pairs = new Map([[a.peer.id, 1], [b.peer.id, 1], [c.peer.id, 2]]);
    now.receives = (viewer, sender) => pairs.get(viewer) === pairs.get(sender);
    await room.reconcile();
    expect([told(ana), told(ben), told(cy)]).toEqual([[a.peer.id], [a.peer.id], [a.peer.id, null]]);
    // Ben takes over in the pair: Cy hears nothing of it.
    room.speakerChanged(b.peer.id);
    expect(told(cy)).toEqual([a.peer.id, null]);
    expect(told(ana)).toEqual([a.peer.id, b.peer.id]);
    // A newcomer in Cy's group joins: the loudest voice is Ben's, which it may not hear.
    pairs.set('dee', 2);
    const dee = await room.join('Dee', inbox().send, 'dee');
    expect(dee.response.activeSpeakerId).toBeNull();
    room.close();
  });
});
