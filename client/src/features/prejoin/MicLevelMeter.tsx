import { useEffect, useState } from 'react';
import { useMicLevel } from '../../session/useMicLevel';

/** A level this high was speech (or the test beep), not room noise. */
const HEARD_LEVEL = 0.3;

/** A live bar for the microphone, so a participant sees they can be heard before joining. */
export function MicLevelMeter({ track }: { track: MediaStreamTrack | undefined }) {
  const level = useMicLevel(track);
  const [heard, setHeard] = useState(false);
  useEffect(() => {
    if (level >= HEARD_LEVEL) setHeard(true);
  }, [level]);
  useEffect(() => setHeard(false), [track]);

  if (!track) return null;
  return (
    <div className="check-row">
      <span className="check-label" id="mic-level-label">
        Microphone
      </span>
      <div className="check-body">
        <div
          className="mic-level"
          role="meter"
          aria-labelledby="mic-level-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(level * 100)}
          data-testid="mic-level"
        >
          <div className="mic-level-fill" style={{ transform: `scaleX(${level})` }} />
        </div>
        <p className="check-hint" aria-live="polite">
          {heard ? 'Your microphone is working.' : 'Say hello: the bar moves when your microphone hears you.'}
        </p>
      </div>
    </div>
  );
}
