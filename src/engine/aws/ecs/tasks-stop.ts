/**
 * ecs:StopTask: desiredStatus STOPPED, stopCode UserInitiated, stoppedReason = the given reason
 * (up to 255 characters) or ECS's default "Task stopped by user"; the agent then sends SIGTERM,
 * and SIGKILL after stopTimeout. Stopping a task that is already stopping changes nothing.
 */
import type { StopTaskResponse } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import { stopTask as stopTaskControl } from '../../control/tasks/stop';
import { AwsError } from '../errors';
import { optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { findTask, toSdkTask } from './tasks-describe';

export const DEFAULT_STOP_REASON = 'Task stopped by user';

export function stopTask(sim: Simulation, input: Input): StopTaskResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const ref = requireString(input, 'task');
  const reason = optionalString(input, 'reason');
  if (reason !== undefined && reason.length > 255) throw new AwsError('InvalidParameterException', 'reason can be at most 255 characters.');
  const task = findTask(sim, cluster.clusterArn, ref);
  if (!task) throw new AwsError('InvalidParameterException', 'The referenced task was not found.');
  stopTaskControl(sim, task.taskArn, 'UserInitiated', reason || DEFAULT_STOP_REASON);
  return { task: toSdkTask(sim, task) };
}
