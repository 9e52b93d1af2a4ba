import { useState } from 'react';

/** Always one click away, in the waiting room and in the call. */
export function CrisisResources() {
  const [open, setOpen] = useState(false);
  return (
    <div className="crisis">
      <button type="button" className="quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
        Crisis resources
      </button>
      {open && (
        <section className="crisis-panel" aria-label="Crisis resources" data-testid="crisis-panel">
          <p>If you are in danger or thinking about harming yourself, you do not have to wait for the group:</p>
          <ul>
            <li>
              Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline, US), any time.
            </li>
            <li>
              Text HOME to <a href="sms:741741">741741</a> (Crisis Text Line).
            </li>
            <li>
              In an emergency call <a href="tel:911">911</a> or your local emergency number.
            </li>
          </ul>
          <p>You can also press “I need help”: only your facilitators see it, with the callback number you gave.</p>
        </section>
      )}
    </div>
  );
}
