/**
 * The bottom panel: the event log and the charts, as tabs; collapsible. The charts tab (and
 * uPlot with it) loads on first use, so it is not in the initial bundle. The chart sampler runs
 * here, whichever tab shows, so the charts have the desired counts of the whole run.
 */
import { lazy, Suspense } from 'react';
import { EventLog } from '../events/EventLog';
import { useEditor } from '../../store/editor-hooks';
import { useChartSampler } from '../charts/useChartSampler';
import type { BottomTab } from '../../store/editor';

const ChartsPanel = lazy(() => import('../charts/ChartsPanel'));

const TABS: { id: BottomTab; label: string }[] = [
  { id: 'events', label: 'Events' },
  { id: 'charts', label: 'Charts' },
];

export function BottomPanel() {
  const collapsed = useEditor((s) => s.collapsed.bottom);
  const tab = useEditor((s) => s.bottomTab);
  const setTab = useEditor((s) => s.setBottomTab);
  const getSampler = useChartSampler();
  if (collapsed) return null;
  return (
    <section className="flex h-40 shrink-0 [@media(min-height:860px)]:h-64 flex-col overflow-hidden border-t border-slate-200 bg-white" aria-label="events and charts">
      <div role="tablist" aria-label="bottom panel" className="flex shrink-0 gap-1 border-b border-slate-200 bg-slate-50 px-2">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`bottom-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`bottom-panel-${t.id}`}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-1 text-xs font-semibold ${tab === t.id ? 'border-sky-600 text-slate-900' : 'border-transparent text-slate-500 hover:text-slate-800'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`bottom-panel-${tab}`} aria-labelledby={`bottom-tab-${tab}`} className="min-h-0 flex-1">
        {tab === 'events' ? (
          <EventLog />
        ) : (
          <Suspense fallback={<p className="p-3 text-xs text-slate-400">Loading charts…</p>}>
            <ChartsPanel getSampler={getSampler} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
