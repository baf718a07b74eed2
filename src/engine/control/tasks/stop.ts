/**
 * OWNED BY: the tasks work. Signature fixed; body to be written.
 *
 * Asks a task to stop: desiredStatus STOPPED, stopCode and stoppedReason recorded, then the agent
 * runs DEACTIVATING -> STOPPING (SIGTERM, SIGKILL after stopTimeout) -> DEPROVISIONING -> STOPPED
 * and releases the task's resources. Safe to call on a task already stopping (no-op).
 */
import type { Simulation } from '../../simulation';
import type { TaskStopCode } from '../../world/types';

export function stopTask(sim: Simulation, taskArn: string, stopCode: TaskStopCode, stoppedReason: string): void {
  void sim;
  void taskArn;
  void stopCode;
  void stoppedReason;
  throw new Error('stopTask: not written yet');
}
