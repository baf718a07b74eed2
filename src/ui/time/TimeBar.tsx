/** Transport, clock and timeline (UI.md "Time"); the timeline is filled in by the session work. */
import { Clock, Transport } from '../Transport';

export function TimeBar() {
  return (
    <div className="flex items-center gap-6 border-t border-slate-200 bg-white px-4 py-2" aria-label="time">
      <Transport />
      <Clock />
    </div>
  );
}
