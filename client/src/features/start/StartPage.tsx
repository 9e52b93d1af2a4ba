import { useDocumentTitle } from '../../ui/useDocumentTitle';
import './start.css';

/** The site's front door: participants are pointed to their own link, staff to sign in. */
export function StartPage() {
  useDocumentTitle('Hearth');
  const start = () => {
    const id = crypto.randomUUID().slice(0, 8);
    window.location.assign(`/r/${id}`);
  };
  return (
    <main className="page-center start">
      <div className="card start-card">
        <h1>Hearth</h1>
        <p>Online group sessions for intensive outpatient programs.</p>
        <p>
          <strong>Joining a group?</strong> Open the personal link your clinic sent you. It takes you straight to your
          group.
        </p>
        <p>
          <strong>Clinic staff:</strong> <a href="/login">sign in</a>.
        </p>
        <details className="start-try">
          <summary>Try the video call (open test room)</summary>
          <p className="muted">Works only where the server allows open rooms; never use one for a real group.</p>
          <button type="button" className="btn" onClick={start}>
            Start an open room
          </button>
        </details>
      </div>
    </main>
  );
}
