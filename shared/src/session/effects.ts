/**
 * What the server must do after a command is accepted; the model itself does no I/O. Who is
 * heard and who receives whom are not effects: the media room reads them from the state
 * (sendRefusal, receives) after every accepted command.
 */

export type AuditAction =
  | 'entered'
  | 'consent-given'
  | 'admitted'
  | 'denied'
  | 'sent-to-waiting'
  | 'removed'
  | 'left'
  | 'room-locked'
  | 'room-unlocked'
  | 'help-requested'
  | 'round-started'
  | 'round-ended'
  | 'breakout-started'
  | 'breakout-ended'
  | 'break-started'
  | 'break-ended'
  | 'pulled-aside'
  | 'returned-from-side'
  | 'session-ended';

export type Effect =
  /** Close the member's camera producer on the SFU. */
  | { type: 'media.stopCamera'; memberId: string }
  /** The member may now send and receive media. */
  | { type: 'media.attach'; memberId: string }
  /** Close everything the member sends and receives (waiting room, removed, gone). */
  | { type: 'media.detach'; memberId: string }
  | { type: 'disconnect'; memberId: string; reason: 'removed' | 'denied' | 'ended' }
  /** Tell the facilitators at once (the state carries it too, for those who reload). */
  | { type: 'notifyFacilitators'; event: 'help' | 'pair-help'; memberId: string }
  | { type: 'audit'; action: AuditAction; actorId: string | null; targetId: string | null };
