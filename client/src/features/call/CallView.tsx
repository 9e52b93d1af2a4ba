import { useState } from 'react';
import type { SessionClient, SessionState } from '../../session/SessionClient';
import { RemoteTile, SelfTile } from './VideoTile';

export function CallView({ client, state }: { client: SessionClient; state: SessionState }) {
  const [problem, setProblem] = useState<string>();
  const hasMic = Boolean(state.localStream?.getAudioTracks().length);
  const act = (action: Promise<void>, failure: string) => {
    setProblem(undefined);
    action.catch(() => setProblem(failure));
  };

  return (
    <main className="call">
      <section className="grid" data-count={state.peers.length + 1} aria-label="Participants">
        <SelfTile
          name={state.displayName}
          stream={state.localStream}
          cameraOn={state.cameraOn}
          micOn={state.micOn}
          speaking={state.activeSpeakerId !== null && state.activeSpeakerId === state.selfId}
        />
        {state.peers.map((peer) => (
          <RemoteTile key={peer.id} client={client} peer={peer} speaking={peer.id === state.activeSpeakerId} />
        ))}
      </section>
      {state.peers.length === 0 && <p className="alone">You are the first one here. Others will appear as they join.</p>}
      {problem && (
        <p role="alert" className="call-error">
          {problem}
        </p>
      )}
      <nav className="controls" aria-label="Call controls">
        <button
          type="button"
          aria-pressed={!state.micOn}
          disabled={!hasMic}
          onClick={() => act(client.setMicOn(!state.micOn), 'Could not change the microphone.')}
        >
          {state.micOn ? 'Mute' : 'Unmute'}
        </button>
        <button
          type="button"
          aria-pressed={!state.cameraOn}
          onClick={() => act(client.setCameraOn(!state.cameraOn), 'Could not start the camera. Check that no other app is using it.')}
        >
          {state.cameraOn ? 'Stop camera' : 'Start camera'}
        </button>
        <button type="button" className="leave" onClick={() => act(client.leave(), 'Could not leave cleanly.')}>
          Leave
        </button>
      </nav>
    </main>
  );
}
