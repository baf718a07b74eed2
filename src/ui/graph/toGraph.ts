/**
 * world -> React Flow nodes and edges: a pure function, the only place the canvas learns what
 * exists. Builders per area (build/*) add nodes and edges; this file puts the top-level nodes
 * where the learner dragged them, else where a given layout put them, else in the bands of
 * layout.ts (deterministic, by kind and links), and hands back the previous objects for nodes and edges that did
 * not change (stable.ts), so React Flow re-renders only what moved.
 *
 * Parents come before their children in `nodes` (React Flow requires it); children's positions
 * are relative to their parent and are decided by their builder (lanes, rows), never by layout.
 */
import type { World } from '../../engine/world/types';
import { buildClusters } from './build/clusters';
import type { BuildContext } from './build/context';
import { buildLoadBalancing } from './build/loadBalancing';
import { buildRegistry } from './build/registry';
import { buildScaling } from './build/scaling';
import { buildServices, deploymentBadges } from './build/services';
import { indexTargets } from './build/targets';
import { buildTaskDefinitions } from './build/taskDefinitions';
import { visibleTasks, type ChipContext } from './build/tasks';
import { buildTraffic } from './build/traffic';
import { styleEdge } from './edgeStyle';
import { bandLayout, type Positions } from './layout';
import { CHIPS_IN_WORLD } from './sizes';
import { stabilize, type GraphCache } from './stable';
import type { Graph } from './types';

export { nodeId } from './ids';
export { LAYOUT, STOPPED_TASK_VISIBLE_SECONDS, CHIPS_IN_WORLD, CHIPS_PER_PARENT } from './sizes';
export { repositoryUriOf } from './build/taskDefinitions';

export interface GraphView {
  /** Top-level node positions the learner dragged (editor.positions): they win. */
  positions?: Positions;
  /** Top-level node positions from another layout, over the bands (none in the app today). */
  layout?: Positions;
  /** Parents (node ids) whose folded tasks the learner expanded (editor.expanded). */
  expanded?: Record<string, boolean>;
}

export function toGraph(world: World, now: number, view: GraphView = {}, cache?: GraphCache): Graph {
  const ctx: BuildContext = { world, now, nodes: [], edges: [], expanded: view.expanded ?? {} };
  const tasks = visibleTasks(world, now);
  const targets = indexTargets(world, tasks);
  const chips: ChipContext = {
    deployments: deploymentBadges(ctx),
    health: targets.byTask,
    foldAll: tasks.length > CHIPS_IN_WORLD,
    expanded: ctx.expanded,
    drawnAs: new Map(),
  };
  buildTraffic(ctx);
  const repositories = buildRegistry(ctx);
  const inUse = new Set([...tasks.map((t) => t.taskDefinitionArn), ...Object.values(world.services).flatMap((s) => s.deployments.map((d) => d.taskDefinition))]);
  buildTaskDefinitions(ctx, repositories, inUse);
  buildScaling(ctx);
  buildServices(ctx, tasks);
  // Clusters before the ELB chain: they decide where each target's task is drawn.
  const { instanceNodes } = buildClusters(ctx, tasks, chips);
  buildLoadBalancing(ctx, targets, chips.drawnAs, instanceNodes);

  const graph: Graph = { nodes: ctx.nodes, edges: ctx.edges.map(styleEdge) };
  const fallback = bandLayout(graph);
  for (const node of graph.nodes) {
    // Every node's size is decided here, so React Flow is told it as already measured: a node
    // object that changed (new data each redraw) then keeps its handles and stays drawn, where
    // without `measured` React Flow hides it and its edges until its ResizeObserver measures it
    // again, a second render and layout per redraw (issue #4's frame budget).
    if (node.width !== undefined && node.height !== undefined) node.measured = { width: node.width, height: node.height };
    if (node.parentId) continue;
    node.position = view.positions?.[node.id] ?? view.layout?.[node.id] ?? fallback[node.id] ?? node.position;
  }
  return cache ? stabilize(graph, cache) : graph;
}
