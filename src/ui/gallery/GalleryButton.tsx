/**
 * The header's "Gallery" button and the dialog it opens: the built-in scenarios (scenario/gallery)
 * with their names and descriptions. Choosing one loads it as a new session (session store
 * `load`), forgets the editor's positions and selection, plays it (at the entry's speed when
 * 10x would be too slow, e.g. days of ECR pushes), and closes the dialog.
 *
 * A native <dialog> opened with showModal(): the browser traps focus inside it, Escape closes it,
 * and focus returns to the button afterwards. It is rendered into <body> (a portal), so the
 * header's text stays the header's.
 */
import { useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { LayoutGrid, X } from 'lucide-react';
import { useSession, useSessionStore } from '../../store/hooks';
import { useEditorStore } from '../../store/editor-hooks';
import { GALLERY, type GalleryEntry } from '../../scenario/gallery';

export function GalleryButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const session = useSessionStore();
  const editor = useEditorStore();
  const current = useSession((s) => s.scenario.name);
  const titleId = useId();

  function choose(entry: GalleryEntry) {
    session.getState().load(entry.scenario);
    editor.getState().reset();
    if (entry.speed) session.getState().setSpeed(entry.speed);
    session.getState().play();
    dialog.current?.close();
  }

  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-haspopup="dialog"
        className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        <LayoutGrid aria-hidden="true" className="h-4 w-4" />
        Gallery
      </button>
      {createPortal(
        <dialog
          ref={dialog}
          aria-labelledby={titleId}
          className="m-auto max-h-[85vh] w-[46rem] max-w-[95vw] overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/30"
          onClick={(e) => e.target === dialog.current && dialog.current.close()}
        >
          <div className="sticky top-0 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              Scenario gallery
            </h2>
            <button type="button" onClick={() => dialog.current?.close()} aria-label="Close" className="rounded p-1 text-slate-500 hover:bg-slate-100">
              <X aria-hidden="true" className="h-4 w-4" />
            </button>
          </div>
          <p className="px-4 pt-3 text-xs text-slate-500">Each scenario starts a new session from its first step and plays it. What you had is replaced (share it first to keep it).</p>
          <ul className="grid grid-cols-1 gap-2 p-4 sm:grid-cols-2">
            {GALLERY.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  onClick={() => choose(entry)}
                  aria-current={entry.scenario.name === current ? 'true' : undefined}
                  data-testid={`gallery-${entry.id}`}
                  className="h-full w-full rounded-md border border-slate-200 p-3 text-left hover:border-sky-400 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-600 aria-[current=true]:border-sky-500"
                >
                  <span className="block text-sm font-medium text-slate-900">
                    {entry.scenario.name}
                    {entry.scenario.name === current && <span className="ml-2 text-xs font-normal text-sky-700">(open)</span>}
                  </span>
                  <span className="mt-1 block text-xs leading-snug text-slate-600">{entry.scenario.description}</span>
                  {entry.speed && <span className="mt-1 block text-[11px] text-slate-500">Plays at {entry.speed === 'max' ? 'maximum speed' : `${entry.speed}x`}.</span>}
                </button>
              </li>
            ))}
          </ul>
        </dialog>,
        document.body,
      )}
    </>
  );
}
