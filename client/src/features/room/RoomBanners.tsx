import { X } from 'lucide-react';
import { isReconnecting, type ModeratedSession, type ModeratedState } from '../../session/ModeratedSession';
import type { MediaState } from '../../session/MediaClient';
import { BreakBanner } from '../breaks/BreakBanner';
import { BreakoutBanner } from '../breakouts/BreakoutBanner';
import { AudioOnlyBanner } from '../link/AudioOnlyBanner';
import { PulsePrompt } from '../rounds/PulsePrompt';
import { RoundBanner } from '../rounds/RoundBanner';
import { asideNoticeOf, namesOf, othersAsideText, type Room } from './selectors';

type Props = {
  session: ModeratedSession;
  media: MediaState;
  state: ModeratedState;
  room: Room;
  held: boolean;
  alone: boolean;
  /** The member asked for help and has not put the confirmation away yet. */
  helpAsked: boolean;
  onDismissHelp: () => void;
};

/** The stage's strip of notices, most urgent first; each one short, so the tiles keep their space. */
export function RoomBanners({ session, media, state, room, held, alone, helpAsked, onDismissHelp }: Props) {
  const names = namesOf(room);
  const aside = asideNoticeOf(room);
  const participant = room.kind === 'participant';
  return (
    <>
      {isReconnecting(state) && (
        <p className="notice notice-attention" role="status">
          Reconnecting… your place in the group is kept.
        </p>
      )}
      {participant && state.refusal && (
        <p role="alert" className="notice notice-error">
          {state.refusal}
        </p>
      )}
      {participant && helpAsked && state.helpRequested && (
        <div className="notice notice-success notice-dismissible" role="status">
          <p>Your facilitators have been told, privately. They will reach out to you.</p>
          <button type="button" className="btn btn-quiet btn-icon" aria-label="Dismiss" onClick={onDismissHelp}>
            <X aria-hidden="true" />
          </button>
        </div>
      )}
      {aside?.kind === 'self' && (
        <p className="notice notice-info" data-testid="side-room" role="status">
          You are in a private conversation with your facilitator. The group carries on; you will return to it.
        </p>
      )}
      {aside?.kind === 'facilitator' && (
        <p className="notice notice-info" data-testid="side-room-facilitator">
          You are talking privately with {aside.memberName}. The group carries on without you both.
        </p>
      )}
      {aside?.kind === 'others' && (
        <p className="notice notice-info" data-testid="aside-notice" role="status">
          {othersAsideText(aside.count)}
        </p>
      )}
      {participant && room.self.mutedByFacilitator && (
        <p className="notice" data-testid="muted-by-facilitator">
          A facilitator muted you.{room.selfUnmuteLocked ? ' Raise your hand if you would like to speak.' : ''}
        </p>
      )}
      {room.groupBreak && <BreakBanner groupBreak={room.groupBreak} session={session} facilitator={!participant} />}
      <AudioOnlyBanner session={session} link={media.link} audioOnly={media.audioOnly} />
      {room.breakout && <BreakoutBanner breakout={room.breakout} selfId={room.self.id} names={names} session={session} facilitator={!participant} />}
      {room.round && <RoundBanner round={room.round} selfId={room.self.id} names={names} session={session} heldForTurn={held} />}
      {participant && room.pulse && <PulsePrompt pulse={room.pulse} session={session} />}
      {alone && !room.breakout && !aside && <p className="notice">You are the first one here. Others will appear as they join.</p>}
    </>
  );
}
