/** The banner above the app for what the session could not do (a corrupt link, a bad file). */
import { AlertTriangle, Info, X } from 'lucide-react';
import { useSession } from '../../store/hooks';

export function MessageBanner() {
  const message = useSession((s) => s.message);
  const show = useSession((s) => s.showMessage);
  if (!message) return null;
  const error = message.kind === 'error';
  return (
    <div
      role={error ? 'alert' : 'status'}
      data-testid="message-banner"
      className={`flex items-start gap-2 border-b px-4 py-2 text-sm ${error ? 'border-red-200 bg-red-50 text-red-900' : 'border-sky-200 bg-sky-50 text-sky-900'}`}
    >
      {error ? <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden /> : <Info size={16} className="mt-0.5 shrink-0" aria-hidden />}
      <span className="flex-1">
        <b className="font-semibold">{error ? 'Could not open: ' : 'Note: '}</b>
        {message.text}
      </span>
      <button type="button" aria-label="Dismiss message" onClick={() => show(null)} className="rounded p-0.5 hover:bg-black/5">
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
