import { Globe, MessageSquare, Phone } from 'lucide-react';
import type { ClinicInfo } from '@hearth/shared';

const ICONS = { call: Phone, text: MessageSquare, web: Globe } as const;
const VERB = { call: 'Call', text: 'Text', web: 'Visit' } as const;

/**
 * The settings as a participant will read them, updated while typing: the clinic's name and
 * its crisis resources in order. A picture only; nothing here can be pressed.
 */
export function CrisisPreview({ info }: { info: ClinicInfo }) {
  const resources = info.crisisResources.filter((r) => r.label.trim() || r.value.trim());
  return (
    <section aria-labelledby="crisis-preview" className="card staff-section staff-preview">
      <h2 id="crisis-preview">What participants see</h2>
      <div className="staff-preview-panel">
        <p className="staff-preview-clinic">{info.name.trim() || 'Your clinic'}</p>
        <p className="staff-preview-title">If you need help now</p>
        {resources.length === 0 ? (
          <p className="muted">No crisis resources yet.</p>
        ) : (
          <ul className="staff-preview-list">
            {resources.map((r, i) => {
              const Icon = ICONS[r.kind] ?? Phone;
              return (
                <li key={i}>
                  <Icon aria-hidden="true" />
                  <span>
                    <strong>{r.label.trim() || 'New resource'}</strong>
                    <span>
                      {VERB[r.kind] ?? 'Call'} {r.value.trim()}
                    </span>
                    {r.detail?.trim() && <span className="muted">{r.detail.trim()}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
