/**
 * ecs:StartTask: starts one task on each named container instance (1-10), with no placement
 * strategy or constraints; an instance the task does not fit on is reported in `failures` with the
 * resource reason, an unknown one with MISSING. EC2 only.
 */
import type { StartTaskResponse } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { shortfall } from '../../control/resources';
import { taskRequirements } from '../../control/requirements';
import { AwsError } from '../errors';
import { optionalArray, optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { resolveTaskDefinitionOrThrow } from './task-definition-lookup';
import { toSdkTask } from './tasks-describe';
import { requireCompatible } from './tasks-input';
import { launchOnInstance, readLaunchContext } from './tasks-launch';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);

export function startTask(sim: Simulation, input: Input): StartTaskResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const td = resolveTaskDefinitionOrThrow(sim.world, requireString(input, 'taskDefinition'));
  const refs = optionalArray<string>(input, 'containerInstances') ?? [];
  if (refs.length === 0) throw invalid('containerInstances can not be empty.');
  if (refs.length > 10) throw invalid('containerInstances can have at most 10 items.');
  requireCompatible(td, 'EC2');
  const ctx = readLaunchContext(sim, input, cluster, td, 'EC2');
  const overrides = ctx.overrides;

  const requirements = taskRequirements(td, { cpu: overrides.cpu, memory: overrides.memory });
  const tasks: Task[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const ci = Object.values(sim.world.containerInstances).find(
      (c) => c.clusterArn === cluster.clusterArn && (c.containerInstanceArn === ref || c.containerInstanceArn.endsWith(`/${String(ref)}`)),
    );
    if (!ci || ci.status === 'INACTIVE') {
      failures.push({ arn: String(ref), reason: 'MISSING' });
      continue;
    }
    if (!ci.agentConnected) {
      failures.push({ arn: ci.containerInstanceArn, reason: 'AGENT' });
      continue;
    }
    const short = shortfall(ci, requirements);
    if (short) {
      failures.push({ arn: ci.containerInstanceArn, reason: short.reason });
      sim.emit({ source: 'ecs', kind: 'task.placementFailed', resource: ci.containerInstanceArn, message: `StartTask could not start a task on ${ci.ec2InstanceId}: ${short.reason} (${short.detail}).` });
      continue;
    }
    const task = launchOnInstance(sim, ctx, ci, requirements);
    sim.emit({ source: 'ecs', kind: 'task.placement', resource: task.taskArn, message: `Task ${task.taskArn.split('/').pop()} started on container instance ${ci.containerInstanceArn.split('/').pop()} (${ci.ec2InstanceId}), as StartTask named it.` });
    tasks.push(task);
  }
  return { tasks: tasks.map((t) => toSdkTask(sim, t)), failures };
}
