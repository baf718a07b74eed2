/** The bottom panel: the event log and the charts, as tabs; collapsible. */
import { EventLog } from '../EventLog';
import { useEditor } from '../../store/editor-hooks';

export function BottomPanel() {
  const collapsed = useEditor((s) => s.collapsed.bottom);
  if (collapsed) return null;
  return (
    <section className="h-56 shrink-0 overflow-hidden border-t border-slate-200 bg-white" aria-label="events and charts">
      <EventLog />
    </section>
  );
}
