/**
 * The agent's side of a task's stop, after stopTask (control/tasks/stop.ts) set desiredStatus
 * STOPPED:
 *
 *   RUNNING/ACTIVATING -> DEACTIVATING: a service task stopped by the scheduler or by StopTask
 *      waits here while its load balancer targets drain (deregistration delay; see
 *      control/services/drain.ts), then goes on; any other task goes on at once
 *   -> STOPPING (stoppingAt): `docker stop` on each running container = SIGTERM, then SIGKILL
 *      after the container's stopTimeout (default 30 s, ECS_CONTAINER_STOP_TIMEOUT)
 *   -> every container stopped: executionStoppedAt
 *   -> DEPROVISIONING (awsvpc: the ENI is detached and deleted) -> STOPPED (stoppedAt), and the
 *      task's CPU, memory, ports and ENI are given back to its container instance.
 *
 * How a container answers SIGTERM (a documented choice; the image behaviour has no field for it):
 * the process ends SHUTDOWN_SECONDS after SIGTERM, and Docker reports it killed by the signal,
 * exit code 143 (128 + 15). If stopTimeout is shorter than that, SIGKILL ends it at stopTimeout
 * with exit code 137 (128 + 9), as `docker stop` does.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { releaseTaskResources } from '../tasks/release';
import { removeTask } from '../../world/task-index';
import { anyTask, isAhead, setTaskStatus, taskId } from '../tasks/status';
import { deferIfDisconnected } from './connection';
import { containerNamed, stopTimeoutOf } from './definitions';
import { updateTaskHealth } from './health';
import { drainBeforeStop, drainingTargetCount } from '../services/drain';

export const SHUTDOWN_SECONDS = 3;
export const EXIT_CODE_SIGTERM = 143;
export const EXIT_CODE_SIGKILL = 137;
/** Detaching and deleting a task ENI (awsvpc): a documented choice. */
export const ENI_DELETE_SECONDS = 5;
/** Stopped tasks stay in DescribeTasks for one hour (AWS: "at least 1 hour"), then are removed. */
export const STOPPED_TASK_RETENTION_SECONDS = 3600;

/** Called by stopTask once desiredStatus is STOPPED: begin the agent's stop. */
export function beginStop(sim: Simulation, task: Task): void {
  if (task.lastStatus === 'RUNNING' || task.lastStatus === 'ACTIVATING') {
    setTaskStatus(sim, task, 'DEACTIVATING', task.stoppedReason ?? 'stopping');
  }
  if (drainBeforeStop(sim, task)) {
    sim.emit({
      source: 'ecs',
      kind: 'task.draining',
      resource: task.taskArn,
      message: `Task ${taskId(task.taskArn)} stays DEACTIVATING while its load balancer targets drain (deregistration delay); then its containers are stopped.`,
    });
    return;
  }
  sim.schedule(0, { type: 'agent.stopContainers', taskArn: task.taskArn });
}

/**
 * A task waiting in DEACTIVATING whose target finished draining (or the wait's backstop): once no
 * target of it is draining, its containers are stopped.
 */
export function onTargetDrained(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  if (!task || task.desiredStatus !== 'STOPPED' || task.lastStatus !== 'DEACTIVATING' || drainingTargetCount(sim, task) > 0) return;
  sim.emit({ source: 'ecs', kind: 'task.drained', resource: task.taskArn, message: `Task ${taskId(task.taskArn)}: its load balancer targets have drained; stopping its containers.` });
  onStopContainers(sim, { type: 'agent.stopContainers', taskArn: task.taskArn });
}

/** Ends a drain wait early (the task's host is gone: nothing is left to drain connections from). */
export function skipDrain(sim: Simulation, task: Task, why: string): void {
  if (task.lastStatus !== 'DEACTIVATING' || drainingTargetCount(sim, task) === 0) return;
  sim.emit({ source: 'ecs', kind: 'task.drained', resource: task.taskArn, message: `Task ${taskId(task.taskArn)}: ${why}; stopping it without waiting for its targets to drain.` });
  onStopContainers(sim, { type: 'agent.stopContainers', taskArn: task.taskArn });
}

export function onStopContainers(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  if (!task || task.desiredStatus !== 'STOPPED' || !isAhead(task, 'STOPPING')) return;
  if (deferIfDisconnected(sim, task, event)) return;
  task.stoppingAt = sim.now;
  setTaskStatus(sim, task, 'STOPPING', task.stoppedReason ?? 'stopping');
  for (const c of task.containers) {
    if (c.lastStatus === 'RUNNING') {
      const timeout = stopTimeoutOf(sim, task, c.name);
      const graceful = SHUTDOWN_SECONDS <= timeout;
      sim.emit({
        source: 'ecs',
        kind: 'task.container',
        resource: task.taskArn,
        message: `Container ${c.name}: sent SIGTERM; SIGKILL follows if it has not exited after ${timeout} s (stopTimeout).`,
      });
      sim.schedule(graceful ? SHUTDOWN_SECONDS : timeout, {
        type: 'agent.containerStopped',
        taskArn: task.taskArn,
        container: c.name,
        signal: graceful ? 'SIGTERM' : 'SIGKILL',
      });
    } else if (c.lastStatus === 'PENDING') {
      // Never started (still pulling, waiting on dependsOn or starting): nothing to signal, no exit code.
      c.lastStatus = 'STOPPED';
    }
  }
  afterContainerStopped(sim, task);
}

export function onContainerStopped(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  const c = task && containerNamed(task, event.container);
  if (!task || !c || c.lastStatus !== 'RUNNING' || deferIfDisconnected(sim, task, event)) return;
  const killed = event.signal === 'SIGKILL';
  c.lastStatus = 'STOPPED';
  c.exitCode = killed ? EXIT_CODE_SIGKILL : EXIT_CODE_SIGTERM;
  sim.emit({
    source: 'ecs',
    kind: 'task.container',
    resource: task.taskArn,
    message: killed
      ? `Container ${c.name} did not exit within its stopTimeout: sent SIGKILL; exit code 137.`
      : `Container ${c.name} exited after SIGTERM; exit code 143.`,
  });
  afterContainerStopped(sim, task);
}

/** When no container is left running, the task's execution has stopped. */
function afterContainerStopped(sim: Simulation, task: Task): void {
  if (task.lastStatus !== 'STOPPING' || task.containers.some((c) => c.lastStatus !== 'STOPPED')) return;
  task.executionStoppedAt = sim.now;
  updateTaskHealth(sim, task);
  if (task.attachments.length > 0) {
    for (const a of task.attachments) if (a.status !== 'PRECREATED') a.status = 'DETACHING';
    setTaskStatus(sim, task, 'DEPROVISIONING', 'every container has stopped; deleting the task network interface');
    sim.schedule(ENI_DELETE_SECONDS, { type: 'agent.deprovisioned', taskArn: task.taskArn });
  } else {
    finishStop(sim, task);
  }
}

export function onDeprovisioned(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'DEPROVISIONING' || deferIfDisconnected(sim, task, event)) return;
  for (const a of task.attachments) a.status = 'DELETED';
  finishStop(sim, task);
}

function finishStop(sim: Simulation, task: Task): void {
  task.stoppedAt = sim.now;
  setTaskStatus(sim, task, 'STOPPED', `${task.stopCode ?? 'stopped'}: ${task.stoppedReason ?? ''}`);
  releaseTaskResources(sim, task);
  sim.schedule(STOPPED_TASK_RETENTION_SECONDS, { type: 'tasks.expire', taskArn: task.taskArn });
}

/** An hour after STOPPED the task leaves the world (DescribeTasks then reports it MISSING). */
export function onExpire(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  if (!task || task.lastStatus !== 'STOPPED') return;
  removeTask(sim.world, task.taskArn);
}
