import { useState } from 'react';
import { playTestTone } from '../../session/speakerTest';

type Phase = 'idle' | 'playing' | 'played' | 'failed';

const HINT: Record<Phase, string> = {
  idle: '',
  playing: 'Playing a soft chime…',
  played: 'Did you hear a soft chime? If not, turn up the volume or choose another speaker.',
  failed: 'The test sound could not play. Check the volume, or choose another speaker.',
};

/** Plays a gentle chime through the chosen speaker. */
export function SpeakerTest({ speakerId }: { speakerId: string | undefined }) {
  const [phase, setPhase] = useState<Phase>('idle');
  const play = () => {
    setPhase('playing');
    playTestTone(speakerId).then(
      () => setPhase('played'),
      () => setPhase('failed'),
    );
  };
  return (
    <div className="check-row">
      <span className="check-label">Speaker</span>
      <div className="check-body">
        <button type="button" className="btn" onClick={play} disabled={phase === 'playing'} data-phase={phase}>
          Play test sound
        </button>
        <p className="check-hint" aria-live="polite" hidden={phase === 'idle'}>
          {HINT[phase]}
        </p>
      </div>
    </div>
  );
}
