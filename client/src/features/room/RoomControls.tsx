import { Hand, LifeBuoy } from 'lucide-react';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { ControlButton } from '../call/ControlButton';
import type { Room } from './selectors';

/** Raise or lower one's hand; the tile and the facilitators' queue show its place. */
export function HandButton({ session, room }: { session: ModeratedSession; room: Room }) {
  const raised = room.self.handPosition !== null;
  return (
    <ControlButton
      label={raised ? 'Lower hand' : 'Raise hand'}
      short="Hand"
      icon={<Hand aria-hidden="true" />}
      className={raised ? 'control-raised' : undefined}
      onClick={() => void session.command(raised ? { type: 'lowerHand' } : { type: 'raiseHand' })}
    />
  );
}

/**
 * "I need help": private to the facilitators, with the callback number given at the door. It
 * can be pressed again later ("I still need help" reaches them as a new alert).
 */
export function HelpButton({ onHelp }: { onHelp: () => void }) {
  return <ControlButton label="I need help" short="Help" icon={<LifeBuoy aria-hidden="true" />} tone="attention" onClick={onHelp} />;
}
