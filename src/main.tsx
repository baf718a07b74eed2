import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './ui/App';
import { SessionContext } from './store/hooks';
import { createSessionStore } from './store/session';
import { defaultScenario } from './scenario/default';

const store = createSessionStore({ scenario: defaultScenario, speed: 10, autoplay: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={store}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
);
