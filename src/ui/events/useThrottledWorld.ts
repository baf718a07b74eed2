/**
 * Re-render from the world at most every `ms` real milliseconds while the session plays (the
 * event log and the charts do not need every update; the clock and the canvas do).
 *
 * A change is shown at once, in the same render as the session's publish (so it lands in the same
 * frame as the clock and the canvas), when `ms` have passed since the last one; otherwise a
 * trailing timer picks up the last state once the changes stop. Choice: the trailing timer waits
 * at least TRAILING_MS, longer than the player's publish interval (PLAYBACK_REFRESH_MS), so during
 * playback it never fires between two publishes and draws a frame of its own.
 */
import { useEffect, useState } from 'react';
import { useSessionStore } from '../../store/hooks';
import { PLAYBACK_REFRESH_MS } from '../../store/player';

export const REFRESH_MS = 250;
const TRAILING_MS = PLAYBACK_REFRESH_MS * 1.5;

export function useThrottledWorld(ms = REFRESH_MS): { version: number; now: number } {
  const store = useSessionStore();
  const read = () => ({ version: store.getState().version, now: store.getState().now });
  const [state, setState] = useState(read);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const flush = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      last = performance.now();
      setState((prev) => {
        const next = read();
        return prev.version === next.version && prev.now === next.now ? prev : next;
      });
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.version === prev.version && s.now === prev.now) return;
      const wait = ms - (performance.now() - last);
      if (wait <= 0) return flush();
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(wait, TRAILING_MS));
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
