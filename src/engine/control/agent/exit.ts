/**
 * A container's process ending on its own (image behaviour `exitAfterSeconds`, `exitCode`,
 * default 0). An essential container's exit stops the task: stopCode EssentialContainerExited,
 * stoppedReason "Essential container in task exited" (AWS's words). A non-essential container
 * just records its exit code; containers that depend on it (COMPLETE / SUCCESS) may now start.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import { liveTask } from '../tasks/status';
import { stopTask } from '../tasks/stop';
import { deferIfDisconnected } from './connection';
import { wakeTargetsOfTask } from '../elb/parking';
import { containerNamed } from './definitions';
import { updateTaskHealth } from './health';
import { maybeActivate, startReadyContainers } from './lifecycle';

export const ESSENTIAL_CONTAINER_EXITED = 'Essential container in task exited';

export function onContainerExited(sim: Simulation, event: KernelEvent): void {
  const task = liveTask(sim, event.taskArn);
  const c = task && containerNamed(task, event.container);
  if (!task || !c || c.lastStatus !== 'RUNNING' || deferIfDisconnected(sim, task, event)) return;
  c.lastStatus = 'STOPPED';
  wakeTargetsOfTask(sim, task); // a container that stops no longer answers health checks
  // Fault TaskCrash (control/faults/tasks.ts) gives the crash's exit code on the event.
  c.exitCode = typeof event.exitCode === 'number' ? event.exitCode : (c.behavior?.exitCode ?? 0);
  task.version += 1;
  sim.emit({
    source: 'ecs',
    kind: 'task.container',
    resource: task.taskArn,
    message: `Container ${c.name} exited with code ${c.exitCode}${c.essential ? ' (essential: the task stops)' : ' (not essential: the task goes on)'}.`,
  });
  if (c.essential) {
    stopTask(sim, task.taskArn, 'EssentialContainerExited', ESSENTIAL_CONTAINER_EXITED);
    return;
  }
  updateTaskHealth(sim, task);
  startReadyContainers(sim, task);
  maybeActivate(sim, task);
}
