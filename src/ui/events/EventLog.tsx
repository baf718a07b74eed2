/**
 * The event log (UI.md "Time"): what happened, newest first, in AWS's words. Filters by kind,
 * resource and text; only the rows in view are rendered (the log can hold 100,000 events).
 * Clicking an event moves the playhead to its time and selects its resource.
 */
import { useCallback, useMemo, useRef, useState, useLayoutEffect } from 'react';
import { useSession } from '../../store/hooks';
import { useEditor } from '../../store/editor-hooks';
import { formatElapsed } from '../format';
import { filterEvents } from './filter';
import { eventResources, resourcesOfSelection, selectionOfResource } from './resource';
import { visibleWindow } from './windowing';
import { EventFilters } from './EventFilters';
import { EventRow, ROW_HEIGHT } from './EventRow';
import { useThrottledWorld } from './useThrottledWorld';
import { keepIfSame } from '../same-array';

export function EventLog() {
  const { version } = useThrottledWorld();
  const sim = useSession((s) => s.sim);
  const seek = useSession((s) => s.seek);
  const failures = useSession((s) => s.failures);
  const filter = useEditor((s) => s.eventFilter);
  const selection = useEditor((s) => s.selection);
  const select = useEditor((s) => s.select);
  const [onlySelection, setOnlySelection] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);

  const world = sim.world;
  const events = world.events;
  const length = events.length;
  // The same array while the list is the same, so the filters (a <select> of every resource) skip
  // re-rendering on each refresh during playback.
  const lastResources = useRef<string[]>([]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const resources = useMemo(() => keepIfSame(lastResources, eventResources(events)), [events, length, version]);
  const scope = useMemo(() => {
    if (onlySelection && selection) return resourcesOfSelection(selection, resources, world);
    return filter.resource ? [filter.resource] : undefined;
  }, [onlySelection, selection, filter.resource, resources, world]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => filterEvents(events, filter, scope), [events, length, version, filter, scope]);

  const viewport = useRef<HTMLOListElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const win = visibleWindow(rows.length, ROW_HEIGHT, view.top, view.height);

  const open = useCallback(
    (index: number) => {
      const event = sim.world.events[index];
      if (!event) return;
      setOpened(index);
      const target = selectionOfResource(event.resource, sim.world);
      if (target) select(target);
      seek(event.at);
    },
    [sim, seek, select],
  );

  return (
    <section aria-label="event log" className="flex h-full min-h-0 flex-col bg-white">
      <EventFilters resources={resources} onlySelection={onlySelection} setOnlySelection={setOnlySelection} hasSelection={selection !== null} />
      {failures.length > 0 && (
        <ul aria-label="scenario errors" className="max-h-16 overflow-y-auto border-b border-red-200 bg-red-50">
          {failures.map((f) => (
            <li key={`${f.step}`} className="px-3 py-1 text-xs text-red-800">
              <span className="font-mono">{formatElapsed(f.at)}</span> step {f.step} {f.call}: <b>{f.code}</b> {f.message}
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite">
        {rows.length} of {length} events shown
      </p>
      <ol
        ref={viewport}
        className="min-h-0 flex-1 overflow-y-auto"
        data-testid="event-log"
        data-count={rows.length}
        aria-label={`events, newest first (${rows.length} of ${length})`}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        {rows.length === 0 && <li className="px-3 py-3 text-xs text-slate-400">{length === 0 ? 'Nothing has happened yet.' : 'No event matches the filters.'}</li>}
        {win.before > 0 && <li aria-hidden style={{ height: win.before }} />}
        {rows.slice(win.start, win.end).map((index) => (
          <EventRow key={index} index={index} event={events[index]} selected={index === opened} onOpen={open} />
        ))}
        {win.after > 0 && <li aria-hidden style={{ height: win.after }} />}
      </ol>
    </section>
  );
}
