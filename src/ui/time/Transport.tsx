/** The transport (UI.md "Time"): play/pause, step to the next event, and the speeds. */
import { Pause, Play, SkipForward } from 'lucide-react';
import { SPEEDS, type Speed } from '../../store/session';
import { useSession } from '../../store/hooks';

export const speedLabel = (s: Speed) => (s === 'max' ? 'max' : `${s}x`);

export function Transport() {
  const playing = useSession((s) => s.playing);
  const speed = useSession((s) => s.speed);
  const togglePlay = useSession((s) => s.togglePlay);
  const step = useSession((s) => s.stepToNextEvent);
  const setSpeed = useSession((s) => s.setSpeed);
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        data-testid="play-pause"
        className="flex h-9 w-24 items-center justify-center gap-2 rounded-md bg-slate-900 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500"
      >
        {playing ? <Pause size={16} aria-hidden /> : <Play size={16} aria-hidden />}
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={step}
        aria-label="Step to the next event"
        title="Step to the next event (Right arrow)"
        data-testid="step"
        className="flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500"
      >
        <SkipForward size={16} aria-hidden />
      </button>
      <div role="group" aria-label="speed" className="flex overflow-hidden rounded-md border border-slate-300">
        {SPEEDS.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={speed === s}
            onClick={() => setSpeed(s)}
            title={s === 'max' ? 'As fast as the browser can run it' : `${s} simulated second${s === 1 ? '' : 's'} per second`}
            className={`px-2.5 py-1.5 text-sm tabular-nums ${speed === s ? 'bg-slate-900 text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
          >
            {speedLabel(s)}
          </button>
        ))}
      </div>
    </div>
  );
}
