import type { ReactNode } from 'react';
import { AlertTriangle, CircleCheck, Info } from 'lucide-react';
import type { SessionContext } from '../../session/ModeratedSession';
import { CrisisList } from './CrisisResources';
import { PageHeading, ParticipantPage, SessionAbout } from './ParticipantPage';
import type { PageWords } from './problems';
import { describeStart, readerTimeZone } from './sessionTime';

type Props = {
  words: PageWords;
  testId: string;
  data?: Record<`data-${string}`, string>;
  context?: SessionContext | undefined;
  /** Say when the group meets next (the end of a session, leaving, a removal). */
  showNextSession?: boolean;
  actions?: ReactNode;
};

const ICONS = { error: AlertTriangle, attention: Info, info: CircleCheck } as const;

/**
 * A page that says why the session is not (or no longer) open to this person: a link problem,
 * a refusal, the end. The words first, what to do, when the group meets next, and the crisis
 * resources in place, with nothing to click to find them.
 */
export function NoticePage({ words, testId, data, context, showNextSession = false, actions }: Props) {
  const Icon = ICONS[words.tone];
  const next = showNextSession && context?.nextSessionStart !== undefined ? describeStart(context.nextSessionStart, context.timeZone, Date.now(), readerTimeZone()) : undefined;
  return (
    <ParticipantPage documentTitle={words.title} testId={testId} data={data}>
      <SessionAbout context={context} />
      <div className={`notice-page-head notice-tone-${words.tone}`}>
        <Icon aria-hidden="true" />
        <PageHeading>{words.title}</PageHeading>
      </div>
      <div className="notice-page-words">
        <p role={words.tone === 'info' ? 'status' : 'alert'} className="notice-page-lead">
          {words.text}
        </p>
        {words.next && <p>{words.next}</p>}
      </div>
      {next && (
        <p className="notice notice-info" data-testid="next-session">
          Your group meets next <strong>{next}</strong>.
        </p>
      )}
      {actions && <div className="page-actions">{actions}</div>}
      <CrisisList />
    </ParticipantPage>
  );
}
