import type { IncomingHttpHeaders } from 'node:http';
import { fail } from '@hearth/shared';
import type { Socket } from 'socket.io';
import type { Logger } from '../logger.js';
import type { RateLimits } from './RateLimits.js';

/**
 * Refusals a connection may collect before it is cut. A real client is never refused (the
 * limits are far above what one sends); one that carries on this far past RATE_LIMITED is a
 * script, and answering each of its requests would still cost the server. Its member is then
 * shut out for a while (RateLimits.shutOut); an anonymous one's reconnects meet the
 * per-address limit.
 */
export const REFUSALS_BEFORE_CLOSE = 200;

/**
 * Every inbound event of one connection passes its rate limits before any handler sees it. A
 * refused one is answered RATE_LIMITED (when it asked for an answer) and goes no further, so
 * it changes nothing. The first refusal is logged, the rest counted and logged once at the
 * end: a flood must not flood the log as well.
 */
export function limitRequests(socket: Socket, limits: RateLimits, memberKey: string | undefined, log: Logger): void {
  let refused = 0;
  socket.use((packet, next) => {
    const [event] = packet;
    limits.request(socket.id, memberKey, String(event)).then(
      (wait) => {
        if (wait === undefined) {
          next();
          return;
        }
        if (refused++ === 0) log.warn({ event }, 'requests over this connection’s fair share refused');
        if (refused > REFUSALS_BEFORE_CLOSE) {
          if (socket.connected && memberKey) limits.shutOut(memberKey).catch((err: unknown) => log.warn({ err }, 'could not shut a flooding member out'));
          cut(socket);
          return;
        }
        const ack: unknown = packet.at(-1);
        if (typeof ack !== 'function') return;
        try {
          ack(fail('RATE_LIMITED', `too many requests; try again in ${Math.ceil(wait / 1000)} s`));
        } catch {
          // The socket went away; nothing to answer.
        }
      },
      (err: unknown) => {
        // The limits could not be read: serve the request rather than refuse a real client.
        log.warn({ err }, 'rate limit unavailable; request let through');
        next();
      },
    );
  });
  socket.on('disconnect', () => {
    limits.forget(socket.id);
    if (refused > 1) log.warn({ refused }, 'connection closed after refusals over its fair share');
  });
}

/** What engine.io's transports expose of their buffers: the websocket's is ws's `bufferedAmount`. */
type Transport = { socket?: { bufferedAmount?: unknown; terminate?: unknown } };

/**
 * Closes a connection once more than `maxBytes` wait to go out to it: a client that stopped
 * reading (or cannot keep up) must not grow the server's memory without end. Counted as
 * packets are queued: what engine.io holds back (its write buffer, handed to the transport
 * at each flush) plus what the websocket itself has not yet written.
 */
export function capOutgoing(socket: Socket, maxBytes: number, log: Logger): void {
  const conn = socket.conn;
  let held = 0;
  conn.on('flush', () => {
    held = 0;
  });
  conn.on('packetCreate', (packet: { data?: unknown }) => {
    held += byteSize(packet.data);
    const ws = (conn.transport as unknown as Transport).socket;
    const buffered = typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0;
    if (held + buffered <= maxBytes) return;
    log.warn({ bytes: held + buffered }, 'connection not reading: closed with its outgoing buffer over the cap');
    held = 0;
    cut(socket);
  });
}

/**
 * Closes a connection at once, dropping whatever waits to go out to it: discarding closes it
 * without waiting for a drain that may never come, and the websocket is cut rather than closed
 * politely, which would wait on the same buffer (up to ws's 30 s) while its peer sends on.
 */
function cut(socket: Socket): void {
  const ws = (socket.conn.transport as unknown as Transport).socket;
  socket.conn.close(true);
  if (typeof ws?.terminate === 'function') (ws.terminate as () => void).call(ws);
}

function byteSize(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * The address a connection comes from: the TCP peer, or behind one trusted proxy the last
 * X-Forwarded-For entry (the one that proxy appended; earlier entries are the client's word).
 */
export function clientAddress(handshake: { address: string; headers: IncomingHttpHeaders }, trustProxy: boolean): string {
  if (!trustProxy) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  return entries.map((e) => e.trim()).filter(Boolean).at(-1) ?? handshake.address;
}
