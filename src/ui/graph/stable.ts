/**
 * Keeps node and edge objects stable across rebuilds: a node whose content (position, size,
 * parent, data...) is the same as last time is handed back as the very same object, so React
 * Flow's memoised node components skip it. The cache belongs to the caller (one per canvas).
 */
import type { Graph, SandboxEdge, SandboxNode } from './types';

export interface GraphCache {
  nodes: Map<string, { key: string; node: SandboxNode }>;
  edges: Map<string, { key: string; edge: SandboxEdge }>;
}

export const createGraphCache = (): GraphCache => ({ nodes: new Map(), edges: new Map() });

export function stabilize(graph: Graph, cache: GraphCache): Graph {
  const nodes = new Map<string, { key: string; node: SandboxNode }>();
  const edges = new Map<string, { key: string; edge: SandboxEdge }>();
  const stableNodes = graph.nodes.map((node) => {
    const key = JSON.stringify(node);
    const previous = cache.nodes.get(node.id);
    const kept = previous && previous.key === key ? previous.node : node;
    nodes.set(node.id, { key, node: kept });
    return kept;
  });
  const stableEdges = graph.edges.map((edge) => {
    const key = JSON.stringify(edge);
    const previous = cache.edges.get(edge.id);
    const kept = previous && previous.key === key ? previous.edge : edge;
    edges.set(edge.id, { key, edge: kept });
    return kept;
  });
  cache.nodes = nodes;
  cache.edges = edges;
  return { nodes: stableNodes, edges: stableEdges };
}
