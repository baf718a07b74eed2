/** The app shell: header with clock and transport, the canvas, and the event log. */
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './graph/Canvas';
import { EventLog } from './EventLog';
import { Clock, Transport } from './Transport';
import { useSession } from '../store/hooks';

export function App() {
  const scenarioName = useSession((s) => (typeof s.scenario.name === 'string' ? s.scenario.name : undefined));
  return (
    <div className="flex h-full flex-col">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <img src="/favicon.svg" alt="" className="h-7 w-7" />
        <div className="leading-tight">
          <h1 className="text-lg font-semibold text-slate-900">ECS Sandbox</h1>
          {scenarioName && <p className="text-xs text-slate-500">{scenarioName}</p>}
        </div>
        <div className="ml-auto flex items-center gap-6">
          <Transport />
          <Clock />
        </div>
      </header>
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_22rem] grid-rows-[minmax(0,1fr)] overflow-hidden">
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
        <EventLog />
      </main>
    </div>
  );
}
