import { Globe, MessageSquare, Phone } from 'lucide-react';
import type { CrisisResource } from '@hearth/shared';

export const CRISIS_INTRO = 'If you are in danger or thinking about harming yourself, you do not have to wait for the group.';

/** The clinic's crisis resources, each with a link a thumb can hit. */
export function ResourceItems({ resources }: { resources: CrisisResource[] }) {
  return (
    <ul className="crisis-items">
      {resources.map((r) => (
        <li key={`${r.kind}-${r.label}-${r.value}`} className="crisis-item">
          <span className="crisis-label">{r.label}</span>
          {r.detail && <span className="crisis-detail">{r.detail}</span>}
          <ResourceAction resource={r} />
        </li>
      ))}
    </ul>
  );
}

/** A number to call or text, or a web page, as a link a thumb can hit. */
function ResourceAction({ resource: r }: { resource: CrisisResource }) {
  const dialable = r.value.replace(/[^\d+*#]/g, '');
  switch (r.kind) {
    case 'call':
      return (
        <a className="btn crisis-action" href={`tel:${dialable}`}>
          <Phone aria-hidden="true" />
          Call {r.value}
        </a>
      );
    case 'text':
      return (
        <a className="btn crisis-action" href={`sms:${dialable}`}>
          <MessageSquare aria-hidden="true" />
          Text {r.value}
        </a>
      );
    case 'web':
      // The server accepts only https pages; anything else is shown, never linked.
      return /^https:\/\/\S+$/.test(r.value) ? (
        <a className="btn crisis-action" href={r.value} target="_blank" rel="noreferrer">
          <Globe aria-hidden="true" />
          {new URL(r.value).host}
        </a>
      ) : (
        <span className="crisis-detail">{r.value}</span>
      );
    default: {
      const unknown: never = r.kind;
      return <span>{String(unknown)}</span>;
    }
  }
}
