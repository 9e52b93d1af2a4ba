import type { LinkQuality, PeerInfo } from '@hearth/shared';

export type RemoteTrack = {
  consumerId: string;
  track: MediaStreamTrack;
  /** The sender paused it (muted mic, camera off). */
  paused: boolean;
  /** Simulcast layers the sender offers (1 when it sends a single stream). */
  spatialLayers: number;
  /** The layer the SFU currently forwards, once it has said. */
  spatialLayer: number | null;
};

export type RemotePeer = PeerInfo & { audio?: RemoteTrack; video?: RemoteTrack };

export type MediaStatus = 'idle' | 'joining' | 'joined' | 'left' | 'failed';

export type MediaState = {
  status: MediaStatus;
  error: string | undefined;
  selfId: string | undefined;
  displayName: string;
  peers: RemotePeer[];
  activeSpeakerId: string | null;
  localStream: MediaStream | undefined;
  micOn: boolean;
  cameraOn: boolean;
  /** This call's own network link (LinkMonitor), null until first read. */
  link: LinkQuality | null;
  /** No video is received (the member chose audio only). */
  audioOnly: boolean;
};

export const initialMediaState: MediaState = {
  status: 'idle',
  error: undefined,
  selfId: undefined,
  displayName: '',
  peers: [],
  activeSpeakerId: null,
  localStream: undefined,
  micOn: false,
  cameraOn: false,
  link: null,
  audioOnly: false,
};
