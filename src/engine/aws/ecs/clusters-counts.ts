/**
 * The counts ECS reports for clusters and container instances, computed from the world.
 *
 * - registeredContainerInstancesCount: container instances in ACTIVE or DRAINING status.
 * - runningTasksCount: tasks whose lastStatus is RUNNING.
 * - pendingTasksCount: ECS says "tasks in the PENDING state". Choice: the simulator also counts
 *   PROVISIONING and ACTIVATING (the states on the way to RUNNING), as the console's "Pending" does.
 * - activeServicesCount: services with status ACTIVE (read from world.services when that module
 *   exists; services are owned by another part of the engine).
 */
import type { Task, World } from '../../world/types';

const PENDING: Task['lastStatus'][] = ['PROVISIONING', 'PENDING', 'ACTIVATING'];

export const isPendingTask = (t: Task) => PENDING.includes(t.lastStatus) && t.desiredStatus === 'RUNNING';
export const isRunningTask = (t: Task) => t.lastStatus === 'RUNNING';

export function taskCounts(tasks: Task[]): { runningTasksCount: number; pendingTasksCount: number } {
  return { runningTasksCount: tasks.filter(isRunningTask).length, pendingTasksCount: tasks.filter(isPendingTask).length };
}

export const tasksInCluster = (world: World, clusterArn: string) => Object.values(world.tasks).filter((t) => t.clusterArn === clusterArn);

export const tasksOnContainerInstance = (world: World, containerInstanceArn: string) =>
  Object.values(world.tasks).filter((t) => t.containerInstanceArn === containerInstanceArn);

export const registeredContainerInstances = (world: World, clusterArn: string) =>
  Object.values(world.containerInstances).filter((ci) => ci.clusterArn === clusterArn && (ci.status === 'ACTIVE' || ci.status === 'DRAINING'));

/** Services are another module's; this reads them without depending on their type. */
export function activeServicesCount(world: World, clusterArn: string): number {
  const services = (world as { services?: Record<string, { clusterArn?: string; status?: string }> }).services ?? {};
  return Object.values(services).filter((s) => s.clusterArn === clusterArn && s.status === 'ACTIVE').length;
}
