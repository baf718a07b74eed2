/**
 * The palette: resources to drag onto the canvas (HTML5 drag and drop) or to add with a click or
 * Enter (keyboard). A drop opens the resource's short form (src/ui/forms) with defaults read from
 * the world and from what it was dropped on; submitting makes the AWS calls through the session
 * store. The new node keeps the drop position (editor.positions). "New empty scenario" starts a
 * blank account to build in.
 */
import { useEffect, useState } from 'react';
import { ChevronLeft, ChevronRight, FilePlus } from 'lucide-react';
import { useSession, useSessionStore } from '../../store/hooks';
import { useEditor, useEditorStore } from '../../store/editor-hooks';
import { useFlowPosition } from '../graph/drop';
import { selectionOf } from '../graph/ids';
import { FormDialog, type PendingForm } from '../forms/FormDialog';
import type { PaletteKind } from '../forms/types';
import { PALETTE_ITEMS, PALETTE_MIME } from './items';
import { bindWorld, noticeStore } from './notice';
import { Notice } from './Notice';

/** An empty account in us-east-1 (the scenario defaults), for building by hand. */
export const EMPTY_SCENARIO = { name: 'Empty account', seed: 1, region: 'us-east-1', accountId: '123456789012', steps: [] };

/** Listens for palette drops anywhere on the canvas (the canvas element is the graph work's). */
function useCanvasDrop(open: (p: PendingForm) => void) {
  const toFlow = useFlowPosition();
  useEffect(() => {
    const onCanvas = (e: DragEvent) => (e.target instanceof Element ? e.target.closest('[data-testid="canvas"]') : null);
    const carriesItem = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes(PALETTE_MIME);
    const over = (e: DragEvent) => {
      if (!onCanvas(e) || !carriesItem(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!onCanvas(e) || !carriesItem(e)) return;
      e.preventDefault();
      const kind = e.dataTransfer!.getData(PALETTE_MIME) as PaletteKind;
      if (!PALETTE_ITEMS.some((i) => i.kind === kind)) return;
      // What it was dropped on: the innermost node that stands for a resource.
      let target: { kind: string; id: string } | undefined;
      for (let el = e.target instanceof Element ? e.target.closest('.react-flow__node') : null; el && !target; el = el.parentElement?.closest('.react-flow__node') ?? null) {
        target = selectionOf(el.getAttribute('data-id') ?? '') ?? undefined;
      }
      open({ kind, context: { target }, position: toFlow(e.clientX, e.clientY) });
    };
    document.addEventListener('dragover', over);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('drop', drop);
    };
  }, [open, toFlow]);
}

export function Palette() {
  const store = useSessionStore();
  const editor = useEditorStore();
  const collapsed = useEditor((s) => s.collapsed.palette);
  const selection = useEditor((s) => s.selection);
  const togglePanel = useEditor((s) => s.togglePanel);
  useSession((s) => s.sim);
  const [pending, setPending] = useState<PendingForm | null>(null);
  useCanvasDrop(setPending);
  useEffect(() => {
    bindWorld(() => store.getState().sim.world);
    return () => bindWorld(undefined);
  }, [store]);

  const newEmpty = () => {
    store.getState().load(EMPTY_SCENARIO);
    editor.getState().reset();
    noticeStore.getState().clear();
  };

  const groups = [...new Set(PALETTE_ITEMS.map((i) => i.group))];
  return (
    <aside className="flex min-h-0 flex-col overflow-y-auto border-r border-slate-200 bg-white" aria-label="palette">
      <div className="flex items-center justify-between border-b border-slate-100 px-2 py-1">
        {!collapsed && <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Palette</h2>}
        <button type="button" aria-label={collapsed ? 'Show palette' : 'Hide palette'} onClick={() => togglePanel('palette')} className="rounded p-1 text-slate-500 hover:bg-slate-100">
          {collapsed ? <ChevronRight size={14} /> : <ChevronLeft size={14} />}
        </button>
      </div>
      {!collapsed && (
        <>
          <p className="px-2 pt-2 text-[11px] leading-snug text-slate-500">Drag onto the canvas (or press Enter) to create with the AWS API.</p>
          {groups.map((group) => (
            <section key={group} className="px-2 pt-2">
              <h3 className="text-[10px] font-semibold uppercase tracking-wide text-slate-400">{group}</h3>
              <ul className="mt-1 space-y-1">
                {PALETTE_ITEMS.filter((i) => i.group === group).map(({ kind, label, icon: Icon }) => (
                  <li key={kind}>
                    <button
                      type="button"
                      draggable
                      data-testid={`palette-${kind}`}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(PALETTE_MIME, kind);
                        e.dataTransfer.effectAllowed = 'copy';
                      }}
                      onClick={() => setPending({ kind, context: { target: selection ?? undefined } })}
                      className="flex w-full cursor-grab items-center gap-2 rounded border border-slate-200 bg-slate-50 px-2 py-1 text-left text-sm hover:border-orange-300 hover:bg-orange-50 active:cursor-grabbing"
                    >
                      <Icon size={14} className="shrink-0 text-slate-600" aria-hidden />
                      {label}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <div className="mt-auto border-t border-slate-100 p-2">
            <button type="button" onClick={newEmpty} className="flex w-full items-center gap-2 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
              <FilePlus size={14} aria-hidden />
              New empty scenario
            </button>
          </div>
        </>
      )}
      {pending && <FormDialog key={`${pending.kind}-${pending.position?.x ?? ''}`} pending={pending} onClose={() => setPending(null)} />}
      <Notice />
    </aside>
  );
}
