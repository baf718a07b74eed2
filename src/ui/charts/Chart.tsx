/**
 * One uPlot chart of ChartData: time on x (simulated, as mm:ss), up to two y scales (left and
 * right), stepped lines for counts, dashed horizontal lines for alarm thresholds and a vertical
 * line at the playhead. The plot is created once per series layout and fed with setData after.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import type { ChartData, Scale } from './specs';
import { formatClock } from '../events/windowing';

const SCALE_LABEL: Record<Scale, string> = { count: 'count', percent: '%', seconds: 'seconds', usd: 'USD' };
const SCALE_RANGE: Partial<Record<Scale, [number, number]>> = { percent: [0, 100] };
const HEIGHT = 118;

function formatValue(scale: Scale, v: number | null): string {
  if (v === null || v === undefined) return '–';
  if (scale === 'usd') return `$${v.toFixed(4)}`;
  if (scale === 'seconds') return `${(v * 1000).toFixed(0)} ms`;
  if (scale === 'percent') return `${v.toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function options(chart: ChartData, width: number, now: () => number): uPlot.Options {
  const scales = [...new Set(chart.series.map((s) => s.scale))].slice(0, 2);
  const scaleOptions: uPlot.Scales = { x: { time: false } };
  for (const s of scales) {
    const fixed = SCALE_RANGE[s];
    scaleOptions[s] = fixed ? { range: (_u, _min, max) => [0, Math.max(fixed[1], max ?? 0)] } : { range: (_u, _min, max) => [0, max && max > 0 ? max * 1.15 : 1] };
  }
  return {
    width,
    height: HEIGHT,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: scaleOptions,
    axes: [
      { values: (_u, splits) => splits.map((v) => formatClock(v)), size: 28, font: '10px sans-serif' },
      ...scales.map((s, i) => ({
        scale: s,
        side: i === 0 ? 3 : 1,
        label: SCALE_LABEL[s],
        labelSize: 14,
        labelFont: '10px sans-serif',
        font: '10px sans-serif',
        size: 44,
        grid: { show: i === 0, stroke: '#e2e8f0' },
        values: (_u: uPlot, splits: number[]) => splits.map((v) => (s === 'seconds' ? `${Math.round(v * 1000)}ms` : s === 'usd' ? `$${v.toFixed(2)}` : String(Math.round(v * 10) / 10))),
      })),
    ],
    series: [
      { label: 'time (mm:ss)', value: (_u, v) => (v === null ? '–' : formatClock(v)) },
      ...chart.series.map((s) => ({
        label: s.label,
        scale: scales.includes(s.scale) ? s.scale : scales[0],
        stroke: s.color,
        width: 1.75,
        dash: s.dashed ? [5, 4] : undefined,
        spanGaps: false,
        // Minute datapoints are dots too: a metric reported for one minute only still shows.
        points: { show: !s.stepped, size: 4 },
        paths: s.stepped ? uPlot.paths.stepped!({ align: 1 }) : undefined,
        value: (_u: uPlot, v: number | null) => formatValue(s.scale, v),
      })),
    ],
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.setLineDash([3, 3]);
          ctx.lineWidth = 1;
          ctx.font = `${10 * devicePixelRatio}px sans-serif`;
          for (const t of chart.thresholds) {
            if (!u.scales[t.scale]) continue;
            const y = u.valToPos(t.value, t.scale, true);
            ctx.strokeStyle = '#dc2626';
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.fillStyle = '#b91c1c';
            ctx.fillText(t.label, u.bbox.left + 4, y - 3);
          }
          const x = u.valToPos(now(), 'x', true);
          ctx.setLineDash([]);
          ctx.strokeStyle = '#0284c7';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
}

const toData = (chart: ChartData): uPlot.AlignedData => [chart.times, ...chart.series.map((s) => s.values)] as uPlot.AlignedData;

export function Chart({ chart, now }: { chart: ChartData; now: number }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ chart, now });
  latest.current = { chart, now };
  const layout = `${chart.id}|${chart.series.map((s) => `${s.label}:${s.scale}`).join(',')}|${chart.thresholds.map((t) => t.label).join(',')}`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const u = new uPlot(options(latest.current.chart, Math.max(200, el.clientWidth), () => latest.current.now), toData(latest.current.chart), el);
    plot.current = u;
    const observer = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [layout]);

  useEffect(() => {
    plot.current?.setData(toData(chart));
  }, [chart]);

  const hasData = chart.series.some((s) => s.values.some((v) => v !== null));
  return (
    <figure className="sandbox-chart min-w-0 rounded border border-slate-200 bg-white px-2 pt-1" data-testid="chart" data-chart={chart.id} data-has-data={hasData}>
      <figcaption className="mb-1 truncate text-xs font-semibold text-slate-700" title={chart.title}>
        {chart.title}
      </figcaption>
      <div ref={host} role="img" aria-label={`${chart.title}: ${chart.series.map((s) => `${s.label} ${formatValue(s.scale, s.values[s.values.length - 1] ?? null)}`).join(', ')}`} />
      {!hasData && <p className="text-[10px] text-slate-400">No datapoints yet: CloudWatch reports these metrics only while there is something to measure.</p>}
    </figure>
  );
}
