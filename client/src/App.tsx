import { useEffect, useMemo, useState } from 'react';
import { RoomId } from '@hearth/shared';
import { captureProfileFromUrl } from './session/localMedia';
import { SessionClient } from './session/SessionClient';
import { useSessionState } from './session/useSessionState';
import { JoinForm } from './features/prejoin/JoinForm';
import { CallView } from './features/call/CallView';
import { ModeratedPage } from './features/moderated/ModeratedPage';
import { isStaffPath, StaffApp } from './features/staff/StaffApp';

/** `/r/<room>` is a room link; anything else is the start page. */
function roomFromPath(pathname: string): string | undefined {
  const match = /^\/r\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  const parsed = RoomId.safeParse(decodeURIComponent(match[1]));
  return parsed.success ? parsed.data : undefined;
}

/** `/join/<invite>` is a participant's link; `/facilitate/<session>` a signed-in facilitator's. */
function moderatedFromPath(pathname: string): { invite: string } | { sessionId: string } | undefined {
  const join = /^\/join\/([A-Za-z0-9_.-]+)\/?$/.exec(pathname);
  if (join?.[1]) return { invite: join[1] };
  const facilitate = /^\/facilitate\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (facilitate?.[1]) return { sessionId: facilitate[1] };
  return undefined;
}

export function App() {
  // /login, /setup and /clinic/…: the clinic's pages.
  if (isStaffPath(window.location.pathname)) return <StaffApp />;
  const moderated = moderatedFromPath(window.location.pathname);
  if (moderated) return <ModeratedPage credential={moderated} />;
  const roomId = roomFromPath(window.location.pathname);
  return roomId ? <RoomPage roomId={roomId} /> : <StartPage />;
}

function StartPage() {
  const start = () => {
    const id = crypto.randomUUID().slice(0, 8);
    window.location.assign(`/r/${id}`);
  };
  return (
    <main className="start">
      <h1>Hearth</h1>
      <p>Group sessions for intensive outpatient programs.</p>
      <p>
        Joining a group? Open the personal link your clinic sent you. Clinic staff: <a href="/login">sign in</a>.
      </p>
      <details>
        <summary>Try the video call (open test room)</summary>
        <p className="quiet-text">Works only where the server allows open rooms; never use one for a real group.</p>
        <button type="button" onClick={start}>
          Start an open room
        </button>
      </details>
    </main>
  );
}

function RoomPage({ roomId }: { roomId: string }) {
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
