/** Shows what a canvas connection did or why AWS refuses it (noticeStore), until dismissed. */
import { useStore } from 'zustand';
import { noticeStore } from './notice';

const STYLE = { done: 'border-emerald-300 bg-emerald-50 text-emerald-900', refused: 'border-amber-300 bg-amber-50 text-amber-900', error: 'border-red-300 bg-red-50 text-red-900' };

export function Notice() {
  const notice = useStore(noticeStore, (s) => s.notice);
  if (!notice) return null;
  return (
    <div role="status" data-testid="connect-notice" className={`fixed bottom-24 left-1/2 z-40 w-[32rem] -translate-x-1/2 rounded border p-3 text-sm shadow-lg ${STYLE[notice.kind]}`}>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-semibold">{notice.title}</p>
          <p className="text-xs">{notice.text}</p>
          {notice.commands && notice.commands.length > 0 && <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-[11px]">{notice.commands.join('\n')}</pre>}
        </div>
        <button type="button" className="text-xs underline" onClick={() => noticeStore.getState().clear()}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
