/**
 * Moving a task's lastStatus, the one way it is ever changed: forward only in TASK_STATUS_ORDER
 * (a step may skip statuses, as a bridge-mode task skips PROVISIONING), with the task's `version`
 * bumped (DescribeTasks' `version` rises with every change, as ECS's does) and a log line a
 * learner can follow.
 */
import type { Simulation } from '../../simulation';
import { TASK_STATUS_ORDER, type Task, type TaskStatus } from '../../world/types';
import { ensureTrafficClock } from '../traffic/tick';
import { markTaskChanged } from '../services/changes';
import { wakeTargetsOfTask } from '../elb/parking';

export const statusRank = (status: TaskStatus) => TASK_STATUS_ORDER.indexOf(status);

/** True when `status` lies after the task's current lastStatus. */
export const isAhead = (task: Task, status: TaskStatus) => statusRank(status) > statusRank(task.lastStatus);

/** The task's id, the last part of its ARN, as the console shows it. */
export const taskId = (taskArn: string) => taskArn.slice(taskArn.lastIndexOf('/') + 1);

export function setTaskStatus(sim: Simulation, task: Task, status: TaskStatus, why: string): void {
  if (!isAhead(task, status)) {
    throw new Error(`task ${task.taskArn} cannot move from ${task.lastStatus} back to ${status}`);
  }
  const from = task.lastStatus;
  task.lastStatus = status;
  task.version += 1;
  markTaskChanged(sim.world, task);
  wakeTargetsOfTask(sim, task); // load balancer checks of its host ports / IP answer differently now
  sim.emit({
    source: 'ecs',
    kind: 'task.status',
    resource: task.taskArn,
    message: `Task ${taskId(task.taskArn)} ${from} -> ${status}: ${why}`,
    detail: { from, to: status, desiredStatus: task.desiredStatus },
  });
  // ECS publishes CPUUtilization and MemoryUtilization for every cluster and service with running
  // tasks, with or without a load balancer or traffic: the metrics clock runs from the first RUNNING task.
  if (status === 'RUNNING') ensureTrafficClock(sim);
}

/** The live task for an event, or undefined when the event is stale (task gone or stopping). */
export function liveTask(sim: Simulation, taskArn: unknown): Task | undefined {
  if (typeof taskArn !== 'string' || !Object.hasOwn(sim.world.tasks, taskArn)) return undefined;
  const task = sim.world.tasks[taskArn];
  return task.desiredStatus === 'RUNNING' ? task : undefined;
}

/** The task for an event whatever its desired status, or undefined when it has been removed. */
export function anyTask(sim: Simulation, taskArn: unknown): Task | undefined {
  if (typeof taskArn !== 'string' || !Object.hasOwn(sim.world.tasks, taskArn)) return undefined;
  return sim.world.tasks[taskArn];
}
