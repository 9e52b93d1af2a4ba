import { useEffect, useRef } from 'react';
import { hasNavigatedInApp } from './navigation';

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
    if (hasNavigatedInApp()) ref.current?.focus();
  }, []);
  return ref;
}
