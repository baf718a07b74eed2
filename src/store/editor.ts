/**
 * Editor state around the canvas, separate from the simulation: what is selected, where the user
 * put nodes, which panels are open, and the event-log filters. A vanilla zustand store bound to
 * React in editor-hooks.ts; it never touches the engine.
 */
import { createStore } from 'zustand/vanilla';

/** A selected resource: its kind (as the canvas names node kinds) and its id (ARN or AWS id). */
export interface Selection {
  kind: string;
  id: string;
}

export type PanelName = 'palette' | 'inspector' | 'bottom';
export type BottomTab = 'events' | 'charts';
export type InspectorTab = 'properties' | 'why' | 'json' | 'cli';

export interface EventFilter {
  /** Only events about this resource (ARN or id); undefined = all. */
  resource?: string;
  /** Only these event kind prefixes (e.g. "task.", "service."); empty = all. */
  kinds: string[];
  /** Free text search over messages. */
  text: string;
}

export interface EditorState {
  selection: Selection | null;
  /** Node positions the user dragged, by node id: they stay where they were put. */
  positions: Record<string, { x: number; y: number }>;
  /** Nodes (by id) whose collapsed children the user expanded. */
  expanded: Record<string, boolean>;
  collapsed: Record<PanelName, boolean>;
  bottomTab: BottomTab;
  inspectorTab: InspectorTab;
  eventFilter: EventFilter;

  select(selection: Selection | null): void;
  setPosition(nodeId: string, position: { x: number; y: number }): void;
  toggleExpanded(nodeId: string): void;
  togglePanel(panel: PanelName): void;
  setBottomTab(tab: BottomTab): void;
  setInspectorTab(tab: InspectorTab): void;
  setEventFilter(filter: Partial<EventFilter>): void;
  /** Forget positions/selection (a new scenario was loaded). */
  reset(): void;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

export function createEditorStore() {
  return createStore<EditorState>()((set) => ({
    selection: null,
    positions: {},
    expanded: {},
    collapsed: { palette: false, inspector: false, bottom: false },
    bottomTab: 'events',
    inspectorTab: 'properties',
    eventFilter: { kinds: [], text: '' },
    select: (selection) => set({ selection }),
    setPosition: (nodeId, position) => set((s) => ({ positions: { ...s.positions, [nodeId]: position } })),
    toggleExpanded: (nodeId) => set((s) => ({ expanded: { ...s.expanded, [nodeId]: !s.expanded[nodeId] } })),
    togglePanel: (panel) => set((s) => ({ collapsed: { ...s.collapsed, [panel]: !s.collapsed[panel] } })),
    setBottomTab: (bottomTab) => set({ bottomTab }),
    setInspectorTab: (inspectorTab) => set({ inspectorTab }),
    setEventFilter: (filter) => set((s) => ({ eventFilter: { ...s.eventFilter, ...filter } })),
    reset: () => set({ selection: null, positions: {}, expanded: {} }),
  }));
}
