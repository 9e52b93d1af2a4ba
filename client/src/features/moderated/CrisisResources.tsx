import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { LifeBuoy } from 'lucide-react';
import { CRISIS_INTRO, ResourceItems } from './CrisisItems';
import { useClinicInfo } from './useClinicInfo';
import './crisis.css';

const loadDialog = () => import('./CrisisDialog');
const CrisisDialog = lazy(loadDialog);

/**
 * One click away on every screen of a session (the waiting room, the call): a button that opens
 * the clinic's crisis resources in a dialog. The dialog's code is fetched as soon as the button
 * is shown, so the click never waits for the network.
 */
export function CrisisResources() {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const { resources } = useClinicInfo();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void loadDialog();
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn crisis-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        <LifeBuoy aria-hidden="true" />
        Crisis<span className="crisis-button-rest"> resources</span>
      </button>
      {opened && (
        <Suspense fallback={null}>
          <CrisisDialog open={open} onOpenChange={setOpen} resources={resources} returnFocusTo={button} />
        </Suspense>
      )}
    </>
  );
}

/**
 * The same resources shown in place, for pages where something went wrong or the evening is
 * over (a link problem, the end, a removal): nothing to click to find them.
 */
export function CrisisList() {
  const { resources, loading } = useClinicInfo();
  return (
    <section className="crisis-list card" aria-labelledby="crisis-list-title" data-testid="crisis-list" aria-busy={loading || undefined}>
      <h2 id="crisis-list-title">
        <LifeBuoy aria-hidden="true" />
        If you need help now
      </h2>
      <p className="muted">{CRISIS_INTRO}</p>
      {!loading && <ResourceItems resources={resources} />}
    </section>
  );
}
