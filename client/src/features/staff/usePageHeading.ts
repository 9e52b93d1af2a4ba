import { useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';

/** Set once the person has moved between staff pages without a reload; a reload starts afresh. */
let movedInApp = false;

/**
 * Called by StaffApp on every render: notes the first move away from the page the staff
 * pages were opened on. Pages read it while mounting, after StaffApp has rendered.
 */
export function useInAppNavigation(): void {
  const [path] = useLocation();
  const here = `${path}?${useSearch()}`;
  const opened = useRef(here);
  if (here !== opened.current) movedInApp = true;
}

/**
 * Names the page in the tab title and, after an in-app move, puts the focus on its heading
 * (tabIndex -1) so keyboard and screen-reader users start at the top of the new page.
 */
export function usePageHeading(title: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Hearth`;
  }, [title]);
  useEffect(() => {
    if (movedInApp) ref.current?.focus();
  }, []);
  return ref;
}
