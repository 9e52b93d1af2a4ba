import { useRef, type CSSProperties, type ReactNode } from 'react';
import { MicOff } from 'lucide-react';
import type { LinkQuality } from '@hearth/shared';
import type { RemotePeer, MediaClient } from '../../session/MediaClient';
import { LinkMark } from '../link/LinkMark';
import { VideoElement } from './MediaElement';
import { usePreferredLayer } from './usePreferredLayer';

/** A short label on a tile: a hand's place, "Facilitator", "Needs help", reconnecting. */
export type TileBadge = { key: string; label: string; tone?: 'attention' | 'primary' | 'danger'; icon?: ReactNode };

type Common = {
  /** The emphasised tile (the speaker, or the round's speaker during a turn). */
  speaking: boolean;
  badges?: TileBadge[];
  /** The member's connection quality (LNK1), when known. */
  link?: LinkQuality | null;
  style?: CSSProperties;
  className?: string;
};

/** `audioOnly`: this member receives no video (LNK3); the tile shows the initials, not a frozen frame. */
export function RemoteTile({ client, peer, speaking, badges = [], link, audioOnly = false, style, className }: Common & { client: MediaClient; peer: RemotePeer; audioOnly?: boolean }) {
  const tile = useRef<HTMLElement>(null);
  usePreferredLayer(client, peer.video, tile);
  const video = peer.video && !peer.video.paused && !audioOnly ? peer.video : undefined;
  const muted = !peer.audio || peer.audio.paused;
  return (
    <figure
      ref={tile}
      className={tileClass('tile', speaking, className)}
      style={style}
      data-testid="remote-tile"
      data-peer-id={peer.id}
      data-video-consumer={peer.video?.consumerId}
      data-spatial-layer={peer.video?.spatialLayer ?? undefined}
    >
      {/* The initials stay under the video: they show until its first frame (after a page turn, a keyframe). */}
      <Initials name={peer.displayName} />
      {video && <VideoElement track={video.track} testId="remote-video" />}
      <TileLabels speaking={speaking} badges={badges} />
      <figcaption className="tile-name">
        {muted && <MutedMark />}
        <span className="tile-name-text">{peer.displayName}</span>
        <LinkMark link={link} />
      </figcaption>
    </figure>
  );
}

type SelfProps = Common & { name: string; stream: MediaStream | undefined; cameraOn: boolean; micOn: boolean };

export function SelfTile({ name, stream, cameraOn, micOn, speaking, badges = [], link, style, className }: SelfProps) {
  const track = cameraOn ? stream?.getVideoTracks()[0] : undefined;
  return (
    <figure className={tileClass('tile self', speaking, className)} style={style} data-testid="self-tile">
      {track ? <VideoElement track={track} mirrored testId="self-video" /> : <Initials name={name} />}
      <TileLabels speaking={speaking} badges={badges} />
      <figcaption className="tile-name">
        {!micOn && <MutedMark />}
        <span className="tile-name-text">{name} (you)</span>
        <LinkMark link={link} />
      </figcaption>
    </figure>
  );
}

/** A member who is in the session but whose connection dropped: where they would be, greyed. */
export function AbsentTile({ id, name, note, style }: { id: string; name: string; note: string; style?: CSSProperties }) {
  return (
    <figure className="tile absent" style={style} data-testid="absent-tile" data-peer-id={id}>
      <Initials name={name} />
      <figcaption className="tile-name">
        <span className="tile-name-text">
          {name} · {note}
        </span>
      </figcaption>
    </figure>
  );
}

function TileLabels({ speaking, badges }: { speaking: boolean; badges: TileBadge[] }) {
  if (!speaking && badges.length === 0) return null;
  return (
    <div className="tile-badges">
      {speaking && <span className="badge badge-primary tile-speaking">Speaking</span>}
      {badges.map((b) => (
        <span key={b.key} className={`badge${b.tone ? ` badge-${b.tone}` : ''}`} title={b.label}>
          {b.icon}
          <span className="tile-badge-text">{b.label}</span>
        </span>
      ))}
    </div>
  );
}

function MutedMark() {
  return (
    <span className="tile-muted">
      <MicOff aria-hidden="true" />
      <span className="visually-hidden">muted, </span>
    </span>
  );
}

function tileClass(base: string, speaking: boolean, extra: string | undefined): string {
  return [base, speaking ? 'speaking' : '', extra ?? ''].filter(Boolean).join(' ');
}

function Initials({ name }: { name: string }) {
  return (
    <div className="initials" aria-hidden="true">
      <span>{name.slice(0, 1).toUpperCase()}</span>
    </div>
  );
}
