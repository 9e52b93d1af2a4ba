import { Device } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { FakeMediaStreamTrack } from 'fake-mediastreamtrack';

/** A mediasoup-client Device on the library's own fake handler: real producers and consumers, no WebRTC. */
export function fakeDevice(): Promise<Device> {
  return Device.factory({ handlerFactory: FakeHandler.createFactory(fakeParameters) });
}

/**
 * The little of MediaStream the session layer uses, for Node (which has none). Installed once;
 * the tracks are mediasoup-client's fake tracks.
 */
class FakeMediaStream {
  readonly #tracks: MediaStreamTrack[];
  constructor(tracks: MediaStreamTrack[] = []) {
    this.#tracks = [...tracks];
  }
  getTracks = () => [...this.#tracks];
  getAudioTracks = () => this.#tracks.filter((t) => t.kind === 'audio');
  getVideoTracks = () => this.#tracks.filter((t) => t.kind === 'video');
}

export function installMediaStream(): void {
  (globalThis as { MediaStream?: unknown }).MediaStream ??= FakeMediaStream;
}

/** What a member picked on the pre-join screen: a live microphone, no camera. */
export function micOnlyStream(): MediaStream {
  installMediaStream();
  return new MediaStream([new FakeMediaStreamTrack({ kind: 'audio' }) as unknown as MediaStreamTrack]);
}
