/** Importing a file (the Import button, or a .json file dropped on the page) into the session. */
import { useEffect } from 'react';
import type { SessionStore } from '../../store/session';
import { openFile } from './session-io';

export async function importFile(store: SessionStore, file: File): Promise<void> {
  const opened = openFile(file.name, await file.text());
  if (opened.envelope) {
    store.getState().loadEnvelope(opened.envelope);
    store.getState().showMessage({ kind: 'info', text: `Opened ${file.name}.` });
  } else store.getState().showMessage(opened.message);
}

/** Accepts a .json file dropped anywhere on the page (other drags, e.g. from the palette, pass by). */
export function useFileDrop(store: SessionStore): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(store, file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [store]);
}
