import { useEffect, useRef } from 'react';
import { announce } from '../../ui/announcer';
import { alertSoundOn } from './alertSound';
import { describeAlerts, newSince, titleWithCount, type ConsoleAlert } from './alerts';
import { playChime } from './chime';

/**
 * What makes a new alert hard to miss beyond the alert area itself: a chime (unless turned
 * off), an assertive announcement for screen readers, and the count in the page's title
 * while anything is open.
 */
export function useAttentionSignals(alerts: readonly ConsoleAlert[]): void {
  const seen = useRef<Set<string>>(new Set());
  useEffect(() => {
    const fresh = newSince(seen.current, alerts);
    seen.current = new Set(alerts.map((a) => a.key));
    if (fresh.length === 0) return;
    if (alertSoundOn()) playChime();
    announce(describeAlerts(fresh), 'assertive');
  }, [alerts]);
  useTitleCount(alerts.length);
}

/**
 * Keeps "(n) " in front of whatever title the page has, even when another part of the page
 * sets its own title later, and takes it away when nothing is open or the console goes.
 */
function useTitleCount(count: number): void {
  useEffect(() => {
    const apply = () => {
      const wanted = titleWithCount(document.title, count);
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const element = document.querySelector('title');
    const observer = element ? new MutationObserver(apply) : undefined;
    if (element) observer?.observe(element, { childList: true, characterData: true, subtree: true });
    return () => {
      observer?.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}
