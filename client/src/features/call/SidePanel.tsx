import { useEffect, useRef, type ReactNode } from 'react';
import { X } from 'lucide-react';

export type SidePanelConfig = {
  id: string;
  /** The panel's name, read when it opens ("Facilitator console", "Chat"). */
  label: string;
  /** The header button that opens it ("Console", "Chat"). */
  toggleLabel: string;
  icon: ReactNode;
  /** Shown on the header button, e.g. unread messages. */
  count?: number;
  /**
   * Always beside the stage on a wide screen (the facilitator's console); otherwise, and on a
   * phone or a tablet held upright, it opens over the stage from the header.
   */
  pinnedOnWide: boolean;
  content: ReactNode;
  onOpenChange?: (open: boolean) => void;
};

/** The header button for the side panel; on a wide screen a pinned panel needs none (CSS hides it). */
export function SideToggle({ config, open, onOpen }: { config: SidePanelConfig; open: boolean; onOpen: (open: boolean) => void }) {
  const count = config.count ?? 0;
  return (
    <button
      type="button"
      id={`${config.id}-toggle`}
      className={`btn btn-quiet side-toggle${config.pinnedOnWide ? ' side-toggle-pinned' : ''}`}
      aria-expanded={open}
      aria-controls={config.id}
      onClick={() => onOpen(!open)}
    >
      {config.icon}
      <span className="side-toggle-label">{config.toggleLabel}</span>
      {count > 0 && (
        <span className="badge badge-attention side-toggle-count" data-testid={`${config.id}-count`}>
          {count}
          <span className="visually-hidden"> new</span>
        </span>
      )}
    </button>
  );
}

/**
 * The side column. It stays mounted while closed (hidden by CSS), so the console keeps
 * listening for help requests and arrivals even when a tablet shows only the stage.
 */
export function SidePanel({ config, open, onOpen }: { config: SidePanelConfig; open: boolean; onOpen: (open: boolean) => void }) {
  const panel = useRef<HTMLElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // Opening moves focus into the panel; closing gives it back to the button that opened it.
    if (open && !wasOpen.current) panel.current?.focus();
    if (!open && wasOpen.current && panel.current?.contains(document.activeElement)) document.getElementById(`${config.id}-toggle`)?.focus();
    wasOpen.current = open;
  }, [open, config.id]);
  return (
    <aside
      ref={panel}
      id={config.id}
      className="room-side"
      data-open={open || undefined}
      aria-label={config.label}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open && !e.defaultPrevented) onOpen(false);
      }}
    >
      <div className="room-side-bar">
        <h2 className="room-side-title">{config.label}</h2>
        <button type="button" className="btn btn-quiet btn-icon room-side-close" aria-label={`Close ${config.toggleLabel.toLowerCase()}`} onClick={() => onOpen(false)}>
          <X aria-hidden="true" />
        </button>
      </div>
      <div className="room-side-content">{config.content}</div>
    </aside>
  );
}
