/** The event log's filters: kind chips, the resource (the selection, or one from a list) and free text. */
import { memo } from 'react';
import { Search } from 'lucide-react';
import { useEditor } from '../../store/editor-hooks';
import { resourceLabel } from './resource';
import { KIND_GROUPS } from './kinds';

export const EventFilters = memo(function EventFilters({ resources, onlySelection, setOnlySelection, hasSelection }: { resources: readonly string[]; onlySelection: boolean; setOnlySelection: (on: boolean) => void; hasSelection: boolean }) {
  const filter = useEditor((s) => s.eventFilter);
  const setEventFilter = useEditor((s) => s.setEventFilter);
  const toggleKind = (id: string) => setEventFilter({ kinds: filter.kinds.includes(id) ? filter.kinds.filter((k) => k !== id) : [...filter.kinds, id] });
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-1.5 text-xs" role="group" aria-label="event filters">
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="filter by kind">
        {KIND_GROUPS.map((g) => {
          const on = filter.kinds.includes(g.id);
          return (
            <button
              key={g.id}
              type="button"
              aria-pressed={on}
              onClick={() => toggleKind(g.id)}
              className={`rounded-full border px-2 py-0.5 ${on ? 'border-sky-600 bg-sky-600 text-white' : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400'}`}
            >
              {g.label}
            </button>
          );
        })}
        {filter.kinds.length > 0 && (
          <button type="button" onClick={() => setEventFilter({ kinds: [] })} className="px-1 text-slate-500 underline">
            all kinds
          </button>
        )}
      </div>
      <label className="flex items-center gap-1 text-slate-600">
        <input type="checkbox" checked={onlySelection && hasSelection} disabled={!hasSelection} onChange={(e) => setOnlySelection(e.target.checked)} />
        only the selection
      </label>
      <label className="flex items-center gap-1 text-slate-600">
        <span className="sr-only">resource</span>
        <select
          aria-label="filter by resource"
          value={filter.resource ?? ''}
          onChange={(e) => {
            setOnlySelection(false);
            setEventFilter({ resource: e.target.value || undefined });
          }}
          className="max-w-48 rounded border border-slate-300 bg-white px-1 py-0.5"
        >
          <option value="">all resources</option>
          {resources.map((r) => (
            <option key={r} value={r} title={r}>
              {resourceLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="ml-auto flex items-center gap-1 rounded border border-slate-300 bg-white px-1.5">
        <Search aria-hidden className="h-3 w-3 text-slate-400" />
        <input
          type="search"
          aria-label="search events"
          placeholder="search messages"
          value={filter.text}
          onChange={(e) => setEventFilter({ text: e.target.value })}
          className="w-44 py-0.5 outline-none"
        />
      </label>
    </div>
  );
});
