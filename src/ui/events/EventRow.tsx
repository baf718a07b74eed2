/** One event of the log, as a button: time, source, resource (short id, full ARN in the tooltip), message. */
import type { SimEvent } from '../../engine/world/types';
import { shortResource } from '../format';
import { formatClock } from './windowing';

export const ROW_HEIGHT = 28;

const SOURCE_CLASSES: Record<string, string> = {
  ecs: 'bg-orange-100 text-orange-800',
  ecr: 'bg-amber-100 text-amber-800',
  ec2: 'bg-sky-100 text-sky-800',
  elbv2: 'bg-violet-100 text-violet-800',
  autoscaling: 'bg-emerald-100 text-emerald-800',
  'application-autoscaling': 'bg-emerald-100 text-emerald-800',
  cloudwatch: 'bg-pink-100 text-pink-800',
  codedeploy: 'bg-indigo-100 text-indigo-800',
  sim: 'bg-slate-200 text-slate-700',
};

/** Short labels so the badge column stays narrow; the full prefix is in the tooltip. */
const SOURCE_LABELS: Record<string, string> = { 'application-autoscaling': 'app-as', autoscaling: 'asg', cloudwatch: 'cw' };

export function EventRow({ event, index, selected, onOpen }: { event: SimEvent; index: number; selected: boolean; onOpen: (index: number) => void }) {
  return (
    <li style={{ height: ROW_HEIGHT }} className="border-b border-slate-100">
      <button
        type="button"
        data-testid="event-row"
        data-kind={event.kind}
        aria-label={`${formatClock(event.at)} ${event.source} ${event.message}`}
        title={event.message}
        onClick={() => onOpen(index)}
        className={`flex h-full w-full items-center gap-2 px-3 text-left text-xs hover:bg-sky-50 focus:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${selected ? 'bg-sky-50' : ''}`}
      >
        <span className="w-14 shrink-0 font-mono tabular-nums text-slate-500">{formatClock(event.at)}</span>
        <span title={event.source} className={`w-14 shrink-0 truncate rounded px-1 text-center text-[10px] font-semibold uppercase ${SOURCE_CLASSES[event.source] ?? SOURCE_CLASSES.sim}`}>
          {SOURCE_LABELS[event.source] ?? event.source}
        </span>
        <span className="w-40 shrink-0 truncate font-mono text-[11px] text-slate-600" title={event.resource}>
          {shortResource(event.resource)}
        </span>
        <span className="min-w-0 flex-1 truncate text-slate-800">{event.message}</span>
      </button>
    </li>
  );
}
