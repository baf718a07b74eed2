/** The simulated clock, play/pause and speed. */
import { SPEEDS } from '../store/session';
import { useSession } from '../store/hooks';
import { formatElapsed, formatSimDate } from './format';

export function Clock() {
  const now = useSession((s) => s.now);
  return (
    <div className="flex flex-col items-end leading-tight" aria-label="simulated time">
      <time data-testid="clock" className="font-mono text-lg font-semibold tabular-nums text-slate-900">
        {formatElapsed(now)}
      </time>
      <span className="font-mono text-[10px] text-slate-500">{formatSimDate(now)}</span>
    </div>
  );
}

export function Transport() {
  const playing = useSession((s) => s.playing);
  const speed = useSession((s) => s.speed);
  const togglePlay = useSession((s) => s.togglePlay);
  const setSpeed = useSession((s) => s.setSpeed);
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="play-pause"
        className="flex h-9 w-24 items-center justify-center gap-2 rounded-md bg-slate-900 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500"
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <div role="group" aria-label="speed" className="flex overflow-hidden rounded-md border border-slate-300">
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={speed === s}
            onClick={() => setSpeed(s)}
            className={`px-2.5 py-1.5 text-sm tabular-nums ${speed === s ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
          >
            {s}x
          </button>
        ))}
      </div>
    </div>
  );
}
