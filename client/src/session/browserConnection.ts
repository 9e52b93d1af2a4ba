import { io } from 'socket.io-client';
import type { ConnectionDeps } from './SessionConnection';
import type { HearthSocket } from './request';

/**
 * The browser's I/O for a SessionConnection. `auth` is the credential a moderated session's
 * connection presents (an invite, or for staff the session id); an open room has none.
 */
export function browserConnection(auth: Record<string, string> = {}): ConnectionDeps {
  return {
    openSocket: (serverUrl) => connectTo(serverUrl, auth),
    createDevice: async () => {
      // The WebRTC library loads while the pre-join screen is already shown: a phone on a
      // weak network sees its first screen without waiting for it (scripts/client-size.mjs).
      const { Device } = await import('mediasoup-client');
      return Device.factory();
    },
    whenOnline: (callback) => {
      window.addEventListener('online', callback);
      return () => window.removeEventListener('online', callback);
    },
    resumable: Object.keys(auth).length > 0,
  };
}

/**
 * A Socket.IO connection to `serverUrl` (undefined: this page's server). A node's address may
 * carry a path (https://clinic.example/node/a behind a load balancer): Socket.IO lives under it.
 */
function connectTo(serverUrl: string | undefined, auth: Record<string, string>): HearthSocket {
  const options = { transports: ['websocket'], auth };
  if (!serverUrl) return io(options);
  const url = new URL(serverUrl, window.location.href);
  return io(url.origin, { ...options, path: `${url.pathname.replace(/\/$/, '')}/socket.io` });
}
