/**
 * Where the top-level nodes go. Two layouts, both deterministic:
 *
 * - rankLayout: columns by kind in the order things flow (clients -> load balancer -> listener ->
 *   target group -> cluster; registry -> task definition -> service -> cluster; alarm -> policy
 *   -> service; Auto Scaling group -> capacity provider -> cluster), stacked in build order. It is
 *   synchronous, so the first frame already reads well, and covers nodes the layout has not seen.
 * - elkLayout: elkjs "layered" over the same nodes and the edges between them (an edge to a
 *   nested node counts as an edge to its top-level group), which orders each column to avoid
 *   crossings. It is async and runs only when `layoutKey` changes: when a top-level node comes
 *   or goes, an edge between groups appears, or a group outgrows its size bucket (so a task
 *   appearing, which grows an instance by a row, does not move anything else).
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Graph, SandboxNodeKind } from './types';

export type Positions = Record<string, { x: number; y: number }>;

const COLUMN: Partial<Record<SandboxNodeKind, number>> = {
  trafficSource: 0,
  alarm: 0,
  registry: 0,
  loadBalancer: 1,
  scalingPolicy: 1,
  taskDefinition: 1,
  autoScalingGroup: 1,
  listener: 2,
  service: 2,
  capacityProvider: 2,
  targetGroup: 3,
  cluster: 4,
};
const COLUMN_GAP = 70;
const ROW_GAP = 28;

/**
 * Height buckets: a group's height as the layout sees it grows in these steps, rounded up, so the
 * real box always fits the space the layout kept for it, and one more row of task chips (about
 * 65 px) rarely changes the key (widths are exact:
 * they grow only when a lane is added, which is worth a new layout anyway).
 */
const BUCKET = 320;
const bucket = (n: number | undefined) => Math.ceil((n ?? 0) / BUCKET) * BUCKET;

export function rankLayout(graph: Graph): Positions {
  const top = graph.nodes.filter((n) => !n.parentId);
  const columns: (typeof top)[] = [];
  for (const node of top) (columns[COLUMN[node.type as SandboxNodeKind] ?? 0] ??= []).push(node);
  const positions: Positions = {};
  let x = 0;
  for (const column of columns) {
    if (!column) continue;
    let y = 0;
    let width = 0;
    for (const node of column) {
      positions[node.id] = { x, y };
      y += (node.height ?? 0) + ROW_GAP;
      width = Math.max(width, node.width ?? 0);
    }
    x += width + COLUMN_GAP;
  }
  return positions;
}

/** The top-level ancestor of every node, by id. */
function topLevelOf(graph: Graph): Map<string, string> {
  const parent = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  const top = new Map<string, string>();
  for (const node of graph.nodes) {
    let id = node.id;
    for (let p = parent.get(id); p; p = parent.get(id)) id = p;
    top.set(node.id, id);
  }
  return top;
}

/** The ELK graph of the top-level nodes and the edges between them, and its key. */
export function layoutInput(graph: Graph): { key: string; elk: ElkNode } {
  const top = topLevelOf(graph);
  const children = graph.nodes
    .filter((n) => !n.parentId)
    .map((n) => ({ id: n.id, width: n.width ?? 0, height: bucket(n.height) }));
  const seen = new Set<string>();
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (const edge of graph.edges) {
    const source = top.get(edge.source);
    const target = top.get(edge.target);
    if (!source || !target || source === target) continue;
    const id = `${source}->${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, sources: [source], targets: [target] });
  }
  const key = [...children.map((c) => `${c.id}@${c.width}x${c.height}`), ...edges.map((e) => e.id)].join('|');
  return {
    key,
    elk: {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.spacing.nodeNode': String(ROW_GAP),
        'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
        'elk.spacing.componentComponent': String(COLUMN_GAP),
        // Keep the build order (by kind, then creation) wherever crossings allow: stable runs.
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.separateConnectedComponents': 'false',
      },
      children,
      edges,
    },
  };
}

/** Runs elkjs on a layout input; positions by node id. */
export async function elkLayout(input: ElkNode, elk: { layout(graph: ElkNode): Promise<ElkNode> }): Promise<Positions> {
  const result = await elk.layout(input);
  const positions: Positions = {};
  for (const child of result.children ?? []) positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}
