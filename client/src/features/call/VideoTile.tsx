import { useRef } from 'react';
import type { RemotePeer, SessionClient } from '../../session/SessionClient';
import { AudioElement, VideoElement } from './MediaElement';
import { usePreferredLayer } from './usePreferredLayer';

type RemoteProps = { client: SessionClient; peer: RemotePeer; speaking: boolean; spotlight?: boolean; badges?: string[] };

export function RemoteTile({ client, peer, speaking, spotlight = false, badges = [] }: RemoteProps) {
  const tile = useRef<HTMLElement>(null);
  usePreferredLayer(client, peer.video, tile);
  const video = peer.video && !peer.video.paused ? peer.video : undefined;
  const muted = !peer.audio || peer.audio.paused;
  return (
    <figure
      ref={tile}
      className={`tile${speaking ? ' speaking' : ''}${spotlight ? ' spotlight' : ''}`}
      data-testid="remote-tile"
      data-peer-id={peer.id}
      data-video-consumer={peer.video?.consumerId}
      data-spatial-layer={peer.video?.spatialLayer ?? undefined}
      aria-label={`${peer.displayName}${speaking ? ', speaking' : ''}${muted ? ', muted' : ''}`}
    >
      {video ? <VideoElement track={video.track} testId="remote-video" /> : <Initials name={peer.displayName} />}
      {peer.audio && <AudioElement track={peer.audio.track} />}
      <figcaption>
        {peer.displayName}
        {muted && <span className="muted-badge" aria-hidden="true"> · muted</span>}
        {badges.map((b) => (
          <span key={b} className="tile-badge">
            {' '}
            · {b}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

type SelfProps = { name: string; stream: MediaStream | undefined; cameraOn: boolean; micOn: boolean; speaking: boolean };

export function SelfTile({ name, stream, cameraOn, micOn, speaking }: SelfProps) {
  const track = cameraOn ? stream?.getVideoTracks()[0] : undefined;
  return (
    <figure className={`tile self${speaking ? ' speaking' : ''}`} data-testid="self-tile">
      {track ? <VideoElement track={track} mirrored testId="self-video" /> : <Initials name={name} />}
      <figcaption>
        {name} (you){!micOn && <span className="muted-badge"> · muted</span>}
      </figcaption>
    </figure>
  );
}

function Initials({ name }: { name: string }) {
  return (
    <div className="initials" aria-hidden="true">
      {name.slice(0, 1).toUpperCase()}
    </div>
  );
}
