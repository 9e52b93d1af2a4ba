import { useState, type FormEvent } from 'react';
import { ConsentInput } from '@hearth/shared';

type Props = { busy: boolean; problem: string | undefined; onConsent: (consent: ConsentInput) => void };

/** The consent gate, every session: the agreement, where you are now, how to reach you. */
export function ConsentForm({ busy, problem, onConsent }: Props) {
  const [agreed, setAgreed] = useState(false);
  const [location, setLocation] = useState('');
  const [callbackNumber, setCallbackNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ConsentInput.safeParse({ agreed: agreed || undefined, location, callbackNumber });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    onConsent(parsed.data);
  };

  return (
    <main className="consent">
      <h1>Before you join</h1>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Group agreement</legend>
          <ul>
            <li>What is shared in the group stays in the group.</li>
            <li>No recording, screenshots or photos of the screen.</li>
            <li>I am in a private space, or wearing headphones where others are around.</li>
          </ul>
          <label className="check">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} aria-invalid={errors['agreed'] ? true : undefined} />
            I agree to keep the group confidential
          </label>
          {errors['agreed'] && <p className="field-error">Please agree to the group agreement to join.</p>}
        </fieldset>
        <p className="consent-why">Only your facilitators see the next two answers, in case they need to reach you or send help.</p>
        <label htmlFor="consent-location">Where are you right now?</label>
        <input id="consent-location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder="e.g. home, Springfield" aria-invalid={errors['location'] ? true : undefined} />
        {errors['location'] && <p className="field-error">{errors['location']}</p>}
        <label htmlFor="consent-callback">A phone number we can call you back on</label>
        <input
          id="consent-callback"
          type="tel"
          autoComplete="tel"
          value={callbackNumber}
          onChange={(e) => setCallbackNumber(e.target.value)}
          aria-invalid={errors['callbackNumber'] ? true : undefined}
        />
        {errors['callbackNumber'] && <p className="field-error">{errors['callbackNumber']}</p>}
        <button type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Continue to the waiting room'}
        </button>
        {problem && (
          <p role="alert" className="join-error">
            {problem}
          </p>
        )}
      </form>
    </main>
  );
}
