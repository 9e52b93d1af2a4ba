import { useState, type ReactNode } from 'react';
import { Mic, MicOff, Video, VideoOff } from 'lucide-react';
import './call.css';
import type { MediaClient, MediaState } from '../../session/MediaClient';
import { announce } from '../../ui/announcer';
import { useCallPreferences } from './callPreferences';
import { ControlButton } from './ControlButton';
import { LeaveButton, type LeaveWords } from './LeaveButton';
import { AudioElement } from './MediaElement';
import { MoreMenu } from './MoreMenu';
import { SidePanel, SideToggle, type SidePanelConfig } from './SidePanel';
import { Stage, type StageTile } from './Stage';
import type { TileBadge } from './VideoTile';

export type { StageTile } from './Stage';
export type { SidePanelConfig } from './SidePanel';

type Props = {
  client: MediaClient;
  media: MediaState;
  /** The page's heading: the group's name, the session's title, the room. */
  title: string;
  /** Beside the heading: the elapsed time, a facilitator's tools. */
  titleNote?: ReactNode;
  headerActions?: ReactNode;
  side?: SidePanelConfig;
  banners?: ReactNode;
  tiles: StageTile[];
  selfBadges?: TileBadge[];
  emphasisId: string | null;
  mainPreferred?: (string | null | undefined)[];
  setMicOn: (on: boolean) => Promise<void>;
  setCameraOn: (on: boolean) => Promise<void>;
  /** The microphone is held by the session for now (someone else's turn): why, in a few words. */
  micHeld?: { label: string; reason: string };
  /** The buttons a moderated session adds (hand, help), between the camera and More. */
  controls?: ReactNode;
  /** This person takes turns in rounds: the More menu offers the turn's sound cue. */
  takesTurns?: boolean;
  leave: { words: LeaveWords; onLeave: () => Promise<void> };
};

/**
 * The call as everyone sees it: a header, the stage (notices, then the tiles), an optional
 * side column (the facilitator's console, or chat), and a control bar that never grows.
 */
export function CallView(props: Props) {
  const { client, media, side } = props;
  const [prefs] = useCallPreferences();
  const [problem, setProblem] = useState<string>();
  const [sideOpen, setSideOpen] = useState(false);
  const act = (action: Promise<void>, failure: string) => {
    setProblem(undefined);
    action.catch(() => setProblem(failure));
  };
  const openSide = (open: boolean) => {
    setSideOpen(open);
    side?.onOpenChange?.(open);
  };

  return (
    <div className="room theme-stage" data-side={side ? (side.pinnedOnWide ? 'pinned' : 'optional') : undefined}>
      <header className="room-header">
        <div className="room-title">
          <h1>{props.title}</h1>
          {props.titleNote}
        </div>
        <div className="room-header-actions">
          {props.headerActions}
          {side && <SideToggle config={side} open={sideOpen} onOpen={openSide} />}
        </div>
      </header>
      <div className="room-body">
        <main className="room-main" aria-label="Call">
          <Stage
            client={client}
            media={media}
            tiles={props.tiles}
            selfBadges={props.selfBadges ?? []}
            selfView={prefs.selfView}
            layout={prefs.layout}
            emphasisId={props.emphasisId}
            mainPreferred={props.mainPreferred ?? [props.emphasisId]}
            banners={
              (props.banners || problem) && (
                <>
                  {problem && (
                    <p role="alert" className="notice notice-error">
                      {problem}
                    </p>
                  )}
                  {props.banners}
                </>
              )
            }
          />
        </main>
        {side && <SidePanel config={side} open={sideOpen} onOpen={openSide} />}
      </div>
      <nav className="control-bar" aria-label="Call controls">
        <MicButton media={media} held={props.micHeld} onToggle={(on) => act(props.setMicOn(on), 'Could not change the microphone.')} />
        <ControlButton
          label={media.cameraOn ? 'Stop camera' : 'Start camera'}
          short="Camera"
          icon={media.cameraOn ? <Video aria-hidden="true" /> : <VideoOff aria-hidden="true" />}
          tone={media.cameraOn ? undefined : 'off'}
          onClick={() => act(props.setCameraOn(!media.cameraOn), 'Could not start the camera. Check that no other app is using it.')}
        />
        {props.controls}
        <MoreMenu turnSound={props.takesTurns ?? false} />
        <LeaveButton words={props.leave.words} onLeave={() => act(props.leave.onLeave(), 'Could not leave cleanly.')} />
      </nav>
      {/* Every voice plays, whichever tiles are on screen. */}
      <div hidden>
        {media.peers.map(
          (peer) =>
            peer.audio && (
              <span key={peer.id} data-peer-id={peer.id}>
                <AudioElement track={peer.audio.track} />
              </span>
            ),
        )}
      </div>
    </div>
  );
}

function MicButton({ media, held, onToggle }: { media: MediaState; held: Props['micHeld']; onToggle: (on: boolean) => void }) {
  const hasMic = Boolean(media.localStream?.getAudioTracks().length);
  if (held) {
    // Not a live-looking Mute: the session holds the microphone for now, and pressing says why.
    return (
      <ControlButton
        label={held.label}
        short="Muted"
        icon={<MicOff aria-hidden="true" />}
        tone="off"
        aria-disabled="true"
        title={held.reason}
        onClick={() => announce(held.reason)}
      />
    );
  }
  return (
    <ControlButton
      label={media.micOn ? 'Mute' : 'Unmute'}
      icon={media.micOn ? <Mic aria-hidden="true" /> : <MicOff aria-hidden="true" />}
      tone={media.micOn ? undefined : 'off'}
      disabled={!hasMic}
      onClick={() => onToggle(!media.micOn)}
    />
  );
}
