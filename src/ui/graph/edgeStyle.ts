/**
 * How each kind of edge is drawn (one visual language): image links dashed orange, deployments
 * violet, ELB chain fuchsia, targets in their health colour, scaling teal, alarms rose, traffic
 * sky blue with dashes that flow while playing (flow.ts). Every edge also has a label, so colour is
 * never the only signal (a target edge's is drawn when its end is selected; its task chip writes
 * the target's state out meanwhile).
 */
import { TARGET_LOOK } from './nodes/health';
import type { EdgeRelation, SandboxEdge } from './types';

const STROKE: Record<EdgeRelation, { stroke: string; strokeDasharray?: string }> = {
  image: { stroke: '#fb923c', strokeDasharray: '5 4' },
  deployment: { stroke: '#8b5cf6' },
  service: { stroke: '#6366f1' },
  listener: { stroke: '#c026d3' },
  forward: { stroke: '#c026d3' },
  target: { stroke: '#94a3b8' },
  capacity: { stroke: '#14b8a6' },
  scaling: { stroke: '#14b8a6', strokeDasharray: '4 3' },
  alarm: { stroke: '#f43f5e', strokeDasharray: '4 3' },
  traffic: { stroke: '#0ea5e9' },
};

export function styleEdge(edge: SandboxEdge): SandboxEdge {
  const relation = edge.data?.relation ?? 'service';
  const base = STROKE[relation];
  const stroke = relation === 'target' && edge.data?.targetState ? TARGET_LOOK[edge.data.targetState].stroke : base.stroke;
  return {
    ...edge,
    // Target edges end on task chips nested three deep: draw them above the cluster, lane and instance.
    // (not clickable, so they never cover a chip).
    ...(relation === 'target' ? { zIndex: 3, interactionWidth: 0, selectable: false, focusable: false } : {}),
    style: { strokeWidth: 1.5, ...base, ...edge.style, stroke },
  };
}

const withClass = (edge: SandboxEdge, name: string): string => (edge.className ? `${edge.className} ${name}` : name);

/**
 * The selected resource's edges stand out; the others step back. With a `cache` (one per
 * selection), an edge that did not change keeps its highlighted object across rebuilds.
 */
export function highlightEdges(edges: SandboxEdge[], selectedId: string | undefined, cache?: WeakMap<SandboxEdge, SandboxEdge>): SandboxEdge[] {
  if (!selectedId) return edges;
  return edges.map((edge) => {
    const kept = cache?.get(edge);
    if (kept) return kept;
    const mine = edge.source === selectedId || edge.target === selectedId;
    const styled = mine
      ? { ...edge, zIndex: 10, className: withClass(edge, 'sb-edge-selected'), data: edge.data && { ...edge.data, highlighted: true }, style: { ...edge.style, strokeWidth: Math.max(3, Number(edge.style?.strokeWidth ?? 0)) } }
      : { ...edge, className: withClass(edge, 'sb-edge-dim') };
    cache?.set(edge, styled);
    return styled;
  });
}
