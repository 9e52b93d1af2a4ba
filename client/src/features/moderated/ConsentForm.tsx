import { useRef, useState, type FormEvent } from 'react';
import { ConsentInput } from '@hearth/shared';
import type { SessionContext } from '../../session/ModeratedSession';
import { PageHeading, ParticipantPage, SessionAbout } from './ParticipantPage';

type Props = {
  busy: boolean;
  problem: string | undefined;
  context: SessionContext | undefined;
  onConsent: (consent: ConsentInput) => void;
};

type Field = 'agreed' | 'location' | 'atHome' | 'callbackNumber';
const FIELD_ORDER: Field[] = ['agreed', 'location', 'atHome', 'callbackNumber'];
const ID: Record<Field, string> = { agreed: 'consent-agreed', location: 'consent-location', atHome: 'consent-at-home-yes', callbackNumber: 'consent-callback' };
const AT_HOME_MISSING = 'Please say whether you are at home.';
const errorId = (field: Field) => `${ID[field]}-error`;

/**
 * The consent gate, every session: the agreement, where you are now, how to reach you. Checked
 * with the schema the server parses it with (zod/mini, so it costs the phone a few kB); each
 * error sits under its field and is read with it.
 */
export function ConsentForm({ busy, problem, context, onConsent }: Props) {
  const [agreed, setAgreed] = useState(false);
  const [location, setLocation] = useState('');
  const [callbackNumber, setCallbackNumber] = useState('');
  // Asked every session: the place of service the clinic's claim needs (home or elsewhere).
  const [atHome, setAtHome] = useState<boolean | undefined>(undefined);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const form = useRef<HTMLFormElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = ConsentInput.safeParse({ agreed: agreed || undefined, location, callbackNumber, atHome });
    // Optional in the protocol (older clients), never on this form.
    if (!parsed.success || atHome === undefined) {
      const found: Partial<Record<Field, string>> = atHome === undefined ? { atHome: AT_HOME_MISSING } : {};
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const field = issue.path[0] as Field;
        found[field] ??= field === 'agreed' ? 'Please agree to the group agreement to join.' : capitalise(issue.message);
      }
      setErrors(found);
      // Focus the first field to fix; its error is read with it (aria-describedby).
      const first = FIELD_ORDER.find((f) => found[f]);
      if (first) form.current?.querySelector<HTMLElement>(`#${ID[first]}`)?.focus();
      return;
    }
    setErrors({});
    onConsent(parsed.data);
  };
  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  const described = (field: Field, hint?: string) => [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <ParticipantPage documentTitle="Group agreement" testId="consent">
      <SessionAbout context={context} />
      <PageHeading>Before you join</PageHeading>
      <p className="muted">A few things, every session, so the group is safe for everyone.</p>
      <form ref={form} className="card consent-form" onSubmit={submit} noValidate>
        <fieldset className="consent-agreement">
          <legend>Group agreement</legend>
          <ul>
            <li>What is shared in the group stays in the group.</li>
            <li>No recording, screenshots or photos of the screen.</li>
            <li>I am in a private space, or wearing headphones where others are around.</li>
          </ul>
          <label className="check consent-check" htmlFor={ID.agreed}>
            <input
              id={ID.agreed}
              type="checkbox"
              checked={agreed}
              onChange={(e) => {
                setAgreed(e.target.checked);
                clear('agreed');
              }}
              aria-invalid={errors.agreed ? true : undefined}
              aria-describedby={described('agreed')}
            />
            I agree to keep the group confidential
          </label>
          {errors.agreed && (
            <p id={errorId('agreed')} className="field-error">
              {errors.agreed}
            </p>
          )}
        </fieldset>

        <p className="consent-why">Only your facilitators see the next answers, in case they need to reach you or send help.</p>

        <div className="field">
          <label htmlFor={ID.location}>Where are you right now?</label>
          <p id="consent-location-hint" className="field-hint">
            A town and the kind of place is enough, for example “home, Springfield”.
          </p>
          <input
            id={ID.location}
            autoComplete="off"
            value={location}
            onChange={(e) => {
              setLocation(e.target.value);
              clear('location');
            }}
            aria-invalid={errors.location ? true : undefined}
            aria-describedby={described('location', 'consent-location-hint')}
          />
          {errors.location && (
            <p id={errorId('location')} className="field-error">
              {errors.location}
            </p>
          )}
        </div>

        <fieldset className="field consent-at-home" aria-describedby={described('atHome', 'consent-at-home-hint')}>
          <legend>Are you at home?</legend>
          <p id="consent-at-home-hint" className="field-hint">
            Your clinic needs this for its records.
          </p>
          <div className="consent-choices">
            {([true, false] as const).map((answer) => (
              <label key={String(answer)} className="check">
                <input
                  id={answer ? ID.atHome : 'consent-at-home-no'}
                  type="radio"
                  name="consent-at-home"
                  checked={atHome === answer}
                  onChange={() => {
                    setAtHome(answer);
                    clear('atHome');
                  }}
                  aria-invalid={errors.atHome ? true : undefined}
                />
                {answer ? 'Yes, I am at home' : 'No, I am somewhere else'}
              </label>
            ))}
          </div>
          {errors.atHome && (
            <p id={errorId('atHome')} className="field-error">
              {errors.atHome}
            </p>
          )}
        </fieldset>

        <div className="field">
          <label htmlFor={ID.callbackNumber}>A phone number we can call you back on</label>
          <input
            id={ID.callbackNumber}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={callbackNumber}
            onChange={(e) => {
              setCallbackNumber(e.target.value);
              clear('callbackNumber');
            }}
            aria-invalid={errors.callbackNumber ? true : undefined}
            aria-describedby={described('callbackNumber')}
          />
          {errors.callbackNumber && (
            <p id={errorId('callbackNumber')} className="field-error">
              {errors.callbackNumber}
            </p>
          )}
        </div>

        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Joining…' : 'Continue to the waiting room'}
        </button>
        {problem && (
          <p role="alert" className="notice notice-error">
            {problem}
          </p>
        )}
      </form>
    </ParticipantPage>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
