import { lazy, Suspense, useState } from 'react';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import type { SessionState } from '../../session/SessionClient';
import { CallView, type CallModeration } from '../call/CallView';
import { ChatPanel } from '../moderated/ChatPanel';
import { CrisisResources } from '../moderated/CrisisResources';
import { HelpButton } from '../moderated/WaitingRoom';
import { PulsePrompt } from '../rounds/PulsePrompt';
import { RoundBanner } from '../rounds/RoundBanner';
import { BreakoutBanner } from '../breakouts/BreakoutBanner';

// Facilitators only: a participant's phone never downloads the console.
const FacilitatorConsole = lazy(() => import('../console/FacilitatorConsole').then((m) => ({ default: m.FacilitatorConsole })));

type Props = { session: ModeratedSession; state: ModeratedState; media: SessionState };
export type Room = Extract<NonNullable<ModeratedState['view']>, { kind: 'participant' | 'facilitator' }>;

/** A moderated session once admitted: the call, its banners and controls, and (facilitators) the console. */
export function RoomScreen({ session, state, media }: Props) {
  return <CallView client={session.media} state={media} moderation={moderation(session, state)} />;
}

function moderation(session: ModeratedSession, state: ModeratedState): CallModeration {
  const view = state.view;
  const room = view && (view.kind === 'participant' || view.kind === 'facilitator') ? view : undefined;
  const badges: Record<string, string[]> = {};
  for (const m of room?.members ?? []) {
    const notes: string[] = [];
    if (m.handPosition !== null) notes.push(`hand ${m.handPosition}`);
    if (!m.connected) notes.push('reconnecting');
    if (m.role === 'facilitator') notes.push('facilitator');
    badges[m.id] = notes;
  }
  const handRaised = room?.self.handPosition !== null && room?.self.handPosition !== undefined;
  return {
    setMicOn: (on) => session.setMicOn(on),
    setCameraOn: (on) => session.setCameraOn(on),
    leave: () => session.leave(),
    badges,
    spotlightId: room?.spotlightId ?? null,
    // A side room shows the two in it; breakouts one's own group (a listening facilitator: the
    // group listened to); otherwise everyone not taken aside.
    visible: room ? visibleIn(room) : undefined,
    absent: (room?.members ?? [])
      .filter((m) => m.status === 'admitted' && !m.connected && m.id !== room?.self.id)
      .map((m) => ({ id: m.id, displayName: m.displayName, note: room?.breakout?.myGroup?.memberIds.includes(m.id) ? 'dropped, reconnecting to your pair…' : 'reconnecting…' })),
    banner: (
      <>
        {state.reconnecting && <p className="notice">Reconnecting…</p>}
        {room?.breakout && (
          <BreakoutBanner
            breakout={room.breakout}
            names={new Map(room.members.map((m) => [m.id, m.displayName]))}
            session={session}
            facilitator={room.kind === 'facilitator'}
          />
        )}
        {room && room.sideRooms.some((r) => r.memberId === room.self.id) && (
          <p className="notice" data-testid="side-room" role="status">
            You are in a private conversation with your facilitator. The group carries on; you will return to it.
          </p>
        )}
        {room?.round && (
          <RoundBanner round={room.round} selfId={room.self.id} names={new Map(room.members.map((m) => [m.id, m.displayName]))} session={session} />
        )}
        {room?.kind === 'participant' && room.pulse && <PulsePrompt pulse={room.pulse} session={session} />}
        {room?.kind === 'participant' && room.self.mutedByFacilitator && (
          <p className="notice" data-testid="muted-by-facilitator">
            A facilitator muted you.{room.selfUnmuteLocked ? ' Raise your hand if you would like to speak.' : ''}
          </p>
        )}
        {room?.kind === 'participant' && state.refusal && (
          <p role="alert" className="call-error">
            {state.refusal}
          </p>
        )}
      </>
    ),
    controls: room?.kind === 'participant' && (
      <>
        <button type="button" aria-pressed={handRaised} onClick={() => void session.command(handRaised ? { type: 'lowerHand' } : { type: 'raiseHand' })}>
          {handRaised ? 'Lower hand' : 'Raise hand'}
        </button>
        <HelpButton session={session} state={state} />
        <CrisisResources />
      </>
    ),
    panel: room && (
      <div className="side">
        {room.kind === 'facilitator' ? (
          <Suspense fallback={<p className="muted">Loading the console…</p>}>
            <FacilitatorConsole session={session} state={state} view={room} />
          </Suspense>
        ) : (
          <ChatToggle session={session} state={state} />
        )}
      </div>
    ),
  };
}

function visibleIn(room: Room): Set<string> | undefined {
  const side = room.sideRooms.find((r) => r.memberId === room.self.id || r.facilitatorId === room.self.id);
  if (side) return new Set([side.memberId, side.facilitatorId]);
  const apart = new Set(room.sideRooms.flatMap((r) => [r.memberId, r.facilitatorId]));
  const base = room.breakout ? breakoutVisible(room) : new Set(room.members.map((m) => m.id));
  if (!room.breakout && apart.size === 0) return undefined;
  return new Set([...base].filter((id) => !apart.has(id)));
}

function breakoutVisible(room: Room): Set<string> {
  const b = room.breakout!;
  const mine = b.myGroup?.memberIds ?? [];
  const listened = (b.groups ?? []).filter((g) => g.listenedBy.includes(room.self.id)).flatMap((g) => g.memberIds);
  if (mine.length || listened.length) return new Set([...mine, ...listened]);
  // In the main room: the others in no group (facilitators, latecomers).
  const grouped = new Set((b.groups ?? []).flatMap((g) => g.memberIds));
  return new Set(room.members.filter((m) => m.status === 'admitted' && !grouped.has(m.id)).map((m) => m.id));
}

function ChatToggle(props: { session: ModeratedSession; state: ModeratedState }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="chat-toggle">
      <button type="button" className="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide chat' : `Chat${props.state.chat.length ? ` (${props.state.chat.length})` : ''}`}
      </button>
      {open && <ChatPanel {...props} facilitator={false} />}
    </div>
  );
}
