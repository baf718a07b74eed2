/**
 * Transport keys for the whole page: Space toggles play, Right arrow steps to the next event. Not
 * while typing, and not where the focused element uses the key itself (a button's Space, the
 * timeline slider's arrows, a node on the canvas).
 */
import { useEffect } from 'react';
import type { SessionStore } from '../../store/session';

/** Elements that handle Space or the arrow keys themselves. */
const OWN_KEYS = 'input, textarea, select, button, a[href], [contenteditable=""], [contenteditable="true"], [role="slider"], [role="tab"], [role="textbox"], [role="menuitem"], .react-flow__node';

export function transportAction(key: string, target: unknown, modifiers: boolean): 'togglePlay' | 'stepToNextEvent' | undefined {
  if (modifiers) return undefined;
  if (key !== ' ' && key !== 'ArrowRight') return undefined;
  const element = target as { closest?: (selector: string) => unknown } | null;
  if (element && typeof element.closest === 'function' && element.closest(OWN_KEYS)) return undefined;
  return key === ' ' ? 'togglePlay' : 'stepToNextEvent';
}

export function useTransportKeys(store: SessionStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not checking defaultPrevented: React Flow prevents Space's default (its pan key) on the page.
      const action = transportAction(e.key, e.target, e.ctrlKey || e.metaKey || e.altKey);
      if (!action) return;
      e.preventDefault();
      store.getState()[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
