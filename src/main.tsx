/**
 * The entry: paints a light shell at once (the header and "Loading the simulator…") and loads the
 * app with import() right after (issue #4: at most 250 KB of initial JavaScript, gzipped; React
 * alone is most of it). ui/boot/Sandbox.tsx creates the session and renders the app.
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { LoadFailed, LoadingShell } from './ui/boot/LoadingShell';

const Sandbox = lazy(() => import('./ui/boot/Sandbox').catch(() => ({ default: LoadFailed })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<LoadingShell />}>
      <Sandbox />
    </Suspense>
  </StrictMode>,
);
