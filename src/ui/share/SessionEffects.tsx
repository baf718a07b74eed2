/** The session's page-wide effects, mounted once: autosave, links pasted into the address bar, file drops. */
import { useSessionStore } from '../../store/hooks';
import { useFileDrop } from './import';
import { useAutosave, useHashLinks } from './persistence';

export function SessionEffects() {
  const store = useSessionStore();
  useAutosave(store);
  useHashLinks(store);
  useFileDrop(store);
  return null;
}
