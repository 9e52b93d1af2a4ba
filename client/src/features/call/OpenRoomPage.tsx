import { useEffect, useMemo, useState } from 'react';
import { RoomId } from '@hearth/shared';
import { captureProfileFromUrl } from '../../session/localMedia';
import { browserConnection } from '../../session/browserConnection';
import type { MediaClient } from '../../session/MediaClient';
import { SessionConnection } from '../../session/SessionConnection';
import { useMediaState } from '../../session/useMediaState';
import { JoinForm } from '../prejoin/JoinForm';
import { CallView } from './CallView';
import type { MediaState } from '../../session/MediaClient';

/**
 * `/r/<room>`: an open room, joined by link and name alone (no invite, no waiting room). It
 * exists for trying the media path and for tests; the server refuses it unless OPEN_ROOMS is on.
 */
export function OpenRoomPage({ roomId: raw }: { roomId: string }) {
  const parsed = RoomId.safeParse(decodeURIComponent(raw));
  if (!parsed.success) {
    return (
      <main className="page-column">
        <h1>This room link is not valid</h1>
        <p>Room names are 3–64 letters, digits, dashes or underscores.</p>
      </main>
    );
  }
  return <OpenRoom roomId={parsed.data} />;
}

function OpenRoom({ roomId }: { roomId: string }) {
  const client = useMemo(() => new SessionConnection(browserConnection(), captureProfileFromUrl(window.location.search)).media, []);
  const state = useMediaState(client);
  useEffect(() => {
    if (state.status === 'idle' || state.status === 'failed') client.prepare().catch(() => undefined);
  }, [client, state.status]);
  // A failed join stops the tracks it was given; a fresh form asks for the camera again.
  const [failedJoins, setFailedJoins] = useState(0);

  if (state.status === 'joined') return <OpenCall client={client} media={state} roomId={roomId} />;
  return (
    <JoinForm
      key={failedJoins}
      roomId={roomId}
      busy={state.status === 'joining'}
      error={state.error}
      leftRoom={state.status === 'left'}
      capture={captureProfileFromUrl(window.location.search)}
      onJoin={(name, stream, devices) => {
        client.setCameraDevice(devices.cameraDeviceId);
        client.join(roomId, name, stream).catch(() => setFailedJoins((n) => n + 1));
      }}
    />
  );
}

/** An open room's call: everyone alike, the active speaker emphasised, no moderation. */
function OpenCall({ client, media, roomId }: { client: MediaClient; media: MediaState; roomId: string }) {
  return (
    <CallView
      client={client}
      media={media}
      title={roomId}
      tiles={media.peers.map((peer) => ({ kind: 'remote', id: peer.id, peer, badges: [] }))}
      emphasisId={media.activeSpeakerId}
      setMicOn={(on) => client.setMicOn(on)}
      setCameraOn={(on) => client.setCameraOn(on)}
      banners={media.peers.length === 0 && <p className="notice">You are the first one here. Others will appear as they join.</p>}
      leave={{
        words: { title: 'Leave the call?', description: 'You can join again with the same link.', confirm: 'Leave the call' },
        onLeave: () => client.leave(),
      }}
    />
  );
}
