/**
 * The whole app, loaded by main.tsx with import() after the first paint: creates the session (a
 * #s= link, else the autosave, else the default scenario, which plays at once: UI.md "First
 * minute") and the editor, and renders them. Everything the app needs (the engine, the store,
 * React Flow, the forms, zod for links) is reached from here, so it lands in this chunk, not in
 * the initial JavaScript.
 */
import { App } from '../App';
import { SessionContext } from '../../store/hooks';
import { EditorContext } from '../../store/editor-hooks';
import { createEditorStore } from '../../store/editor';
import { createSessionStore } from '../../store/session';
import { defaultScenario } from '../../scenario/default';
import { initialSession } from '../share/boot';
import { clearHash, safeLocalStorage } from '../share/persistence';
import { MessageBanner } from '../share/MessageBanner';
import { SessionEffects } from '../share/SessionEffects';

// Once, when the chunk loads (the hash is still the one the page opened with).
const boot = initialSession(location.hash, safeLocalStorage());
if (location.hash) clearHash();
const store = createSessionStore({ scenario: defaultScenario, envelope: boot.envelope, speed: 10, autoplay: boot.from === 'default', workClock: () => performance.now() });
if (boot.message) store.getState().showMessage(boot.message);

const editor = createEditorStore();
// A new session (a link, an import, a gallery scenario) forgets the old one's selection and positions.
store.subscribe((s, prev) => {
  if (s.sim !== prev.sim) editor.getState().reset();
});

export default function Sandbox() {
  return (
    <SessionContext.Provider value={store}>
      <EditorContext.Provider value={editor}>
        <SessionEffects />
        <div className="flex h-full flex-col">
          <MessageBanner />
          <div className="min-h-0 flex-1">
            <App />
          </div>
        </div>
      </EditorContext.Provider>
    </SessionContext.Provider>
  );
}
