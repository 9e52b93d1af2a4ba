import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { MessageSquare, PanelRight } from 'lucide-react';
import './room.css';
import type { CommandResponse } from '@hearth/shared';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import type { MediaState } from '../../session/MediaClient';
import { announce } from '../../ui/announcer';
import { CallView, type SidePanelConfig, type StageTile } from '../call/CallView';
import { openAlerts } from '../console/alerts';
import { ChatPanel } from '../moderated/ChatPanel';
import { CrisisResources } from '../moderated/CrisisResources';
import { RoomBanners } from './RoomBanners';
import { HandButton, HelpButton } from './RoomControls';
import { tileBadges } from './tileBadges';
import {
  absentOf,
  announcementsBetween,
  badgesOf,
  elapsedSince,
  emphasisOf,
  formatElapsed,
  heldForTurn,
  mainPreferenceOf,
  roomOf,
  visibleIn,
  type Room,
} from './selectors';
import { leadingOrder } from '../call/stageLayout';

// Facilitators only: a participant's phone never downloads the console.
const FacilitatorConsole = lazy(() => import('../console/FacilitatorConsole').then((m) => ({ default: m.FacilitatorConsole })));
const ConsoleHeader = lazy(() => import('../console/FacilitatorConsole').then((m) => ({ default: m.ConsoleHeader })));

type Props = { session: ModeratedSession; state: ModeratedState; media: MediaState };
type SessionContext = NonNullable<CommandResponse<'session:identity'>['context']>;
export type { Room } from './selectors';

/** A moderated session once admitted: the call, its notices and controls, and (facilitators) the console. */
export function RoomScreen({ session, state, media }: Props) {
  const room = roomOf(state.view);
  useRoomAnnouncements(room);
  const facilitator = room?.kind === 'facilitator';
  const chat = useChatSide(session, state, room);
  const held = heldForTurn(room);
  const [helpAsked, setHelpAsked] = useState(false);

  const visible = room && visibleIn(room);
  const inMedia = new Set(media.peers.map((p) => p.id));
  const remote: StageTile[] = media.peers
    .filter((p) => visible?.has(p.id) ?? true)
    .map((peer) => {
      const member = room?.members.find((m) => m.id === peer.id);
      return { kind: 'remote', id: peer.id, peer, badges: tileBadges(badgesOf(member, room?.kind ?? 'participant')), link: member?.link };
    });
  const absent: StageTile[] = room
    ? absentOf(room, inMedia).map((a) => ({ kind: 'absent', id: a.id, name: a.displayName, note: a.note }))
    : [];
  const tiles = leadingOrder([...remote, ...absent], [room?.spotlightId, room?.round?.speakerId]);
  const context = contextOf(state);

  return (
    <CallView
      client={session.media}
      media={media}
      title={facilitator ? (context?.title ?? 'Group session') : (context?.groupName ?? 'Your group')}
      titleNote={facilitator && room ? <Elapsed room={room} /> : undefined}
      headerActions={
        facilitator && room ? (
          <Suspense fallback={null}>
            <ConsoleHeader session={session} state={state} view={room} />
          </Suspense>
        ) : (
          <CrisisResources />
        )
      }
      side={facilitator && room ? consoleSide(session, state, room) : chat}
      banners={
        room && (
          <RoomBanners
            session={session}
            state={state}
            room={room}
            held={held}
            alone={tiles.length === 0}
            media={media}
            helpAsked={helpAsked}
            onDismissHelp={() => setHelpAsked(false)}
          />
        )
      }
      tiles={tiles}
      selfBadges={tileBadges(badgesOf(room?.self, room?.kind ?? 'participant').filter((b) => b.key !== 'facilitator'))}
      emphasisId={emphasisOf(room, media.activeSpeakerId)}
      mainPreferred={mainPreferenceOf(room, media.activeSpeakerId)}
      setMicOn={(on) => session.setMicOn(on)}
      setCameraOn={(on) => session.setCameraOn(on)}
      micHeld={held ? { label: 'Muted for this turn', reason: 'Only the speaker can be heard during this turn. Your turn will come.' } : undefined}
      takesTurns={room?.kind === 'participant'}
      controls={
        room?.kind === 'participant' && (
          <>
            <HandButton session={session} room={room} />
            <HelpButton
              onHelp={() => {
                setHelpAsked(true);
                void session.requestHelp();
              }}
            />
          </>
        )
      }
      leave={{
        words: facilitator
          ? {
              title: 'Leave the session?',
              description: 'Leaving does not end the session: the group carries on without you. To end it for everyone, use “End session” in the console.',
              confirm: 'Leave',
            }
          : {
              title: 'Leave the group?',
              description: 'You will leave tonight’s group. If something is wrong, “I need help” reaches your facilitators privately instead.',
              confirm: 'Leave the group',
            },
        onLeave: () => session.leave(),
      }}
    />
  );
}

/** The group's name and the session's title, once the server sends them (older servers do not). */
function contextOf(state: ModeratedState): SessionContext | undefined {
  return (state.identity as (NonNullable<ModeratedState['identity']> & { context?: SessionContext }) | undefined)?.context;
}

function consoleSide(session: ModeratedSession, state: ModeratedState, room: Extract<Room, { kind: 'facilitator' }>): SidePanelConfig {
  return {
    id: 'facilitator-console',
    label: 'Facilitator console',
    toggleLabel: 'Console',
    icon: <PanelRight aria-hidden="true" />,
    // Where the console is a closed panel (a phone, an upright tablet), its button counts what needs a facilitator.
    count: openAlerts(room).length,
    pinnedOnWide: true,
    content: (
      <Suspense fallback={<p className="muted">Loading the console…</p>}>
        <FacilitatorConsole session={session} state={state} view={room} />
      </Suspense>
    ),
  };
}

/** A participant's chat: a panel from the header, with the count of messages not yet seen. */
function useChatSide(session: ModeratedSession, state: ModeratedState, room: Room | undefined): SidePanelConfig {
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(0);
  const total = state.chat.length;
  useEffect(() => {
    if (open) setSeen(total);
  }, [open, total]);
  const unread = state.chat.slice(seen).filter((m) => m.fromId !== room?.self.id).length;
  return {
    id: 'chat-panel',
    label: 'Chat',
    toggleLabel: 'Chat',
    icon: <MessageSquare aria-hidden="true" />,
    count: open ? 0 : unread,
    pinnedOnWide: false,
    onOpenChange: setOpen,
    content: <ChatPanel session={session} state={state} facilitator={false} />,
  };
}

function Elapsed({ room }: { room: Room }) {
  const since = elapsedSince(room);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (since === undefined) return null;
  return (
    <span className="room-title-note" data-testid="elapsed">
      {formatElapsed(now - since)} in
    </span>
  );
}

/** Admissions, turn changes and pair moves, read out as they happen (one's own turn assertively). */
function useRoomAnnouncements(room: Room | undefined): void {
  const previous = useRef<Room>(undefined);
  useEffect(() => {
    if (!room) return;
    // One message per region: two set in the same moment would leave only the second to be read.
    const said = announcementsBetween(previous.current, room);
    for (const politeness of ['assertive', 'polite'] as const) {
      const text = said.filter((a) => a.politeness === politeness).map((a) => a.text);
      if (text.length > 0) announce(text.join(' '), politeness);
    }
    previous.current = room;
  }, [room]);
}
