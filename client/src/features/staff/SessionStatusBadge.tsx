import type { SessionStatus } from '../../api/types';
import { STATUS_TONE, STATUS_WORDS } from './sessionStatus';

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`badge ${STATUS_TONE[status]}`.trim()}>{STATUS_WORDS[status]}</span>;
}
