import { useEffect, useMemo, useState } from 'react';
import { RoomId } from '@hearth/shared';
import { captureProfileFromUrl } from '../../session/localMedia';
import { SessionClient } from '../../session/SessionClient';
import { useSessionState } from '../../session/useSessionState';
import { JoinForm } from '../prejoin/JoinForm';
import { CallView } from './CallView';

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
  const client = useMemo(() => new SessionClient(undefined, captureProfileFromUrl(window.location.search)), []);
  const state = useSessionState(client);
  useEffect(() => {
    if (state.status === 'idle' || state.status === 'failed') client.prepare().catch(() => undefined);
  }, [client, state.status]);
  // A failed join stops the tracks it was given; a fresh form asks for the camera again.
  const [failedJoins, setFailedJoins] = useState(0);

  if (state.status === 'joined') return <CallView client={client} state={state} />;
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
