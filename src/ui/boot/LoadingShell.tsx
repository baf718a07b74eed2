/**
 * What the first paint shows while the simulator loads (issue #4: the initial JavaScript stays
 * small, so the engine, the store, the canvas and the forms come in a chunk of their own right
 * after): the header's name, and a loading state where the canvas will be. No store, no engine.
 */
export function LoadingShell({ failed = false }: { failed?: boolean }) {
  return (
    <div className="flex h-full flex-col" data-testid="loading-shell">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <img src="/favicon.svg" alt="" className="h-7 w-7" />
        <div className="leading-tight">
          <h1 className="text-lg font-semibold text-slate-900">ECS Sandbox</h1>
        </div>
      </header>
      <div className="flex min-h-0 flex-1 items-center justify-center" role="status" aria-live="polite">
        <p className="text-sm text-slate-500">{failed ? 'The simulator could not be loaded (is the connection down?): reload the page to try again.' : 'Loading the simulator…'}</p>
      </div>
    </div>
  );
}

/** In place of the app when its chunk could not be loaded. */
export const LoadFailed = () => <LoadingShell failed />;
