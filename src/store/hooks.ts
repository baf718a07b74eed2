/**
 * React bindings for the session store: one store per app, provided by context, read with atomic
 * selectors (`useSession((s) => s.playing)`), so a component re-renders only when its slice does.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from './session';

export const SessionContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession must be used inside <SessionContext.Provider>');
  return store;
}

export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useSessionStore(), selector);
}

/** The world, re-read whenever the store says it may have changed. */
export function useWorld() {
  useSession((s) => s.version);
  return useSession((s) => s.sim).world;
}
