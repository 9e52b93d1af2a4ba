import { lazy, Suspense, useEffect, useMemo } from 'react';
import { captureProfileFromUrl } from '../../session/localMedia';
import { ModeratedSession, isReconnecting, type ModeratedState } from '../../session/ModeratedSession';
import { browserConnection } from '../../session/browserConnection';
import { SessionConnection } from '../../session/SessionConnection';
import { useMediaState } from '../../session/useMediaState';
import { JoinForm } from '../prejoin/JoinForm';
import { SessionRecordRedirect } from '../console/SessionRecordRedirect';
import { ClosedNotice } from './ClosedNotice';
import { ConsentForm } from './ConsentForm';
import { NoticePage } from './NoticePage';
import { PageHeading, ParticipantHeader, ParticipantPage, SessionAbout } from './ParticipantPage';
import { problemWordsFor } from './problems';
import { useClinicInfo } from './useClinicInfo';
import { useModeratedState } from './useModeratedState';
import { WaitingRoom } from './WaitingRoom';

// The call's screens are not part of the first load (PRODUCT.md T12): they load while the member
// is still at the door (pre-join, consent, waiting room), so admission does not wait for them.
const loadRoomScreen = () => import('../room/RoomScreen');
const RoomScreen = lazy(() => loadRoomScreen().then((m) => ({ default: m.RoomScreen })));

/**
 * A moderated group session, for a participant (`/join/<invite>`) or a facilitator
 * (`/facilitate/<session>`): pre-join, consent, waiting room, the call with its controls, and
 * a page of its own for every way the door can be closed.
 */
export function ModeratedPage({ credential }: { credential: { invite: string } | { sessionId: string } }) {
  const key = JSON.stringify(credential);
  const capture = useMemo(() => captureProfileFromUrl(window.location.search), []);
  const session = useMemo(
    () => new ModeratedSession(new SessionConnection(browserConnection(JSON.parse(key) as Record<string, string>), capture), capture),
    [capture, key],
  );
  const state = useModeratedState(session);
  const media = useMediaState(session.media);
  const { name: clinicName } = useClinicInfo();
  useEffect(() => {
    void session.start();
  }, [session]);
  useEffect(() => {
    if (state.phase === 'prejoin' || state.phase === 'consent' || state.phase === 'waiting') void loadRoomScreen();
  }, [state.phase]);

  switch (state.phase) {
    case 'connecting':
      return <Waiting title="Opening your session" />;
    case 'credential-problem':
      return <ProblemPage session={session} state={state} testId="credential-problem" />;
    case 'refused':
      return <ProblemPage session={session} state={state} testId="refused" />;
    case 'prejoin':
      return (
        <>
          <ParticipantHeader />
          <JoinForm
            documentTitle={`Check your camera and sound · ${clinicName ?? 'Hearth'}`}
            about={<SessionAbout context={state.identity?.context} facilitating={state.identity?.role === 'facilitator'} />}
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
        </>
      );
    case 'consent':
    case 'entering':
      return (
        <ConsentForm
          busy={state.phase === 'entering'}
          problem={state.problem}
          context={state.identity?.context}
          onConsent={(consent) => void session.enter(consent)}
        />
      );
    case 'waiting':
      return <WaitingRoom session={session} state={state} />;
    case 'closed':
      // A facilitator goes on to the session's record (attendance); participants get their own page.
      if (state.identity?.role === 'facilitator' && state.closedReason === 'ended') return <SessionRecordRedirect sessionId={state.identity.sessionId} />;
      return <ClosedNotice session={session} state={state} />;
    case 'in-room':
      if (media.status === 'failed' && state.mediaGaveUp) return <MediaFailedPage session={session} state={state} reason={media.error} />;
      if (media.status !== 'joined') return <Waiting title={isReconnecting(state) ? 'Reconnecting…' : 'Connecting your camera and microphone…'} />;
      return (
        <Suspense fallback={<Waiting title="Connecting your camera and microphone…" />}>
          <RoomScreen session={session} state={state} media={media} />
        </Suspense>
      );
  }
}

function Waiting({ title }: { title: string }) {
  return (
    <ParticipantPage documentTitle={title.replace(/…$/, '')}>
      <div className="participant-busy" aria-busy="true">
        <span className="spinner" aria-hidden="true" />
        <PageHeading>{title}</PageHeading>
      </div>
    </ParticipantPage>
  );
}

/**
 * In the room, but the camera and microphone could not connect after every automatic try (a
 * link too weak for the call's setup, a firewall that blocks it): the page says so instead of
 * "Connecting…" for good, and offers another round of tries or leaving.
 */
function MediaFailedPage({ session, state, reason }: { session: ModeratedSession; state: ModeratedState; reason: string | undefined }) {
  const words = {
    tone: 'error' as const,
    title: 'Your camera and microphone could not connect',
    text: 'You are still in the group, but the call did not connect.',
    next: reason ?? 'A weak network or a firewall can stop the call. Try again, or move closer to your Wi-Fi.',
  };
  const actions = (
    <>
      <button type="button" className="btn btn-primary" onClick={() => session.retryMedia()}>
        Try again
      </button>
      <button type="button" className="btn" onClick={() => void session.leave()}>
        Leave the session
      </button>
    </>
  );
  return <NoticePage words={words} testId="media-failed" context={state.identity?.context} actions={actions} />;
}

/** A link that did not open the session, or an entry refused for now, with what can be done. */
function ProblemPage({ session, state, testId }: { session: ModeratedSession; state: ModeratedState; testId: string }) {
  const code = state.problemCode ?? 'UNREACHABLE';
  const retry =
    code === 'ROOM_LOCKED' || code === 'SERVER_FULL' ? (
      <button type="button" className="btn btn-primary" onClick={() => void session.tryAgain()}>
        Try again
      </button>
    ) : code === 'UNREACHABLE' ? (
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        Try again
      </button>
    ) : code === 'UNAUTHENTICATED' ? (
      <a className="btn btn-primary" href="/login">
        Sign in
      </a>
    ) : code === 'FORBIDDEN' ? (
      <a className="btn btn-primary" href="/clinic">
        Your cohorts
      </a>
    ) : undefined;
  return <NoticePage words={problemWordsFor(code, state.identity?.role)} testId={testId} data={{ 'data-problem': code }} context={state.identity?.context} actions={retry} />;
}
