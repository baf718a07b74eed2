/**
 * Re-render from the world at most every `ms` real milliseconds while the session plays (the
 * event log and the charts do not need 60 frames a second; the clock does). A change that
 * arrives within the interval is picked up when it ends, so the last state always shows.
 */
import { useEffect, useState } from 'react';
import { useSessionStore } from '../../store/hooks';

export const REFRESH_MS = 250;

export function useThrottledWorld(ms = REFRESH_MS): { version: number; now: number } {
  const store = useSessionStore();
  const read = () => ({ version: store.getState().version, now: store.getState().now });
  const [state, setState] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const flush = () => {
      timer = undefined;
      last = Date.now();
      setState((prev) => {
        const next = read();
        return prev.version === next.version && prev.now === next.now ? prev : next;
      });
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.version === prev.version && s.now === prev.now) return;
      if (timer !== undefined) return;
      timer = setTimeout(flush, Math.max(0, ms - (Date.now() - last)));
    });
    flush();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ms]);
  return state;
}
