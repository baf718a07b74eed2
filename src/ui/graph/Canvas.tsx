/**
 * The live picture of the world: toGraph(world) rendered by React Flow.
 *
 * - Rebuilt when the world may have changed (session version: while playing, at most every
 *   PLAYBACK_REFRESH_MS, store/player.ts),
 *   or the learner's positions or expanded groups change; unchanged nodes keep their objects
 *   (stable.ts).
 * - Top-level nodes sit in the bands of layout.ts, computed synchronously with the graph: no
 *   layout runs later and moves anything.
 * - The view frames the scenario's focus (clusters, services, the load balancer chain) at a
 *   readable zoom (viewport.ts) and follows it as resources come and go, until the learner takes
 *   the view over (pans, zooms, drags a node, presses fit): from then on it stays theirs until
 *   another scenario is loaded. The view is set directly (setViewport), never through React
 *   Flow's deferred fitView, which can land later, in the middle of a drag (issue #4).
 * - Top-level nodes are draggable and stay where they are dropped (editor.positions).
 * - Clicking a node selects its resource (editor.select({kind, id})) and highlights its edges;
 *   clicking the pane clears it. Dragging from a handle to another reports a connect intent to
 *   the palette (palette/connect.ts).
 */
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, useStore, type Connection, type NodeChange, type NodeMouseHandler, type OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useSession } from '../../store/hooks';
import { keepIfSame } from '../same-array';
import { useEditor } from '../../store/editor-hooks';
import { onConnectIntent } from '../palette/connect';
import { toGraph } from './toGraph';
import { nodeTypes } from './nodeTypes';
import { edgeTypes } from './edges/LabelledEdge';
import { createGraphCache } from './stable';
import { highlightEdges } from './edgeStyle';
import { createFlowClock } from './flow';
import { CompactContext, useZoomedOut } from './nodes/detail';
import { idOfSelection, selectionOf } from './ids';
import { initialViewport, viewKey } from './viewport';
import type { SandboxEdge, SandboxNode } from './types';
import { CAPTION_HEIGHT, StoryCaption } from '../caption/StoryCaption';

const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1 };
/**
 * Choice: fit must show everything, and the bands of a large world (500 nodes: ~12,000 px square)
 * need a zoom near 0.04 for that; 0.02 leaves room for worlds twice as big.
 */
const MIN_ZOOM = 0.02;

/** Frames the focus whenever it moves or the canvas resizes, while the learner has not taken the view. */
function FollowView({ nodes, owned, top }: { nodes: SandboxNode[]; owned: () => boolean; top: number }) {
  const { setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const key = viewKey(nodes, width, height, top);
  const latest = useRef(nodes);
  latest.current = nodes;
  useLayoutEffect(() => {
    if (owned() || !width || !height) return;
    void setViewport(initialViewport(latest.current, width, height, top));
  }, [key, width, height, top, owned, setViewport]);
  return null;
}

export function Canvas() {
  // The canvas redraws whenever the session publishes a change: while playing that is at most
  // every PLAYBACK_REFRESH_MS (store/player.ts), in the same frame as the clock; otherwise at once
  // (an edit, a step, a seek while scrubbing).
  const latestVersion = useSession((s) => s.version);
  // A redraw is a transition: React builds it in slices between frames (the clock's update goes
  // first), and a newer version replaces one still in progress.
  const version = useDeferredValue(latestVersion);
  const sim = useSession((s) => s.sim);
  const batch = useSession((s) => s.batch);
  const positions = useEditor((s) => s.positions);
  const expanded = useEditor((s) => s.expanded);
  const selection = useEditor((s) => s.selection);
  const select = useEditor((s) => s.select);
  const setPosition = useEditor((s) => s.setPosition);

  const cache = useMemo(() => createGraphCache(), [sim]);
  // The sim the learner took the view over in (panned, zoomed, dragged, fitted); another sim: the
  // view follows the focus. A ref, so a view update already on its way sees a take-over at once.
  const ownedIn = useRef<unknown>(undefined);
  const owned = useCallback(() => ownedIn.current === sim, [sim]);
  const takeOver = useCallback(() => void (ownedIn.current = sim), [sim]);
  const takeView = useCallback((event: MouseEvent | TouchEvent | null) => event && takeOver(), [takeOver]);
  // The caption over the canvas (default scenario): the first view keeps room for it.
  const [captionShown, setCaptionShown] = useState(false);
  const [drag, setDrag] = useState<{ id: string; position: { x: number; y: number } } | null>(null);

  const graph = useMemo(
    () => toGraph(sim.world, sim.now, { positions, expanded }, cache),
    // `version` says the (mutable) world may have changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sim, version, positions, expanded, cache],
  );

  const selectedId = selection ? idOfSelection(selection) : undefined;
  // The arrays keep their identity while every element does: React Flow then skips its lookups
  // and does not wake each node's and edge's subscription.
  const lastNodes = useRef<SandboxNode[]>([]);
  const nodes = useMemo(() => {
    const next = graph.nodes.map((node) => {
      let n = node;
      if (drag && n.id === drag.id) n = { ...n, position: drag.position };
      if (n.id === selectedId) n = { ...n, selected: true };
      return n;
    });
    return keepIfSame(lastNodes, next);
  }, [graph, drag, selectedId]);
  const lastEdges = useRef<SandboxEdge[]>([]);
  const highlighted = useMemo(() => new WeakMap<SandboxEdge, SandboxEdge>(), [selectedId]);
  const edges = useMemo(() => {
    const next = highlightEdges(graph.edges, selectedId, highlighted);
    return keepIfSame(lastEdges, next);
  }, [graph, selectedId, highlighted]);
  // A ref, so onNodeClick keeps its identity across rebuilds: React Flow hands it to every node
  // wrapper, and a new function would re-render all of them each time the world changes.
  const parentOf = useRef(new Map<string, string | undefined>());
  parentOf.current = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.parentId])), [graph]);

  // Traffic dashes move with each redraw while playing (flow.ts): a custom property on each flowing
  // path (not on a container: that would restyle every edge), written after the redraw, so they
  // never take a frame of their own.
  const playing = useSession((s) => s.playing);
  const compact = useZoomedOut();
  const flowClock = useMemo(() => createFlowClock(), []);
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const seconds = flowClock.read(playing, performance.now()).toFixed(3);
    root.current?.querySelectorAll<SVGPathElement>('.sb-flow path.react-flow__edge-path').forEach((path) => path.style.setProperty('--sb-flow', seconds));
  }, [graph, playing, flowClock]);

  const onNodesChange = useCallback((changes: NodeChange<SandboxNode>[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.dragging && change.position) setDrag({ id: change.id, position: change.position });
    }
  }, []);
  const onNodeDragStart = takeOver;
  const onNodeDragStop = useCallback<OnNodeDrag<SandboxNode>>(
    (_, node) => {
      takeOver();
      if (!node.parentId) setPosition(node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) });
      setDrag(null);
    },
    [setPosition, takeOver],
  );
  const onNodeClick = useCallback<NodeMouseHandler<SandboxNode>>(
    (_, node) => {
      // Lanes, areas and summaries stand for no resource of their own: select what holds them.
      for (let id: string | undefined = node.id; id; id = parentOf.current.get(id)) {
        const s = selectionOf(id);
        if (s) return select(s);
      }
    },
    [select],
  );
  const onPaneClick = useCallback(() => select(null), [select]);
  const onConnect = useCallback(
    (connection: Connection) => {
      const source = selectionOf(connection.source);
      const target = selectionOf(connection.target);
      // A connection may take several calls: one batch, one undo step.
      if (source && target) batch((call) => onConnectIntent({ sourceKind: source.kind, sourceId: source.id, targetKind: target.kind, targetId: target.id }, call));
    },
    [batch],
  );

  return (
    <div ref={root} className="h-full w-full" data-testid="canvas">
      <CompactContext.Provider value={compact}>
        <ReactFlow<SandboxNode, SandboxEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onConnect={onConnect}
          onMoveStart={takeView}
          onlyRenderVisibleElements
          nodesDraggable
          nodesConnectable
          elementsSelectable
          selectNodesOnDrag={false}
          multiSelectionKeyCode={null}
          deleteKeyCode={null}
          minZoom={MIN_ZOOM}
          maxZoom={2}
          proOptions={{ hideAttribution: false }}
        >
          <Background gap={24} color="#e2e8f0" />
          {/* Fit shows everything (and, like zooming, takes the view over from the focus framing). */}
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} onFitView={takeOver} onZoomIn={takeOver} onZoomOut={takeOver} />
          <FollowView nodes={graph.nodes} owned={owned} top={captionShown ? CAPTION_HEIGHT : 0} />
          <StoryCaption onShownChange={setCaptionShown} />
        </ReactFlow>
      </CompactContext.Provider>
    </div>
  );
}
