/**
 * A form's outcome: an error as an alert, success as a polite status. The status region is
 * always in the page (empty when there is nothing to say), so screen readers announce what
 * is put into it.
 */
export function FormMessage({ error, status }: { error?: string | undefined; status?: string | undefined }) {
  return (
    <>
      {error && (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      )}
      <p role="status" className={status ? 'notice notice-success' : 'staff-quiet-status'}>
        {status}
      </p>
    </>
  );
}
