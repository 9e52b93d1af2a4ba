import { useRef, useState } from 'react';
import type { MemberCommand } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import type { FacilitatorView } from './alerts';
import { MemberDialogs } from './MemberDialogs';
import { MemberRow, type RowDialog } from './MemberRow';
import type { PersonRow } from './people';

/** `cameraFlags`: CAM2, minutes off for each participant whose camera has been off too long. */
type Props = { session: ModeratedSession; view: FacilitatorView; rows: PersonRow[]; cameraFlags: ReadonlyMap<string, number> };

/** Everyone in the room, one dense row each, so a group of 15 and a co-facilitator fit on a laptop. */
export function PeopleTab({ session, view, rows, cameraFlags }: Props) {
  const send = (command: MemberCommand) => void session.command(command);
  const [dialog, setDialog] = useState<{ kind: RowDialog; memberId: string }>();
  const member = dialog && view.members.find((m) => m.id === dialog.memberId);
  // A dialog opened from a row's menu gives focus back to that row's menu button; after a
  // removal (the row is going) to the list itself.
  const returnTo = useRef<HTMLElement | null>(null);
  const list = useRef<HTMLDivElement>(null);
  return (
    <div ref={list} tabIndex={-1} role="group" aria-labelledby="people-title" className="people-group">
      <h2 id="people-title" className="visually-hidden">
        In the room
      </h2>
      {rows.length === 0 ? (
        <p className="console-empty muted">Nobody else is in the room yet.</p>
      ) : (
        <ul className="people" aria-labelledby="people-title">
          {rows.map((row) => (
            <MemberRow
              key={row.member.id}
              row={row}
              cameraOffMinutes={cameraFlags.get(row.member.id)}
              send={send}
              open={(kind, trigger) => {
                returnTo.current = trigger;
                setDialog({ kind, memberId: row.member.id });
              }}
            />
          ))}
        </ul>
      )}
      <MemberDialogs
        dialog={dialog && member ? { kind: dialog.kind, member } : undefined}
        session={session}
        returnFocusTo={returnTo}
        close={(removed) => {
          if (removed) returnTo.current = list.current;
          setDialog(undefined);
        }}
      />
    </div>
  );
}
