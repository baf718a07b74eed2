/** Task chips: what a chip shows of a task, and chips (or their counts) laid out in a parent. */
import { resourceName } from '../../../engine/world/arn';
import { TASK_STATUS_ORDER, type Task, type TaskStatus, type World } from '../../../engine/world/types';
import { nodeId } from '../ids';
import { CHIPS_PER_PARENT, LAYOUT, STOPPED_TASK_VISIBLE_SECONDS } from '../sizes';
import type { DeploymentBadge, SandboxNode, TargetHealthBadge, TaskData, TaskNode } from '../types';

export function visibleTasks(world: World, now: number): Task[] {
  return Object.values(world.tasks)
    .filter((t) => t.lastStatus !== 'STOPPED' || (t.stoppedAt ?? now) + STOPPED_TASK_VISIBLE_SECONDS > now)
    .sort((a, b) => a.createdAt - b.createdAt || a.taskArn.localeCompare(b.taskArn));
}

/**
 * How far a task got towards RUNNING, for the chip's fill: provisioned (ENI, instance) 0.15,
 * pulling 0.4, pulled 0.7, ACTIVATING 0.9, RUNNING 1; stopping keeps 1 and STOPPED drains to 0.
 */
export function taskProgress(task: Task): { progress: number; phase: string } {
  switch (task.lastStatus) {
    case 'PROVISIONING':
      return { progress: 0.15, phase: 'provisioning' };
    case 'PENDING':
      if (task.pullStartedAt !== undefined && task.pullStoppedAt === undefined) return { progress: 0.4, phase: 'pulling image' };
      if (task.pullStoppedAt !== undefined) return { progress: 0.7, phase: 'starting containers' };
      return { progress: 0.25, phase: 'pending' };
    case 'ACTIVATING':
      return { progress: 0.9, phase: 'registering targets' };
    case 'RUNNING':
      return { progress: 1, phase: 'running' };
    case 'STOPPED':
      return { progress: 0, phase: 'stopped' };
    default:
      return { progress: 1, phase: 'stopping' };
  }
}

export function taskData(task: Task, deployment?: DeploymentBadge, targetHealth?: TargetHealthBadge): TaskData {
  return {
    taskArn: task.taskArn,
    taskId: resourceName(task.taskArn).slice(0, 8),
    taskDefinition: resourceName(task.taskDefinitionArn),
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    launchType: task.launchType,
    hostPorts: task.containers.flatMap((c) => c.networkBindings.map((b) => b.hostPort)),
    ...taskProgress(task),
    startedAt: task.startedAt,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    serviceArn: task.serviceArn,
    deployment,
    targetHealth,
  };
}

export interface ChipContext {
  deployments: Map<string, DeploymentBadge>;
  health: Map<string, TargetHealthBadge>;
  /** Every parent folds its tasks into counts (the world has too many tasks to draw). */
  foldAll: boolean;
  expanded: Record<string, boolean>;
  /** taskArn -> the node it is drawn as (its chip, or its parent's summary). */
  drawnAs: Map<string, string>;
}

/**
 * Lays out task chips in rows inside a parent (or one summary node when folded); returns the
 * height used (0 when there are no tasks).
 */
export function placeChips(tasks: Task[], parentId: string, x0: number, y0: number, out: SandboxNode[], ctx: ChipContext): number {
  if (tasks.length === 0) return 0;
  const { chip, summary } = LAYOUT;
  const fold = !ctx.expanded[parentId] && (ctx.foldAll || tasks.length > CHIPS_PER_PARENT);
  if (fold) {
    const id = nodeId.taskSummary(parentId);
    const counts = new Map<TaskStatus, number>();
    for (const t of tasks) counts.set(t.lastStatus, (counts.get(t.lastStatus) ?? 0) + 1);
    out.push({
      id,
      type: 'taskSummary',
      parentId,
      extent: 'parent',
      draggable: false,
      position: { x: x0, y: y0 },
      data: {
        parentId,
        total: tasks.length,
        counts: TASK_STATUS_ORDER.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status) ?? 0 })),
      },
      width: summary.width,
      height: summary.height,
    });
    for (const t of tasks) ctx.drawnAs.set(t.taskArn, id);
    return summary.height;
  }
  const g = LAYOUT.gap / 2;
  tasks.forEach((task, i) => {
    const col = i % chip.perRow;
    const row = Math.floor(i / chip.perRow);
    const node: TaskNode = {
      id: nodeId.task(task.taskArn),
      type: 'task',
      parentId,
      extent: 'parent',
      draggable: false,
      position: { x: x0 + col * (chip.width + g), y: y0 + row * (chip.height + g) },
      data: taskData(task, task.deploymentId ? ctx.deployments.get(task.deploymentId) : undefined, ctx.health.get(task.taskArn)),
      width: chip.width,
      height: chip.height,
    };
    out.push(node);
    ctx.drawnAs.set(task.taskArn, node.id);
  });
  const rows = Math.ceil(tasks.length / chip.perRow);
  return rows * (chip.height + g) - g;
}
