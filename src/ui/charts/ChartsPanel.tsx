/**
 * The Charts tab: the charts for the selection (specs.ts), redrawn at most 4 times a second
 * while the session plays. Loaded lazily (BottomPanel) so uPlot stays out of the first bundle.
 */
import { useMemo } from 'react';
import { useSession } from '../../store/hooks';
import { useEditor } from '../../store/editor-hooks';
import { useThrottledWorld } from '../events/useThrottledWorld';
import { formatClock } from '../events/windowing';
import { Chart } from './Chart';
import { chartsFor, chartsSubject, WINDOW } from './specs';
import type { Sampler } from './sampler';

export default function ChartsPanel({ getSampler }: { getSampler: () => Sampler }) {
  const { version, now } = useThrottledWorld();
  const sim = useSession((s) => s.sim);
  const selection = useEditor((s) => s.selection);
  const charts = useMemo(
    () => chartsFor({ world: sim.world, events: sim.world.events, samples: getSampler().samples, now, selection }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sim, version, now, selection, getSampler],
  );
  return (
    <section aria-label="charts" className="flex h-full min-h-0 flex-col">
      <p className="shrink-0 border-b border-slate-200 px-3 py-1 text-xs text-slate-500">
        Charts for <b className="text-slate-700">{chartsSubject({ world: sim.world, selection })}</b>: the last {WINDOW / 60} minutes to the playhead ({formatClock(now)}), one point a
        minute as CloudWatch keeps them; dashed red lines are alarm thresholds.
      </p>
      <div className="grid min-h-0 flex-1 grid-cols-1 gap-2 overflow-y-auto p-2 md:grid-cols-2 xl:grid-cols-3">
        {charts.length === 0 ? <p className="text-xs text-slate-400">Nothing to chart yet: create a cluster.</p> : charts.map((c) => <Chart key={c.id} chart={c} now={now} />)}
      </div>
    </section>
  );
}
