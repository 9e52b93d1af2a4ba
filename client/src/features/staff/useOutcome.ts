import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/errorMessage';

export type Outcome = { error?: string; status?: string };

/**
 * What a request came to, in words: `run` clears the last outcome, sends, and shows the
 * status `send` answers with, or the error in words (`describe`; undefined when it has dealt
 * with the error itself). `busy` while it runs, for buttons outside a form (a form has
 * react-hook-form's `isSubmitting`).
 */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome>({});
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (send: () => Promise<string | undefined | void>, describe: (err: unknown) => string | undefined = errorMessage) => {
    setOutcome({});
    setBusy(true);
    try {
      const status = await send();
      setOutcome(status ? { status } : {});
    } catch (err) {
      const error = describe(err);
      setOutcome(error ? { error } : {});
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setOutcome({}), []);
  return { outcome, busy, run, clear, setOutcome };
}
