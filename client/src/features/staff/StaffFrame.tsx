import type { ReactNode } from 'react';
import { HeartHandshake } from 'lucide-react';

/** The frame of the pages before sign-in (setup, sign-in): the product's name above one card. */
export function StaffFrame({ children }: { children: ReactNode }) {
  return (
    <div className="staff">
      <header className="staff-frame-bar">
        <p className="staff-brand">
          <HeartHandshake aria-hidden="true" />
          <span className="staff-brand-name">Hearth</span>
          <span className="staff-brand-app">for clinics</span>
        </p>
      </header>
      {children}
    </div>
  );
}
