/**
 * OWNED BY: the tasks work.
 *
 * Asks a task to stop: desiredStatus STOPPED, stopCode and stoppedReason recorded, then the agent
 * runs DEACTIVATING -> STOPPING (SIGTERM, SIGKILL after stopTimeout) -> DEPROVISIONING -> STOPPED
 * and releases the task's resources (control/agent/stopping.ts). Safe to call on a task already
 * stopping or gone (no-op: the first stopCode and reason stay, as on ECS).
 */
import type { Simulation } from '../../simulation';
import type { TaskStopCode } from '../../world/types';
import { beginStop } from '../agent/stopping';
import { taskId } from './status';

export function stopTask(sim: Simulation, taskArn: string, stopCode: TaskStopCode, stoppedReason: string): void {
  if (!Object.hasOwn(sim.world.tasks, taskArn)) return;
  const task = sim.world.tasks[taskArn];
  if (task.desiredStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = stoppedReason;
  task.version += 1;
  sim.emit({
    source: 'ecs',
    kind: 'task.stop',
    resource: taskArn,
    message: `Stopping task ${taskId(taskArn)} (${task.lastStatus}): ${stopCode}: ${stoppedReason}`,
    detail: { stopCode, stoppedReason },
  });
  beginStop(sim, task);
}
