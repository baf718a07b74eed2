/**
 * Where the top-level nodes go: a compact, deterministic layout in bands, so the first minute
 * reads at a readable zoom (a 1024-px cluster and the load balancer chain fit a 1280x720 canvas at
 * about 0.75) and nothing moves unless a top-level node comes, goes or changes width.
 *
 *   [registry]       [alarm]        [clients]                    [ASG]        <- sources (row 0)
 *   [task def v1]    [policy] [service] [ALB] [listener] [target group] [CP]  <- row 1
 *   [task def v2]    [             cluster             ] [ cluster ]          <- clusters (row 2)
 *
 * - The deploy column (left): the ECR registry at the top, then the task definitions stacked
 *   below it, next to the services they feed. The bands never depend on its height.
 * - Row 1: what runs and what reaches it, in the order things flow: scaling policies, services,
 *   load balancers, listeners, target groups, capacity providers, a column per kind (several of
 *   a kind stack). Services keep room for two deployments, so a rolling update growing a service
 *   card does not push the clusters down.
 * - Row 0: what drives row 1, each above the first row-1 node it links to (clients above their
 *   load balancer, an alarm above its policy, an Auto Scaling group above its capacity provider).
 * - Row 2: the clusters side by side; the edges into them (service, target group -> tasks,
 *   capacity provider) run downwards.
 *
 * Choice: this replaced an elkjs "layered" layout (left to right), whose five columns were about
 * 2,200 px wide for the default scenario and so only fitted a 1280-px screen at zoom ~0.4. Bands
 * need no crossing minimisation for the worlds the sandbox teaches with, run synchronously (no
 * async re-layout can move anything while the learner drags) and are the same on every machine.
 */
import { LAYOUT } from './sizes';
import type { Graph, SandboxNode, SandboxNodeKind } from './types';

export type Positions = Record<string, { x: number; y: number }>;

const GAP_X = 48;
const GAP_Y = 44;

const DEPLOY_COLUMN: Partial<Record<SandboxNodeKind, number>> = { registry: 0, taskDefinition: 1 };
const SOURCES: Partial<Record<SandboxNodeKind, number>> = { alarm: 0, trafficSource: 1, autoScalingGroup: 2 };
const ROW_1: Partial<Record<SandboxNodeKind, number>> = {
  scalingPolicy: 0,
  service: 1,
  loadBalancer: 2,
  listener: 3,
  targetGroup: 4,
  capacityProvider: 5,
};
/** A service card with two deployments (PRIMARY and ACTIVE), the usual most during an update. */
const SERVICE_ROOM = LAYOUT.service.baseHeight + 2 * LAYOUT.service.deploymentRow;

const kindOf = (n: SandboxNode) => n.type as SandboxNodeKind;
const byOrder = (order: Partial<Record<SandboxNodeKind, number>>) => (a: SandboxNode, b: SandboxNode) =>
  (order[kindOf(a)] ?? 99) - (order[kindOf(b)] ?? 99);
const heightOf = (n: SandboxNode) => n.height ?? 0;
const widthOf = (n: SandboxNode) => n.width ?? 0;

export function bandLayout(graph: Graph): Positions {
  const top = graph.nodes.filter((n) => !n.parentId);
  const isTop = new Set(top.map((n) => n.id));
  // Stable sorts: within a kind, the builders' order (creation order) stays.
  const deploy = top.filter((n) => DEPLOY_COLUMN[kindOf(n)] !== undefined).sort(byOrder(DEPLOY_COLUMN));
  const sources = top.filter((n) => SOURCES[kindOf(n)] !== undefined).sort(byOrder(SOURCES));
  const clusters = top.filter((n) => kindOf(n) === 'cluster');
  const placed = new Set([...deploy, ...sources, ...clusters]);
  const row1 = top.filter((n) => !placed.has(n)).sort(byOrder(ROW_1));
  const positions: Positions = {};

  const left = deploy.length ? Math.max(...deploy.map(widthOf)) + GAP_X : 0;
  // Row 0's height comes from its sources only: the registry (in the deploy column, left of every
  // band) grows with each repository and each pushed image, and must not push the bands down.
  const row0Height = Math.max(0, ...sources.map(heightOf));
  const row1Y = row0Height ? row0Height + GAP_Y : 0;

  // Row 1 is a column per kind: two listeners (blue/green's production and test) or two target
  // groups stack, so the row stays as wide as one request path.
  const columns = new Map<string, SandboxNode[]>();
  for (const node of row1) columns.set(kindOf(node), [...(columns.get(kindOf(node)) ?? []), node]);
  const room = (n: SandboxNode) => (kindOf(n) === 'service' ? Math.max(heightOf(n), SERVICE_ROOM) : heightOf(n));
  let x = left;
  let row1Height = 0;
  for (const column of columns.values()) {
    let y = row1Y;
    for (const node of column) {
      positions[node.id] = { x, y };
      y += room(node) + GAP_Y / 2;
    }
    row1Height = Math.max(row1Height, y - GAP_Y / 2 - row1Y);
    x += Math.max(...column.map(widthOf)) + GAP_X;
  }

  // Row 0: above the first row-1 node each source links to, left to right without overlaps.
  const targetX = new Map<string, number>();
  for (const edge of graph.edges) {
    const target = positions[edge.target];
    if (target && isTop.has(edge.source) && !targetX.has(edge.source)) targetX.set(edge.source, target.x);
  }
  const ordered = [...sources].sort((a, b) => (targetX.get(a.id) ?? Infinity) - (targetX.get(b.id) ?? Infinity));
  x = left;
  for (const node of ordered) {
    const at = Math.max(x, targetX.get(node.id) ?? x);
    positions[node.id] = { x: at, y: row0Height - heightOf(node) };
    x = at + widthOf(node) + GAP_X;
  }

  // The deploy column: the registry at the top, task definitions below it (from row 1 down). It is
  // left of every band, so when it grows (a repository, an image) only the task definitions move.
  let y = row1Y;
  for (const node of deploy) {
    if (kindOf(node) === 'registry') {
      positions[node.id] = { x: 0, y: 0 };
      y = Math.max(y, heightOf(node) + GAP_Y);
      continue;
    }
    positions[node.id] = { x: 0, y };
    y += heightOf(node) + GAP_Y / 2;
  }

  x = left;
  const clusterY = row1Height ? row1Y + row1Height + GAP_Y : row1Y;
  for (const node of clusters) {
    positions[node.id] = { x, y: clusterY };
    x += widthOf(node) + GAP_X;
  }
  return positions;
}
