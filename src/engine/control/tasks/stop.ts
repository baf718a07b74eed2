/**
 * OWNED BY: the tasks work.
 *
 * Asks a task to stop: desiredStatus STOPPED, stopCode and stoppedReason recorded, then the agent
 * runs DEACTIVATING -> STOPPING (SIGTERM, SIGKILL after stopTimeout) -> DEPROVISIONING -> STOPPED
 * and releases the task's resources (control/agent/stopping.ts). Safe to call on a task already
 * stopping or gone (no-op: the first stopCode and reason stay, as on ECS), except that a task
 * waiting in DEACTIVATING for its targets to drain stops at once when it now dies on its own
 * (e.g. its host is terminated): there is nothing left to drain connections from.
 */
import type { Simulation } from '../../simulation';
import type { TaskStopCode } from '../../world/types';
import { beginStop, skipDrain } from '../agent/stopping';
import { DRAINING_STOP_CODES } from '../services/drain';
import { taskId } from './status';
import { markTaskChanged } from '../services/changes';

export function stopTask(sim: Simulation, taskArn: string, stopCode: TaskStopCode, stoppedReason: string): void {
  if (!Object.hasOwn(sim.world.tasks, taskArn)) return;
  const task = sim.world.tasks[taskArn];
  if (task.desiredStatus === 'STOPPED') {
    if (!DRAINING_STOP_CODES.includes(stopCode)) skipDrain(sim, task, `${stopCode}: ${stoppedReason}`);
    return;
  }
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = stoppedReason;
  task.version += 1;
  markTaskChanged(sim.world, task);
  sim.emit({
    source: 'ecs',
    kind: 'task.stop',
    resource: taskArn,
    message: `Stopping task ${taskId(taskArn)} (${task.lastStatus}): ${stopCode}: ${stoppedReason}`,
    detail: { stopCode, stoppedReason },
  });
  beginStop(sim, task);
}
