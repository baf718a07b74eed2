/**
 * The live picture of the world: toGraph(world) rendered by React Flow.
 *
 * - Rebuilt when the world may have changed (session version, at most every CANVAS_REFRESH_MS), the learner's positions or
 *   expanded groups change, or a layout arrives; unchanged nodes keep their objects (stable.ts).
 * - Layout (elkjs) runs only when the layout key changes (layout.ts), not every frame; the view
 *   fits once when the first layout of a scenario arrives, then stays where the learner put it
 *   (the Controls' fit button re-fits).
 * - Top-level nodes are draggable and stay where they are dropped (editor.positions).
 * - Clicking a node selects its resource (editor.select({kind, id})) and highlights its edges;
 *   clicking the pane clears it. Dragging from a handle to another reports a connect intent to
 *   the palette (palette/connect.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, type Connection, type NodeChange, type NodeMouseHandler, type OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useSession } from '../../store/hooks';
import { useThrottledWorld } from '../events/useThrottledWorld';
import { useEditor } from '../../store/editor-hooks';
import { onConnectIntent } from '../palette/connect';
import { toGraph } from './toGraph';
import { nodeTypes } from './nodeTypes';
import { createGraphCache } from './stable';
import { elkLayout, layoutInput, type Positions } from './layout';
import { highlightEdges } from './edgeStyle';
import { idOfSelection, selectionOf } from './ids';
import type { SandboxEdge, SandboxNode } from './types';
import type { ElkNode } from 'elkjs/lib/elk-api';

const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1 };
/** How often (real milliseconds) the canvas may rebuild from a changing world: issue #4's frame budget. */
const CANVAS_REFRESH_MS = 100;
/**
 * elkjs (about 1.5 MB) runs in a Web Worker (its own file, elk-worker.min.js), started on first
 * use: the app starts without it, and a layout of a large world never blocks a frame of playback.
 */
let elkInstance: Promise<{ layout: (graph: ElkNode) => Promise<ElkNode> }> | undefined;
const loadElk = () =>
  (elkInstance ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
    ([{ default: ELK }, { default: workerUrl }]) => new ELK({ workerUrl }),
  ));

/**
 * Fits the view when a new layout arrives, until the learner takes the view over (pans, zooms or
 * drags a node): from then on the view stays theirs until another scenario is loaded.
 */
function FitOnLayout({ layout, owned }: { layout: unknown; owned: boolean }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (!layout || owned) return;
    const frame = requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [layout, owned, fitView]);
  return null;
}

export function Canvas() {
  // Choice: the canvas redraws the world at most every CANVAS_REFRESH_MS of real time (an edit
  // after a quiet moment shows at once); during 60x playback that is every few simulated seconds.
  const { version } = useThrottledWorld(CANVAS_REFRESH_MS);
  const sim = useSession((s) => s.sim);
  const call = useSession((s) => s.call);
  const positions = useEditor((s) => s.positions);
  const expanded = useEditor((s) => s.expanded);
  const selection = useEditor((s) => s.selection);
  const select = useEditor((s) => s.select);
  const setPosition = useEditor((s) => s.setPosition);

  const cache = useMemo(() => createGraphCache(), [sim]);
  const [layout, setLayout] = useState<{ sim: unknown; positions: Positions }>();
  // The sim the learner took the view over in (panned, zoomed, dragged); none: the view follows the layout.
  const [ownedIn, setOwnedIn] = useState<unknown>(undefined);
  const takeView = useCallback((event: MouseEvent | TouchEvent | null) => event && setOwnedIn(sim), [sim]);
  const [drag, setDrag] = useState<{ id: string; position: { x: number; y: number } } | null>(null);

  const graph = useMemo(
    () => toGraph(sim.world, sim.now, { positions, expanded, layout: layout?.sim === sim ? layout.positions : undefined }, cache),
    // `version` says the (mutable) world may have changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sim, version, positions, expanded, layout, cache],
  );

  const { key, elk: input } = useMemo(() => layoutInput(graph), [graph]);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    let cancelled = false;
    loadElk().then((elk) => elkLayout(inputRef.current, elk)).then(
      (result) => !cancelled && setLayout({ sim, positions: result }),
      (error: unknown) => console.error('layout failed; keeping the column layout', error),
    );
    return () => void (cancelled = true);
  }, [key, sim]);

  const selectedId = selection ? idOfSelection(selection) : undefined;
  const nodes = useMemo(
    () =>
      graph.nodes.map((node) => {
        let n = node;
        if (drag && n.id === drag.id) n = { ...n, position: drag.position };
        if (n.id === selectedId) n = { ...n, selected: true };
        return n;
      }),
    [graph, drag, selectedId],
  );
  const edges = useMemo(() => highlightEdges(graph.edges, selectedId), [graph, selectedId]);
  const parentOf = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.parentId])), [graph]);

  const onNodesChange = useCallback((changes: NodeChange<SandboxNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.dragging && change.position) setDrag({ id: change.id, position: change.position });
    }
  }, []);
  const onNodeDragStart = useCallback(() => setOwnedIn(sim), [sim]);
  const onNodeDragStop = useCallback<OnNodeDrag<SandboxNode>>(
    (_, node) => {
      setOwnedIn(sim);
      if (!node.parentId) setPosition(node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) });
      setDrag(null);
    },
    [setPosition, sim],
  );
  const onNodeClick = useCallback<NodeMouseHandler<SandboxNode>>(
    (_, node) => {
      // Lanes, areas and summaries stand for no resource of their own: select what holds them.
      for (let id: string | undefined = node.id; id; id = parentOf.get(id)) {
        const s = selectionOf(id);
        if (s) return select(s);
      }
    },
    [parentOf, select],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  const onConnect = useCallback(
    (connection: Connection) => {
      const source = selectionOf(connection.source);
      const target = selectionOf(connection.target);
      if (source && target) onConnectIntent({ sourceKind: source.kind, sourceId: source.id, targetKind: target.kind, targetId: target.id }, call);
    },
    [call],
  );

  return (
    <div className="h-full w-full" data-testid="canvas">
      <ReactFlow<SandboxNode, SandboxEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onConnect={onConnect}
        onMoveStart={takeView}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        onlyRenderVisibleElements
        nodesDraggable
        nodesConnectable
        elementsSelectable
        selectNodesOnDrag={false}
        multiSelectionKeyCode={null}
        deleteKeyCode={null}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
        <FitOnLayout layout={layout?.sim === sim ? layout : undefined} owned={ownedIn === sim} />
      </ReactFlow>
    </div>
  );
}
