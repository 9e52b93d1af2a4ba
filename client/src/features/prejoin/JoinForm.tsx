import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LockKeyhole } from 'lucide-react';
import './prejoin.css';
import { DisplayName } from '@hearth/shared';
import type { CaptureProfile } from '../../session/localMedia';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DeviceSettings } from './DeviceSettings';
import { deviceNoticeText, joinChoices, mediaMessage, type InputStatus, type JoinChoice } from './mediaMessages';
import { MicLevelMeter } from './MicLevelMeter';
import { SpeakerTest } from './SpeakerTest';
import { usePreviewMedia } from './usePreviewMedia';

/** What the session needs besides the tracks: the camera to use if it is turned on later. */
export type JoinDevices = { cameraDeviceId: string | undefined };

type Props = {
  /** An open room's name, shown under the heading (a moderated session shows `about` instead). */
  roomId?: string;
  /** Which group and when, above the heading. */
  about?: ReactNode;
  documentTitle?: string;
  busy: boolean;
  error: string | undefined;
  leftRoom: boolean;
  capture: CaptureProfile;
  /** The name the invite or sign-in gives: shown, not asked for. */
  fixedName?: string;
  onJoin: (displayName: string, stream: MediaStream | undefined, devices: JoinDevices) => void;
};

const NAME_KEY = 'hearth.displayName';
/** If the camera has not opened by then, offer to join without it rather than leave someone stuck. */
const SLOW_START_MS = 8_000;

/**
 * The pre-join screen: a preview of the camera, a live microphone bar, a speaker test,
 * device pickers, the name, and the ways to join. Says kindly what to do when a device is
 * blocked, missing or busy, and always leaves a way in.
 */
export function JoinForm({ roomId, about, documentTitle = 'Check your camera and sound · Hearth', busy, error, leftRoom, capture, fixedName, onJoin }: Props) {
  useDocumentTitle(documentTitle);
  const [name, setName] = useState(() => fixedName ?? localStorage.getItem(NAME_KEY) ?? '');
  const [nameError, setNameError] = useState<string>();
  const [insecure] = useState(cannotUseDevices);
  const { preview, state } = usePreviewMedia(capture);
  const slow = useSlowStart(state.status === 'starting');

  // An input without a track but without a problem is being switched (or was left off on purpose).
  const status = (input: typeof state.camera): InputStatus => input.problem ?? 'ok';
  const starting = !insecure && state.status === 'starting' && !state.camera.track && !state.mic.track;
  // On a page that may not use devices at all, that is the one message: "could not be started" would mislead.
  const message = starting || insecure ? undefined : mediaMessage(status(state.camera), status(state.mic));
  const choices = joinChoices(status(state.camera) === 'ok', status(state.mic) === 'ok');
  const settling = state.status === 'starting' || state.status === 'switching';

  const join = (choice: JoinChoice) => {
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? 'Enter a name.');
      return;
    }
    if (!fixedName) localStorage.setItem(NAME_KEY, parsed.data);
    const stream = preview?.handOff({ camera: choice.camera });
    onJoin(parsed.data, stream, { cameraDeviceId: state.camera.deviceId });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!starting) join(choices.primary);
  };

  return (
    <main className="prejoin">
      <header className="prejoin-head">
        {about}
        <h1>Check your camera and sound</h1>
        {roomId && <p className="room-label">Room {roomId}</p>}
        {leftRoom ? (
          <p className="notice notice-info">You left the room.</p>
        ) : (
          <p className="prejoin-intro">No one can see or hear you until you join.</p>
        )}
      </header>

      <section className="prejoin-media" aria-label="Your camera and microphone">
        {insecure && (
          <div role="alert" className="notice notice-attention prejoin-insecure" data-testid="insecure-page">
            <LockKeyhole aria-hidden="true" />
            <div>
              <p>
                <strong>Your camera and microphone cannot be used on this page,</strong> because it was not opened over a secure
                connection (https).
              </p>
              <p>To join with camera and sound, open the link your clinic sent you exactly as it is: it starts with https://.</p>
              <p>You can still join now to see and hear the group.</p>
            </div>
          </div>
        )}
        {state.notice && (
          <p role="status" className="notice notice-info device-notice">
            {deviceNoticeText(state.notice)}
          </p>
        )}
        {message && (
          <div role="alert" className="notice notice-attention media-error" data-testid="media-error" data-problem={message.problem}>
            <p>{message.text}</p>
            <p>{message.next}</p>
            <button type="button" className="btn" onClick={() => void preview?.retry()} disabled={settling || busy}>
              Try again
            </button>
          </div>
        )}
        <div className={state.camera.track ? 'preview' : 'preview off'}>
          {state.camera.track ? (
            <PreviewVideo track={state.camera.track} />
          ) : (
            <div className="preview-off">
              {starting ? (
                <p>Starting your camera and microphone… If your browser asks, choose Allow.</p>
              ) : (
                <>
                  <span className="preview-initial" aria-hidden="true">
                    {name.trim().slice(0, 1).toUpperCase()}
                  </span>
                  <p>{insecure ? 'No camera on this page.' : 'Camera off.'} The group will see your initial.</p>
                </>
              )}
            </div>
          )}
        </div>
        <div className="checks card">
          <MicLevelMeter track={state.mic.track} />
          <SpeakerTest speakerId={state.speakerId} />
        </div>
      </section>

      <form className="prejoin-form card" onSubmit={submit}>
        {fixedName ? (
          <p className="fixed-name" data-testid="fixed-name">
            The group will see you as <strong>{fixedName}</strong>.
          </p>
        ) : (
          <>
            <label htmlFor="display-name" className="label">
              Your first name or a chosen name
            </label>
            <input
              id="display-name"
              name="displayName"
              autoComplete="given-name"
              maxLength={40}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(undefined);
              }}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'display-name-error' : undefined}
            />
            {nameError && (
              <p id="display-name-error" className="field-error">
                {nameError}
              </p>
            )}
          </>
        )}
        <div className="join-actions">
          {starting ? (
            <>
              <button type="submit" className="btn btn-primary btn-block" disabled>
                Join
              </button>
              {slow && (
                <button type="button" className="btn btn-block" disabled={busy} onClick={() => join({ label: '', camera: false })}>
                  Join without camera and microphone
                </button>
              )}
            </>
          ) : (
            <>
              <button type="submit" className="btn btn-primary btn-block" disabled={busy || settling}>
                {busy ? 'Joining…' : choices.primary.label}
              </button>
              {choices.secondary && !busy && (
                <button type="button" className="btn btn-block" disabled={settling} onClick={() => choices.secondary && join(choices.secondary)}>
                  {choices.secondary.label}
                </button>
              )}
            </>
          )}
        </div>
        {error && (
          <p role="alert" className="notice notice-error join-error">
            {error}
          </p>
        )}
      </form>

      <DeviceSettings state={state} disabled={settling || busy} onSelect={(kind, id) => void preview?.select(kind, id)} />
    </main>
  );
}

function PreviewVideo({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = new MediaStream([track]);
  }, [track]);
  return <video ref={ref} autoPlay playsInline muted data-testid="preview" aria-label="Your camera preview" />;
}

/**
 * Browsers give cameras and microphones only to secure pages (https, or localhost): opened
 * over plain http from another machine there is no navigator.mediaDevices at all.
 */
function cannotUseDevices(): boolean {
  return !window.isSecureContext || !navigator.mediaDevices?.getUserMedia;
}

/** True once `starting` has lasted SLOW_START_MS. */
function useSlowStart(starting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!starting) return;
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => clearTimeout(timer);
  }, [starting]);
  return slow;
}
