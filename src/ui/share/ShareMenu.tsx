/**
 * Share, Export and Import for the header. Share copies this page's address with the session in
 * `#s=...` (navigator.clipboard; where that is refused, a text field to copy from). Export saves
 * the envelope as ecs-sandbox-<scenario-name>.json; Import opens one (or a scenario file).
 */
import { useRef, useState } from 'react';
import { Download, Link as LinkIcon, Upload } from 'lucide-react';
import { useSessionStore } from '../../store/hooks';
import { shareHash } from '../../scenario/link';
import { exportFileName } from './session-io';
import { importFile } from './import';

const BUTTON = 'flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-orange-500';

export function ShareMenu() {
  const store = useSessionStore();
  const [copied, setCopied] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const share = async () => {
    const url = `${location.origin}${location.pathname}${location.search}${shareHash(store.getState().toEnvelope())}`;
    try {
      await navigator.clipboard.writeText(url);
      setFallback(null);
      setCopied('Link copied');
    } catch {
      setFallback(url);
      setCopied(null);
    }
    setTimeout(() => setCopied(null), 2500);
  };

  const exportFile = () => {
    const envelope = store.getState().toEnvelope();
    const blob = new Blob([JSON.stringify(envelope, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = exportFileName(envelope);
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <div className="relative flex items-center gap-1" role="group" aria-label="share">
      <button type="button" className={BUTTON} onClick={share} title="Copy a link to this session, edits and playhead included">
        <LinkIcon size={14} aria-hidden /> Share
      </button>
      <button type="button" className={BUTTON} onClick={exportFile} title="Download this session as a JSON file">
        <Download size={14} aria-hidden /> Export
      </button>
      <button type="button" className={BUTTON} onClick={() => fileInput.current?.click()} title="Open a session or scenario JSON file (or drop one on the page)">
        <Upload size={14} aria-hidden /> Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="hidden"
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(store, file);
          e.target.value = '';
        }}
      />
      <span role="status" aria-live="polite" className="min-w-[5.5rem] text-xs text-emerald-700">
        {copied}
      </span>
      {fallback && (
        <div className="absolute right-0 top-full z-50 mt-1 w-96 rounded-md border border-slate-300 bg-white p-2 shadow-lg">
          <label className="text-xs text-slate-600">
            Copying was not allowed here; copy the link yourself:
            <input
              readOnly
              value={fallback}
              aria-label="share link"
              data-testid="share-link"
              className="mt-1 w-full rounded border border-slate-300 px-1 py-0.5 font-mono text-[11px]"
              onFocus={(e) => e.currentTarget.select()}
              autoFocus
            />
          </label>
          <button type="button" className="mt-1 text-xs underline" onClick={() => setFallback(null)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
