import { useEffect } from 'react';

/**
 * After the end, a facilitator goes on to the session's record on the clinic's pages
 * (attendance, notes) instead of the participants' goodbye page. A full page load: the call's
 * connections are done with, and the clinic's pages start from a clean slate.
 */
export function SessionRecordRedirect({ sessionId }: { sessionId: string }) {
  const to = `/clinic/sessions/${encodeURIComponent(sessionId)}`;
  useEffect(() => {
    window.location.replace(to);
  }, [to]);
  return (
    <main className="page-center">
      <div className="page-column">
        <h1>The session has ended</h1>
        <p>
          <a href={to}>Open the session&apos;s record</a>
        </p>
      </div>
    </main>
  );
}
