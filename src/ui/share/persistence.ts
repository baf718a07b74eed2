/**
 * Keeping the session across reloads and links: the autosave (localStorage, written at most every
 * AUTOSAVE_MS while something changes, and when the page is hidden) and links pasted into the
 * address bar of an open page (hashchange).
 */
import { useEffect } from 'react';
import type { SessionStore } from '../../store/session';
import { openLink, writeAutosave, type KeyValueStorage } from './session-io';

/** Choice: at most one autosave every 2 s of changes (a reload loses at most that). */
export const AUTOSAVE_MS = 2000;

export function startAutosave(store: SessionStore, storage: KeyValueStorage | undefined, everyMs = AUTOSAVE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    writeAutosave(storage, store.getState().toEnvelope());
  };
  // Choice: when due, the write waits for an idle moment (at most 1 s more), so serialising a large
  // scenario does not land in a frame of 60x playback (issue #4's frame budget).
  const save = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 1000 });
    else write();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed = s.now !== prev.now || s.commands !== prev.commands || s.scenario !== prev.scenario;
    if (changed && timer === undefined) timer = setTimeout(save, everyMs);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
}

export function useAutosave(store: SessionStore): void {
  useEffect(() => {
    const storage = safeLocalStorage();
    const stop = startAutosave(store, storage);
    const onHide = () => {
      if (document.visibilityState === 'hidden') writeAutosave(storage, store.getState().toEnvelope());
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      stop();
    };
  }, [store]);
}

/** A `#s=` link pasted into this page's address bar opens without a reload; a bad one keeps the work. */
export function useHashLinks(store: SessionStore): void {
  useEffect(() => {
    const onHash = () => {
      const opened = openLink(location.hash);
      if (!opened) return;
      if (opened.envelope) store.getState().loadEnvelope(opened.envelope);
      else store.getState().showMessage(opened.message);
      clearHash();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store]);
}

/**
 * Choice: once a link is opened its hash is removed from the address bar, so a reload shows the
 * autosave (the work done since) rather than the link's state again.
 */
export function clearHash(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

export function safeLocalStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
