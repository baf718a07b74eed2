/**
 * The app's layout (UI.md): a header; the palette, the live graph and the inspector side by side;
 * the time bar (transport, clock, timeline) and the bottom panel (events | charts) below. Each
 * region is its own component in its own folder; panels collapse and the canvas keeps the rest.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { Header } from './layout/Header';
import { Canvas } from './graph/Canvas';
import { Palette } from './palette/Palette';
import { Inspector } from './inspector/Inspector';
import { TimeBar } from './time/TimeBar';
import { BottomPanel } from './layout/BottomPanel';
import { useEditor } from '../store/editor-hooks';

export function App() {
  const collapsed = useEditor((s) => s.collapsed);
  // The inspector narrows on smaller screens (20rem at 1280 px) so the canvas keeps most of the width.
  const columns = `${collapsed.palette ? '2.5rem' : '13rem'} minmax(0,1fr) ${collapsed.inspector ? '2.5rem' : 'clamp(20rem, 25vw, 24rem)'}`;
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900">
      <Header />
      <ReactFlowProvider>
        <main className="grid min-h-0 flex-1 overflow-hidden" style={{ gridTemplateColumns: columns }}>
          <Palette />
          <Canvas />
          <Inspector />
        </main>
      </ReactFlowProvider>
      <TimeBar />
      <BottomPanel />
    </div>
  );
}
