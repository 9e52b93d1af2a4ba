import type { Device, types } from 'mediasoup-client';
import type { IceServer, MediaSource, TransportOptions } from '@hearth/shared';
import { request, RequestError, type HearthSocket } from './request';

/**
 * A send or receive transport whose DTLS handshake, producers and ICE restarts go through the
 * signalling socket.
 */
export function createTransport(
  socket: HearthSocket,
  device: Device,
  direction: 'send' | 'recv',
  options: TransportOptions & { iceServers: IceServer[] },
): types.Transport {
  const params = options as unknown as types.TransportOptions;
  const transport = direction === 'send' ? device.createSendTransport(params) : device.createRecvTransport(params);
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    request(socket, 'transport:connect', { transportId: transport.id, dtlsParameters })
      .then(() => callback())
      .catch(errback);
  });
  if (direction === 'send') {
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      const source = appData['source'] as MediaSource;
      request(socket, 'producer:create', {
        transportId: transport.id,
        kind,
        source,
        rtpParameters: rtpParameters as never,
      })
        .then(({ producerId }) => callback({ id: producerId }))
        .catch(errback);
    });
  }
  transport.on('connectionstatechange', (state) => {
    // A failed ICE path (network change) gets fresh credentials instead of a dead call.
    if (state === 'failed' && socket.connected) {
      request(socket, 'transport:restartIce', { transportId: transport.id })
        .then(({ iceParameters }) => transport.restartIce({ iceParameters: iceParameters as types.IceParameters }))
        .catch(() => undefined);
    }
  });
  return transport;
}

/**
 * Asks the SFU to play a consumer. HELD_BY_SESSION is an expected answer, not a failure: the
 * session does not let this member receive that sender now (a speaker-only turn, a breakout),
 * and the server keeps the wish and plays it when allowed. So the track stays paused, nothing
 * is shown and nothing is asked again.
 */
export async function resumeConsumer(socket: HearthSocket, consumerId: string): Promise<'playing' | 'held'> {
  try {
    await request(socket, 'consumer:resume', { consumerId });
    return 'playing';
  } catch (err) {
    if (err instanceof RequestError && err.code === 'HELD_BY_SESSION') return 'held';
    throw err;
  }
}

/** Performance marks of the join path; `npm run bench` reads them to show where time goes. */
export function mark(name: string, { once = false } = {}): void {
  if (once && performance.getEntriesByName(`hearth:${name}`).length > 0) return;
  performance.mark(`hearth:${name}`);
}

/** 'L2T3' → 2: how many spatial layers a consumer can switch between. */
export function spatialLayerCount(scalabilityMode: string | undefined): number {
  const match = /^L(\d)/.exec(scalabilityMode ?? '');
  return match ? Number(match[1]) : 1;
}

/** A failed join in words for the join form. */
export function describeJoinError(err: unknown): string {
  if (err instanceof RequestError) {
    switch (err.code) {
      case 'TIMEOUT':
        return 'The server did not answer. Check your connection and try again.';
      case 'UNSUPPORTED_PROTOCOL':
        return 'Hearth was updated. Reload the page to continue.';
      case 'UNAUTHENTICATED':
        return 'Open rooms are turned off on this server. Join with the invite link your clinic sent you.';
      case 'RATE_LIMITED':
        return 'Too many connections from your network just now. Wait a minute and try again.';
      default:
        return err.message;
    }
  }
  if (err instanceof Error && err.name === 'UnsupportedError') return 'This browser cannot join video calls. Try a current Chrome, Edge, Firefox or Safari.';
  return 'Could not join the room. Try again.';
}
