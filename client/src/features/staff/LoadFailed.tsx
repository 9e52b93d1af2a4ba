import { RefreshCw } from 'lucide-react';

/** A section that could not load: what happened, and a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="staff-load-failed">
      <p role="alert" className="notice notice-error">
        {message}
      </p>
      <button type="button" className="btn" onClick={onRetry}>
        <RefreshCw aria-hidden="true" />
        Try again
      </button>
    </div>
  );
}
