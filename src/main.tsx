import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import { SessionContext } from './store/hooks';
import { EditorContext } from './store/editor-hooks';
import { createEditorStore } from './store/editor';
import { createSessionStore } from './store/session';
import { defaultScenario } from './scenario/default';

const store = createSessionStore({ scenario: defaultScenario, speed: 10, autoplay: true });
const editor = createEditorStore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={store}>
      <EditorContext.Provider value={editor}>
        <App />
      </EditorContext.Provider>
    </SessionContext.Provider>
  </StrictMode>,
);
