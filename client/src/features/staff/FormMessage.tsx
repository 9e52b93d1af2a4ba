/**
 * A form's outcome: an error as an alert, success as a polite status. The status region is
 * always in the page, so screen readers announce what is put into it.
 */
export function FormMessage({ error, status }: { error?: string | undefined; status?: string | undefined }) {
  return (
    <>
      {error && (
        <p role="alert" className="staff-error">
          {error}
        </p>
      )}
      <p role="status" className={status ? 'staff-status' : 'staff-status staff-empty'}>
        {status}
      </p>
    </>
  );
}
