/** The simulated clock: elapsed time and the date the API would report. */
import { useSession } from '../../store/hooks';
import { formatElapsed, formatSimDate } from '../format';

export function Clock() {
  const now = useSession((s) => s.now);
  return (
    <div className="flex shrink-0 flex-col items-end leading-tight" aria-label="simulated time">
      <time data-testid="clock" className="font-mono text-lg font-semibold tabular-nums text-slate-900">
        {formatElapsed(now)}
      </time>
      <span className="font-mono text-[10px] text-slate-500" data-testid="sim-date">
        {formatSimDate(now)}
      </span>
    </div>
  );
}
