import type { SessionStatus } from '../../api/types';

const WORDS: Record<SessionStatus, string> = { scheduled: 'Scheduled', live: 'Live now', ended: 'Ended' };

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`staff-badge staff-badge-${status}`}>{WORDS[status]}</span>;
}
