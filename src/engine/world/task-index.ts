/**
 * Tasks by service and by container instance: indexes kept in the world as plain data, so that the
 * service scheduler (every service, every 5-15 s) and the load balancer's health checks (every
 * target, every 30 s) need not walk every task of the world. In a world of 10,000 tasks those
 * walks were nearly all of the engine's time (bench/large-world.ts).
 *
 *  - world.taskArnsByService: serviceArn -> the ARNs of its tasks still in the world, in the order
 *    they were created (the order `world.tasks` enumerates them, so results, and anything seeded
 *    that follows them, are the same as a walk). Written by setTaskService (services/launch.ts),
 *    trimmed by removeTask (a STOPPED task leaving the world after an hour).
 *  - containerInstance.taskArns: the tasks holding resources on it (from reserve to release, i.e.
 *    placed and not yet STOPPED), kept by control/resources.ts.
 *
 *  - world.taskArnsInOrder: every task ARN of world.tasks, in the order world.tasks enumerates
 *    them (creation order), so a walk over every task (the ECS metrics, every minute) reads an
 *    array rather than enumerating a 10,000-key object. Written by addTask, trimmed by removeTask.
 *
 * Worlds from before these indexes (or made by hand) have none: the readers then walk every task,
 * as before (taskArnsInOrder and taskArnsByService are built from such a walk on first use).
 */
import type { ContainerInstance, Task, World } from './types';

/** Marks `task` as started by the service and records it in the service's index. */
export function setTaskService(world: World, task: Task, serviceArn: string): void {
  task.serviceArn = serviceArn;
  const index = (world.taskArnsByService ??= indexByService(world));
  const arns = (index[serviceArn] ??= []);
  if (!arns.includes(task.taskArn)) arns.push(task.taskArn);
}

/** The service's tasks in the world (any status), oldest first. */
export function tasksOfServiceIn(world: World, serviceArn: string): Task[] {
  const index = (world.taskArnsByService ??= indexByService(world));
  const arns = index[serviceArn];
  const out: Task[] = [];
  if (!arns) return out;
  for (let i = 0; i < arns.length; i++) {
    const task = world.tasks[arns[i]];
    if (task && task.serviceArn === serviceArn) out.push(task);
  }
  return out;
}

/** Puts a new task in the world (and at the end of the order index, when there is one). */
export function addTask(world: World, task: Task): void {
  world.tasks[task.taskArn] = task;
  world.taskArnsInOrder?.push(task.taskArn);
}

/** Every task ARN in world.tasks order (the index, built from a walk if the world has none). */
export function taskArnsInOrder(world: World): string[] {
  return (world.taskArnsInOrder ??= Object.keys(world.tasks));
}

/** Takes a task out of the world and out of the indexes. */
export function removeTask(world: World, taskArn: string): void {
  const task = world.tasks[taskArn];
  delete world.tasks[taskArn];
  const order = world.taskArnsInOrder;
  const at = order ? order.indexOf(taskArn) : -1;
  if (at >= 0) order!.splice(at, 1);
  const arns = task?.serviceArn ? world.taskArnsByService?.[task.serviceArn] : undefined;
  if (!arns) return;
  const i = arns.indexOf(taskArn);
  if (i >= 0) arns.splice(i, 1);
  if (arns.length === 0) delete world.taskArnsByService![task!.serviceArn!];
}

/** The index built from a walk of every task (a world from before the index). */
function indexByService(world: World): Record<string, string[]> {
  const index: Record<string, string[]> = {};
  for (const arn in world.tasks) {
    const s = world.tasks[arn].serviceArn;
    if (s) (index[s] ??= []).push(arn);
  }
  return index;
}

/** Records that `task` holds resources on the container instance (control/resources.ts reserve). */
export function addInstanceTask(ci: ContainerInstance, taskArn: string): void {
  const arns = (ci.taskArns ??= []);
  if (!arns.includes(taskArn)) arns.push(taskArn);
}

/** Records that `task` gave its resources back (control/resources.ts release). */
export function removeInstanceTask(ci: ContainerInstance, taskArn: string): void {
  const i = ci.taskArns?.indexOf(taskArn) ?? -1;
  if (i >= 0) ci.taskArns!.splice(i, 1);
}

/**
 * The tasks on the EC2 instance that hold resources there (every task that can be RUNNING on it),
 * or undefined when the instance's container instance has no index (then walk world.tasks).
 */
export function tasksHeldOnInstance(world: World, instanceId: string): Task[] | undefined {
  const ciArn = world.instances[instanceId]?.containerInstanceArn;
  const ci = ciArn ? world.containerInstances[ciArn] : undefined;
  if (!ci?.taskArns) return undefined;
  const out: Task[] = [];
  for (const arn of ci.taskArns) {
    const task = world.tasks[arn];
    if (task) out.push(task);
  }
  return out;
}
