/** A section that could not load: what happened, and a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="staff-load-failed">
      <p role="alert" className="staff-error">
        {message}
      </p>
      <button type="button" className="quiet" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
