/**
 * The live picture of the world: toGraph(world) rendered by React Flow. Read-only for now (the
 * editable canvas is a later issue); it re-fits the view when resources appear or go.
 */
import { useEffect, useMemo } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, type ReactFlowProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useSession } from '../../store/hooks';
import { toGraph } from './toGraph';
import { nodeTypes } from './nodeTypes';
import type { SandboxEdge, SandboxNode } from './types';

const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1.1 };
const DEFAULT_EDGE_OPTIONS: ReactFlowProps<SandboxNode, SandboxEdge>['defaultEdgeOptions'] = {
  style: { stroke: '#94a3b8', strokeWidth: 1.5 },
  labelStyle: { fontSize: 11, fill: '#475569' },
  labelBgStyle: { fill: '#f8fafc' },
};

/** Re-fits the view when the set of nodes changes (not on every status change). */
function FitOnChange({ shape }: { shape: string }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 250 }));
    return () => cancelAnimationFrame(frame);
  }, [shape, fitView]);
  return null;
}

export function Canvas() {
  const version = useSession((s) => s.version);
  const sim = useSession((s) => s.sim);
  // Re-read on version only: `now` matters just for when STOPPED tasks leave the canvas.
  const graph = useMemo(() => toGraph(sim.world, sim.now), [sim, version]);
  const shape = graph.nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join('|');
  return (
    <div className="h-full w-full" data-testid="canvas">
      <ReactFlow<SandboxNode, SandboxEdge>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.2}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={24} color="#e2e8f0" />
        <Controls showInteractive={false} />
        <FitOnChange shape={shape} />
      </ReactFlow>
    </div>
  );
}
