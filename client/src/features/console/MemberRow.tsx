import { useRef } from 'react';
import { CameraOff, DoorClosed, EllipsisVertical, Hand, Headphones, MicOff, ShieldCheck, SignalLow, Star, Users, WifiOff, type LucideIcon } from 'lucide-react';
import type { MemberCommand } from '@hearth/shared';
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from '../../ui/Menu';
import type { PersonRow, StatusKind } from './people';

const ICONS: Record<StatusKind, LucideIcon> = {
  facilitator: ShieldCheck,
  spotlight: Star,
  muted: MicOff,
  'muted-by-facilitator': MicOff,
  'camera-off': CameraOff,
  hand: Hand,
  reconnecting: WifiOff,
  'poor-link': SignalLow,
  'audio-only': Headphones,
  pair: Users,
  aside: DoorClosed,
};

/** The dialogs a row's menu can open; the People tab renders them once, for one member at a time. */
export type RowDialog = 'contact' | 'note' | 'remove';

type Props = { row: PersonRow; send: (command: MemberCommand) => void; open: (dialog: RowDialog, trigger: HTMLElement | null) => void };

/** One member in one 44 px line: name, what is true of them now, talk-time, and a menu of actions. */
export function MemberRow({ row, send, open, cameraOffMinutes }: Props & { cameraOffMinutes?: number | undefined }) {
  const m = row.member;
  return (
    <li className="person" data-testid="room-member" data-name={m.displayName}>
      <span className="person-name">{m.displayName}</span>
      {/* CAM2: a quiet note, not an alarm: no sound, no alert, gone when the camera is back. */}
      {cameraOffMinutes !== undefined && (
        <span className="person-camera-flag" data-testid="camera-off-flag">
          Camera off {cameraOffMinutes} min
        </span>
      )}
      <span className="person-status">
        {row.statuses.map((s) => {
          const Icon = ICONS[s.kind];
          return (
            <span key={s.kind} className={`status status-${s.kind}`} title={s.label}>
              <Icon aria-hidden="true" />
              {s.short && <span aria-hidden="true">{s.short}</span>}
              <span className="visually-hidden">{s.label}</span>
            </span>
          );
        })}
      </span>
      <span className="talk-bar" title={`Talk time ${row.talkTime}`}>
        <span className="talk-bar-fill" style={{ inlineSize: `${Math.round(row.talkShare * 100)}%` }} />
        <span className="visually-hidden">talk time {row.talkTime}</span>
      </span>
      <MemberMenu row={row} send={send} open={open} />
    </li>
  );
}

function MemberMenu({ row, send, open }: Props) {
  const m = row.member;
  const participant = m.role === 'participant';
  const id = m.id;
  const trigger = useRef<HTMLButtonElement>(null);
  const show = (dialog: RowDialog) => open(dialog, trigger.current);
  return (
    <Menu>
      <MenuTrigger ref={trigger} className="btn btn-quiet btn-icon person-menu" aria-label={`Actions for ${m.displayName}`}>
        <EllipsisVertical aria-hidden="true" />
      </MenuTrigger>
      <MenuContent align="end" data-testid="member-menu">
        <MenuLabel>{m.displayName}</MenuLabel>
        {m.micMuted ? (
          <MenuItem onSelect={() => send({ type: 'releaseMute', memberId: id })}>Allow to unmute</MenuItem>
        ) : (
          <MenuItem onSelect={() => send({ type: 'mute', memberId: id })}>Mute</MenuItem>
        )}
        {!m.cameraOff && <MenuItem onSelect={() => send({ type: 'stopCamera', memberId: id })}>Turn camera off</MenuItem>}
        {m.handPosition !== null && <MenuItem onSelect={() => send({ type: 'lowerHand', memberId: id })}>Lower hand</MenuItem>}
        <MenuItem onSelect={() => send({ type: 'spotlight', memberId: row.spotlit ? null : id })}>{row.spotlit ? 'Stop spotlight' : 'Spotlight'}</MenuItem>
        {participant &&
          (row.aside ? (
            <MenuItem onSelect={() => send({ type: 'returnFromSide', memberId: id })}>Return to the group</MenuItem>
          ) : (
            <MenuItem onSelect={() => send({ type: 'pullAside', memberId: id })}>Take aside</MenuItem>
          ))}
        {participant && <MenuItem onSelect={() => send({ type: 'sendToWaiting', memberId: id })}>Send to the waiting room</MenuItem>}
        <MenuSeparator />
        {participant && <MenuItem onSelect={() => show('contact')}>Show contact</MenuItem>}
        <MenuItem onSelect={() => show('note')}>Private note…</MenuItem>
        {participant && (
          <>
            <MenuSeparator />
            <MenuItem danger onSelect={() => show('remove')}>
              Remove…
            </MenuItem>
          </>
        )}
      </MenuContent>
    </Menu>
  );
}
