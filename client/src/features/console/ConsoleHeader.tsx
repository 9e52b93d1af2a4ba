import { useState } from 'react';
import { Coffee, Lock, MessageSquareOff, MicOff, Power, Settings2 } from 'lucide-react';
import type { MemberCommand } from '@hearth/shared';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { BreakDialog } from '../breaks/BreakDialog';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '../../ui/Menu';
import { MenuCheckboxItem } from '../../ui/MenuCheckboxItem';
import { setAlertSound, useAlertSound } from './alertSound';
import type { FacilitatorView } from './alerts';
import './console.css';

type Props = { session: ModeratedSession; state: ModeratedState; view: FacilitatorView };

/**
 * The facilitator's room-wide tools in the room's header, away from everyday buttons: the
 * room's settings (with what is on shown as badges) and ending the session for everyone.
 */
export function ConsoleHeader({ session, view }: Props) {
  const send = (command: MemberCommand) => void session.command(command);
  const sound = useAlertSound();
  const [ending, setEnding] = useState(false);
  const [breaking, setBreaking] = useState(false);
  // REST5: a round's or the pairs' clock runs; end it first (the button says why it is off).
  const breakBlocked = view.round ? 'End the round first' : view.breakout ? 'Bring everyone back from the pairs first' : undefined;
  const participantsIn = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant').length;
  return (
    <div className="console-header" data-testid="console-header">
      <ul className="console-header-states" aria-label="Room settings now">
        {view.locked && (
          <li className="badge badge-attention">
            <Lock aria-hidden="true" /> Room locked
          </li>
        )}
        {view.selfUnmuteLocked && (
          <li className="badge badge-attention">
            <MicOff aria-hidden="true" /> Unmuting locked
          </li>
        )}
        {!view.chatEnabled && (
          <li className="badge">
            <MessageSquareOff aria-hidden="true" /> Chat off
          </li>
        )}
      </ul>
      <Menu>
        <MenuTrigger className="btn btn-quiet console-header-button" aria-label="Room settings">
          <Settings2 aria-hidden="true" />
          <span className="console-header-text" aria-hidden="true">
            Room
          </span>
        </MenuTrigger>
        <MenuContent align="end" data-testid="room-menu">
          <MenuLabel>Room</MenuLabel>
          <MenuCheckboxItem checked={view.locked} onCheckedChange={(locked) => send({ type: 'lockRoom', locked })}>
            Lock the room
          </MenuCheckboxItem>
          <MenuCheckboxItem checked={view.selfUnmuteLocked} onCheckedChange={(locked) => send({ type: 'lockSelfUnmute', locked })}>
            Lock unmuting
          </MenuCheckboxItem>
          <MenuCheckboxItem checked={view.chatEnabled} onCheckedChange={(enabled) => send({ type: 'setChatEnabled', enabled })}>
            Group chat
          </MenuCheckboxItem>
          <MenuSeparator />
          <MenuItem disabled={participantsIn === 0} onSelect={() => send({ type: 'muteAll' })}>
            Mute all participants
          </MenuItem>
          <MenuItem disabled={view.handQueue.length === 0} onSelect={() => send({ type: 'lowerAllHands' })}>
            Lower all hands
          </MenuItem>
          <MenuSeparator />
          <MenuLabel>This device</MenuLabel>
          <MenuCheckboxItem checked={sound} onCheckedChange={setAlertSound}>
            Alert sound
          </MenuCheckboxItem>
        </MenuContent>
      </Menu>
      {!view.groupBreak && (
        <button
          type="button"
          className="btn console-header-button"
          aria-label="Start a break"
          title={breakBlocked}
          disabled={breakBlocked !== undefined}
          onClick={() => setBreaking(true)}
        >
          <Coffee aria-hidden="true" />
          <span className="console-header-text" aria-hidden="true">
            Break
          </span>
        </button>
      )}
      <BreakDialog open={breaking} onOpenChange={setBreaking} onStart={(minutes) => send({ type: 'startBreak', minutes })} />
      <button type="button" className="btn console-header-button console-end" aria-label="End session for everyone" onClick={() => setEnding(true)}>
        <Power aria-hidden="true" />
        <span className="console-header-text" aria-hidden="true">
          End session
        </span>
      </button>
      <ConfirmDialog
        open={ending}
        onOpenChange={setEnding}
        title="End the session for everyone?"
        description="Everyone is disconnected, the chat is gone and attendance becomes final. You go on to the session's record."
        confirmLabel="End session"
        danger
        onConfirm={() => send({ type: 'end' })}
        testId="end-session-dialog"
      />
    </div>
  );
}
