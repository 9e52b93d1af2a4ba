import { DoorClosed } from 'lucide-react';
import type { MemberCommand } from '@hearth/shared';
import { Contact } from './AlertArea';
import type { FacilitatorView } from './alerts';

/**
 * BRK16: while this facilitator has someone aside, who it is, where they are and how to call
 * them back stay pinned under the alerts, with the way back to the group.
 */
export function SideRoomCard({ view, send }: { view: FacilitatorView; send: (command: MemberCommand) => void }) {
  const mine = view.sideRooms.find((r) => r.facilitatorId === view.self.id);
  const member = mine && view.members.find((m) => m.id === mine.memberId);
  if (!member) return null;
  return (
    <section className="console-side-room" aria-labelledby="side-room-title" data-testid="side-room-card">
      <DoorClosed className="console-alert-icon" aria-hidden="true" />
      <div className="console-alert-text">
        <h2 id="side-room-title" className="console-side-room-title">
          Privately with {member.displayName}
        </h2>
        <p className="muted">Only the two of you see and hear each other. The group carries on.</p>
        <Contact member={member} />
      </div>
      <button type="button" className="btn btn-primary" onClick={() => send({ type: 'returnFromSide', memberId: member.id })}>
        Return {member.displayName} to the group
      </button>
    </section>
  );
}
