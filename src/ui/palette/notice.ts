/**
 * A small UI-only store for what palette actions have to say outside a form: the outcome of a
 * connection dragged on the canvas (done, refused and why, or an AWS error), shown by <Notice/>.
 * It also holds a read-only view of the current world for connect.ts, which the canvas calls
 * with only the session's `call` (set by the Palette while it is mounted).
 */
import { createStore } from 'zustand/vanilla';
import type { World } from '../../engine/world/types';

export interface PaletteNotice {
  kind: 'done' | 'refused' | 'error';
  title: string;
  text: string;
  /** The CLI commands that were run, if any. */
  commands?: string[];
}

interface NoticeState {
  notice: PaletteNotice | null;
  show(notice: PaletteNotice): void;
  clear(): void;
}

export const noticeStore = createStore<NoticeState>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  clear: () => set({ notice: null }),
}));

let readWorld: (() => World) | undefined;

/** The Palette binds the session's world reader on mount (one session per app). */
export function bindWorld(reader: (() => World) | undefined): void {
  readWorld = reader;
}

export function currentWorld(): World | undefined {
  return readWorld?.();
}
