import { lazy, Suspense, useEffect, useMemo } from 'react';
import { captureProfileFromUrl } from '../../session/localMedia';
import { ModeratedSession } from '../../session/ModeratedSession';
import { SessionClient } from '../../session/SessionClient';
import { useSessionState } from '../../session/useSessionState';
import { JoinForm } from '../prejoin/JoinForm';
import { SessionRecordRedirect } from '../console/SessionRecordRedirect';
import { ClosedNotice } from './ClosedNotice';
import { ConsentForm } from './ConsentForm';
import { CrisisResources } from './CrisisResources';
import { useModeratedState } from './useModeratedState';
import { WaitingRoom } from './WaitingRoom';

// The call's screens are not part of the first load (PRODUCT.md T12): they load while the member
// is still at the door (pre-join, consent, waiting room), so admission does not wait for them.
const loadRoomScreen = () => import('../room/RoomScreen');
const RoomScreen = lazy(() => loadRoomScreen().then((m) => ({ default: m.RoomScreen })));

/**
 * A moderated group session, for a participant (`/join/<invite>`) or a facilitator
 * (`/facilitate/<session>`): pre-join, consent, waiting room, the call with its controls.
 */
export function ModeratedPage({ credential }: { credential: { invite: string } | { sessionId: string } }) {
  const key = JSON.stringify(credential);
  const capture = useMemo(() => captureProfileFromUrl(window.location.search), []);
  const session = useMemo(
    () => new ModeratedSession(new SessionClient(undefined, capture, JSON.parse(key) as Record<string, string>), capture),
    [capture, key],
  );
  const state = useModeratedState(session);
  const media = useSessionState(session.media);
  useEffect(() => {
    void session.start();
  }, [session]);
  useEffect(() => {
    if (state.phase === 'prejoin' || state.phase === 'consent' || state.phase === 'waiting') void loadRoomScreen();
  }, [state.phase]);

  switch (state.phase) {
    case 'connecting':
      return <main className="notice-page">Opening your session…</main>;
    case 'credential-problem':
      return (
        <main className="notice-page" data-testid="credential-problem">
          <h1>This link did not work</h1>
          <p>{state.problem}</p>
          <CrisisResources />
        </main>
      );
    case 'prejoin':
      return (
        <JoinForm
          roomId={state.identity?.role === 'facilitator' ? 'your group (facilitating)' : 'your group'}
          busy={false}
          error={state.problem}
          leftRoom={false}
          capture={capture}
          fixedName={state.identity?.displayName}
          onJoin={(_name, stream, devices) => {
            session.media.setCameraDevice(devices.cameraDeviceId);
            void session.choseMedia(stream);
          }}
        />
      );
    case 'consent':
    case 'entering':
      return <ConsentForm busy={state.phase === 'entering'} problem={state.problem} onConsent={(consent) => void session.enter(consent)} />;
    case 'waiting':
      return <WaitingRoom session={session} state={state} />;
    case 'closed':
      // A facilitator goes on to the session's record (attendance); participants get their own page.
      if (state.identity?.role === 'facilitator' && state.closedReason === 'ended') return <SessionRecordRedirect sessionId={state.identity.sessionId} />;
      return <ClosedNotice state={state} />;
    case 'in-room':
      if (media.status !== 'joined') return <main className="notice-page">{state.reconnecting ? 'Reconnecting…' : 'Connecting your camera and microphone…'}</main>;
      return (
        <Suspense fallback={<main className="notice-page">Connecting your camera and microphone…</main>}>
          <RoomScreen session={session} state={state} media={media} />
        </Suspense>
      );
  }
}
