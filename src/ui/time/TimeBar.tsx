/** The time bar (UI.md "Time"): transport, clock and timeline, always visible; and the transport keys. */
import { useSessionStore } from '../../store/hooks';
import { Clock } from './Clock';
import { useTransportKeys } from './keyboard';
import { Timeline } from './Timeline';
import { Transport } from './Transport';

export function TimeBar() {
  useTransportKeys(useSessionStore());
  return (
    <div className="flex items-center gap-5 border-t border-slate-200 bg-white px-4 py-1.5" aria-label="time" role="region">
      <Transport />
      <Clock />
      <Timeline />
    </div>
  );
}
