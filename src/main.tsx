import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import { SessionContext } from './store/hooks';
import { EditorContext } from './store/editor-hooks';
import { createEditorStore } from './store/editor';
import { createSessionStore } from './store/session';
import { defaultScenario } from './scenario/default';
import { initialSession } from './ui/share/boot';
import { clearHash, safeLocalStorage } from './ui/share/persistence';
import { MessageBanner } from './ui/share/MessageBanner';
import { SessionEffects } from './ui/share/SessionEffects';

// A #s= link, else the autosave, else the default scenario, which plays at once (UI.md "First minute").
const boot = initialSession(location.hash, safeLocalStorage());
if (location.hash) clearHash();
const store = createSessionStore({ scenario: defaultScenario, envelope: boot.envelope, speed: 10, autoplay: boot.from === 'default' });
if (boot.message) store.getState().showMessage(boot.message);

const editor = createEditorStore();
// A new session (a link, an import, a gallery scenario) forgets the old one's selection and positions.
store.subscribe((s, prev) => {
  if (s.sim !== prev.sim) editor.getState().reset();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
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
  </StrictMode>,
);
