import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DisplayName } from '@hearth/shared';
import { getLocalMedia, LocalMediaError, type CaptureProfile } from '../../session/localMedia';

type Props = {
  roomId: string;
  busy: boolean;
  error: string | undefined;
  leftRoom: boolean;
  capture: CaptureProfile;
  onJoin: (displayName: string, stream: MediaStream | undefined) => void;
};

const NAME_KEY = 'hearth.displayName';

/** Name, camera preview and the choice to join; explains a blocked or missing camera. */
export function JoinForm({ roomId, busy, error, leftRoom, capture, onJoin }: Props) {
  const [name, setName] = useState(() => localStorage.getItem(NAME_KEY) ?? '');
  const [nameError, setNameError] = useState<string>();
  const [stream, setStream] = useState<MediaStream>();
  const [mediaError, setMediaError] = useState<LocalMediaError>();
  const [attempt, setAttempt] = useState(0);
  const preview = useRef<HTMLVideoElement>(null);
  // Once joined, the session owns the tracks and the preview must not stop them on unmount.
  const handedOff = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let got: MediaStream | undefined;
    setMediaError(undefined);
    getLocalMedia(capture, { audio: true, video: true })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        got = s;
        setStream(s);
      })
      .catch((err: unknown) => {
        if (!cancelled) setMediaError(err instanceof LocalMediaError ? err : new LocalMediaError('unknown', String(err)));
      });
    return () => {
      cancelled = true;
      if (!handedOff.current) got?.getTracks().forEach((t) => t.stop());
    };
  }, [capture.width, capture.height, capture.frameRate, attempt]);

  useEffect(() => {
    if (preview.current) preview.current.srcObject = stream ?? null;
  }, [stream]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message ?? 'enter a name');
      return;
    }
    localStorage.setItem(NAME_KEY, parsed.data);
    handedOff.current = true;
    onJoin(parsed.data, stream);
  };

  return (
    <main className="prejoin">
      <h1>Join the group</h1>
      <p className="room-label">Room {roomId}</p>
      {leftRoom && <p className="notice">You left the room.</p>}
      <div className="preview">
        {stream ? <video ref={preview} autoPlay playsInline muted data-testid="preview" /> : <div className="preview-off">Camera off</div>}
      </div>
      {mediaError && (
        <div role="alert" className="media-error" data-testid="media-error" data-problem={mediaError.problem}>
          <p>{mediaError.message}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      <form onSubmit={submit}>
        <label htmlFor="display-name">Your first name or a chosen name</label>
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
        />
        {nameError && <p className="field-error">{nameError}</p>}
        <button type="submit" disabled={busy}>
          {busy ? 'Joining…' : stream ? 'Join' : 'Join without camera and microphone'}
        </button>
        {error && (
          <p role="alert" className="join-error">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
