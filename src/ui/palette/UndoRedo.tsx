/**
 * Undo and redo buttons for the header (the lead places them), with the keyboard shortcuts
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y), ignored while typing in a field. They take back
 * or bring back the last edit: an API call in the command log (session store undo/redo).
 */
import { useEffect } from 'react';
import { Redo2, Undo2 } from 'lucide-react';
import { useSession, useSessionStore } from '../../store/hooks';

/** True when the key event comes from somewhere the user types (inputs keep their own undo). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Which history action a key event asks for, if any. */
export function historyShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return undefined;
}

export function UndoRedo() {
  const store = useSessionStore();
  const canUndo = useSession((s) => s.canUndo);
  const canRedo = useSession((s) => s.canRedo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const action = historyShortcut(e);
      if (!action) return;
      e.preventDefault();
      store.getState()[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const button = 'flex items-center gap-1 rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-40 hover:bg-slate-100';
  return (
    <div className="flex items-center gap-1" role="group" aria-label="history">
      <button type="button" className={button} disabled={!canUndo} onClick={() => store.getState().undo()} title="Undo the last edit (Ctrl/Cmd+Z)">
        <Undo2 size={14} aria-hidden /> Undo
      </button>
      <button type="button" className={button} disabled={!canRedo} onClick={() => store.getState().redo()} title="Redo (Shift+Ctrl/Cmd+Z)">
        <Redo2 size={14} aria-hidden /> Redo
      </button>
    </div>
  );
}
