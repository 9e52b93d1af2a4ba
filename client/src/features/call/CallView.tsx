import { useState, type ReactNode } from 'react';
import './legacy.css';
import type { SessionClient, SessionState } from '../../session/SessionClient';
import { RemoteTile, SelfTile } from './VideoTile';

/** What a moderated session adds to the call: its own mic/camera rules, badges, panels. */
export type CallModeration = {
  setMicOn: (on: boolean) => Promise<void>;
  setCameraOn: (on: boolean) => Promise<void>;
  leave: () => Promise<void>;
  /** Short notes under a member's name (hand raised, reconnecting, muted by a facilitator). */
  badges: Record<string, string[]>;
  spotlightId: string | null;
  /** When set (breakouts), only these members' tiles are shown. */
  visible?: Set<string>;
  /** Members who are in the session but not in the media room right now (a dropped connection). */
  absent: { id: string; displayName: string; note: string }[];
  controls: ReactNode;
  panel: ReactNode;
  banner: ReactNode;
};

export function CallView({ client, state, moderation }: { client: SessionClient; state: SessionState; moderation?: CallModeration }) {
  const [problem, setProblem] = useState<string>();
  const hasMic = Boolean(state.localStream?.getAudioTracks().length);
  const act = (action: Promise<void>, failure: string) => {
    setProblem(undefined);
    action.catch(() => setProblem(failure));
  };

  const setMicOn = moderation?.setMicOn ?? ((on: boolean) => client.setMicOn(on));
  const setCameraOn = moderation?.setCameraOn ?? ((on: boolean) => client.setCameraOn(on));
  const leave = moderation?.leave ?? (() => client.leave());
  // The spotlighted member leads the grid for everyone.
  const shown = moderation?.visible ? state.peers.filter((p) => moderation.visible!.has(p.id)) : state.peers;
  const peers = moderation?.spotlightId
    ? [...shown].sort((a, b) => Number(b.id === moderation.spotlightId) - Number(a.id === moderation.spotlightId))
    : shown;

  return (
    <main className={`call${moderation?.panel ? ' with-panel' : ''}`}>
      {moderation?.banner}
      <section className="grid" data-count={state.peers.length + 1} aria-label="Participants">
        <SelfTile
          name={state.displayName}
          stream={state.localStream}
          cameraOn={state.cameraOn}
          micOn={state.micOn}
          speaking={state.activeSpeakerId !== null && state.activeSpeakerId === state.selfId}
        />
        {peers.map((peer) => (
          <RemoteTile
            key={peer.id}
            client={client}
            peer={peer}
            speaking={peer.id === state.activeSpeakerId}
            spotlight={peer.id === moderation?.spotlightId}
            badges={moderation?.badges[peer.id] ?? []}
          />
        ))}
        {moderation?.absent
          // Someone dropped shows only where they would be seen: a pair sees its own partner drop.
          .filter((a) => !state.peers.some((p) => p.id === a.id) && (moderation.visible?.has(a.id) ?? true))
          .map((a) => (
            <figure key={a.id} className="tile absent" data-testid="absent-tile" data-peer-id={a.id}>
              <div className="initials" aria-hidden="true">
                {a.displayName.slice(0, 1).toUpperCase()}
              </div>
              <figcaption>
                {a.displayName} · {a.note}
              </figcaption>
            </figure>
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
          onClick={() => act(setMicOn(!state.micOn), 'Could not change the microphone.')}
        >
          {state.micOn ? 'Mute' : 'Unmute'}
        </button>
        <button
          type="button"
          aria-pressed={!state.cameraOn}
          onClick={() => act(setCameraOn(!state.cameraOn), 'Could not start the camera. Check that no other app is using it.')}
        >
          {state.cameraOn ? 'Stop camera' : 'Start camera'}
        </button>
        {moderation?.controls}
        <button type="button" className="leave" onClick={() => act(leave(), 'Could not leave cleanly.')}>
          Leave
        </button>
      </nav>
      {moderation?.panel}
    </main>
  );
}
