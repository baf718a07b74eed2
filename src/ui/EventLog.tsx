/** The event log: what happened, newest first, in AWS's words (plus scenario steps that failed). */
import { useSession, useWorld } from '../store/hooks';
import { formatElapsed, shortResource } from './format';

/** Choice: the panel shows the newest 300 entries; the full log stays in the world. */
const SHOWN = 300;

const SOURCE_CLASSES: Record<string, string> = {
  ecs: 'bg-orange-100 text-orange-800',
  ecr: 'bg-amber-100 text-amber-800',
  ec2: 'bg-sky-100 text-sky-800',
  sim: 'bg-slate-200 text-slate-700',
};

export function EventLog() {
  const world = useWorld();
  const failures = useSession((s) => s.failures);
  const events = world.events.slice(-SHOWN).reverse();
  return (
    <aside aria-label="event log" className="flex h-full min-h-0 flex-col border-l border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-700">
        Event log <span className="font-normal text-slate-400">({world.events.length})</span>
      </h2>
      {failures.length > 0 && (
        <ul aria-label="scenario errors" className="border-b border-red-200 bg-red-50">
          {failures.map((f) => (
            <li key={`${f.step}`} className="px-4 py-1.5 text-xs text-red-800">
              <span className="font-mono">{formatElapsed(f.at)}</span> step {f.step} {f.call}: <b>{f.code}</b> {f.message}
            </li>
          ))}
        </ul>
      )}
      <ol className="flex-1 overflow-y-auto" data-testid="event-log">
        {events.length === 0 && <li className="px-4 py-3 text-xs text-slate-400">Nothing has happened yet.</li>}
        {events.map((e, i) => (
          <li key={world.events.length - i} className="border-b border-slate-100 px-4 py-1.5 text-xs">
            <div className="flex items-center gap-2 text-[10px] text-slate-500">
              <span className="font-mono tabular-nums">{formatElapsed(e.at)}</span>
              <span className={`rounded px-1 font-semibold uppercase ${SOURCE_CLASSES[e.source] ?? SOURCE_CLASSES.sim}`}>{e.source}</span>
              <span className="truncate font-mono" title={e.resource}>
                {shortResource(e.resource)}
              </span>
            </div>
            <div className="text-slate-800">{e.message}</div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
