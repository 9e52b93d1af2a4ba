import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { describeStart, readerTimeZone } from './sessionTime';
import type { SessionContext } from '../../session/ModeratedSession';
import { useClinicInfo } from './useClinicInfo';
import './participant.css';

/** The clinic's name across the top of every participant screen: whose service this is. */
export function ParticipantHeader() {
  const { name } = useClinicInfo();
  return (
    <header className="participant-header">
      <span className="participant-clinic" data-testid="clinic-name">
        {name ?? '\u00a0'}
      </span>
    </header>
  );
}

type PageProps = {
  /** The tab's title, before the clinic's name. */
  documentTitle: string;
  testId?: string;
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
};

/** One calm column on the light page: the clinic's name above, one screen's content in <main>. */
export function ParticipantPage({ documentTitle, testId, data, children }: PageProps) {
  const { name } = useClinicInfo();
  useDocumentTitle(`${documentTitle} · ${name ?? 'Hearth'}`);
  return (
    <>
      <ParticipantHeader />
      <main className="page-column participant-main" data-testid={testId} {...data}>
        {children}
      </main>
    </>
  );
}

/**
 * The screen's heading, focused when the screen appears (a screen reader then says where the
 * person is after the page changed under them, e.g. from the call to "You left").
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** "Tuesday evening group · today at 18:00": which group, and when, on the group's clock. */
export function aboutSession(context: SessionContext | undefined, now = Date.now()): string | undefined {
  if (!context) return undefined;
  if (context.scheduledStart === undefined) return context.groupName;
  return `${context.groupName} · ${describeStart(context.scheduledStart, context.timeZone, now, readerTimeZone())}`;
}

export function SessionAbout({ context, facilitating = false }: { context: SessionContext | undefined; facilitating?: boolean }) {
  const group = aboutSession(context);
  const about = facilitating ? [group, 'you are facilitating'].filter(Boolean).join(' · ') : group;
  if (!about) return null;
  return (
    <p className="participant-about" data-testid="session-about">
      {about}
    </p>
  );
}
