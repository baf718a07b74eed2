/**
 * ecs:RunTask. Checks in ECS's order (cluster, task definition, count, launch type and
 * compatibility, network configuration, placement input), then places each of `count` tasks one
 * at a time (EC2: placeTask, then reserve before the next, so a 10-task call sees its own earlier
 * placements) and answers `tasks` (as DescribeTasks) and `failures` for what could not be placed.
 *
 * Choices where AWS leaves room:
 *  - capacityProviderStrategy, or the cluster's default strategy when neither a launchType nor a
 *    strategy is given (AWS: the default strategy is used "when running a standalone task ... and
 *    a custom capacity provider strategy or launch type isn't specified"): each task goes to a
 *    provider by base then weight (control/capacity/launch.ts). Tasks of an Auto Scaling group
 *    provider with managed scaling that find no room are returned in `tasks`, PROVISIONING, and
 *    wait for capacity; without managed scaling they are `failures`.
 *  - Placement failures list one {arn: container instance ARN, reason} per instance that turned a
 *    task down (deduplicated over the call), as ECS reports them; when no instance is named, the
 *    cluster ARN carries the reason.
 */
import type { RunTaskResponse } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { placeTask, validatePlacementInput, type PlacementConstraint, type PlacementStrategy } from '../../control/placement/place';
import { taskRequirements } from '../../control/requirements';
import { LATEST_PLATFORM_VERSION, PLATFORM_VERSIONS } from '../../control/fargate/provision';
import { AwsError } from '../errors';
import { optionalArray, optionalNumber, optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { resolveTaskDefinitionOrThrow } from './task-definition-lookup';
import { toSdkTask } from './tasks-describe';
import { requireCompatible } from './tasks-input';
import { launchOnFargate, launchOnInstance, readLaunchContext } from './tasks-launch';
import { launchTypeOfStrategy, launchWithCapacityProviderStrategy, resolveStrategy } from '../../control/capacity/launch';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);

export function runTask(sim: Simulation, input: Input): RunTaskResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const td = resolveTaskDefinitionOrThrow(sim.world, requireString(input, 'taskDefinition'));
  const count = optionalNumber(input, 'count') ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid('count must be between 1 and 10.');

  const strategyItems = optionalArray(input, 'capacityProviderStrategy');
  const launchTypeInput = optionalString(input, 'launchType');
  if (strategyItems && strategyItems.length > 0 && launchTypeInput) throw invalid('Specifying both a launch type and capacity provider strategy is not supported.');
  const capacityStrategy = launchTypeInput ? [] : resolveStrategy(sim.world, cluster, strategyItems);
  const launchType = capacityStrategy.length > 0 ? launchTypeOfStrategy(capacityStrategy) : (launchTypeInput ?? 'EC2');
  if (launchType === 'EXTERNAL') throw invalid('The EXTERNAL launch type (ECS Anywhere) is not modelled by this simulator.');
  if (launchType !== 'EC2' && launchType !== 'FARGATE') throw invalid(`Invalid launch type: ${launchType}. Valid values: EC2, FARGATE, EXTERNAL.`);
  requireCompatible(td, launchType);

  const strategy = input.placementStrategy;
  const constraints = input.placementConstraints;
  const hasPlacementInput = (v: unknown) => Array.isArray(v) && v.length > 0;
  let platformVersion: string | undefined;
  if (launchType === 'FARGATE') {
    if (hasPlacementInput(strategy)) throw invalid('Task placement strategies are not supported with the FARGATE launch type.');
    if (hasPlacementInput(constraints)) throw invalid('Task placement constraints are not supported with the FARGATE launch type.');
    const pv = optionalString(input, 'platformVersion') ?? 'LATEST';
    platformVersion = pv === 'LATEST' ? LATEST_PLATFORM_VERSION : pv;
    if (!PLATFORM_VERSIONS.includes(platformVersion)) throw invalid(`The specified platform version (${pv}) does not exist.`);
  } else {
    if (optionalString(input, 'platformVersion') !== undefined) throw invalid('The platform version must be null when specifying an EC2 launch type.');
    validatePlacementInput(strategy ?? [], constraints ?? []);
  }

  const ctx = readLaunchContext(sim, input, cluster, td, launchType);
  const overrides = ctx.overrides;

  const requirements = taskRequirements(td, { cpu: overrides.cpu, memory: overrides.memory });

  const tasks: Task[] = [];
  const failures: { arn: string; reason: string; detail?: string }[] = [];
  if (capacityStrategy.length > 0) {
    const counts: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const r = launchWithCapacityProviderStrategy(sim, {
        ctx,
        requirements,
        strategy: capacityStrategy,
        counts,
        placementStrategy: (strategy ?? []) as PlacementStrategy[],
        placementConstraints: (constraints ?? []) as PlacementConstraint[],
        ...(platformVersion ? { platformVersion } : {}),
        launchedBy: 'RunTask',
      });
      if (r.task) tasks.push(r.task);
      else recordFailures(sim, cluster.clusterArn, r.explanation, r.failureReason, failures);
    }
  } else if (launchType === 'FARGATE') {
    for (let i = 0; i < count; i++) tasks.push(launchOnFargate(sim, ctx, platformVersion!, requirements));
  } else {
    const instances = Object.values(sim.world.containerInstances).filter((ci) => ci.clusterArn === cluster.clusterArn && ci.status !== 'INACTIVE');
    if (instances.length === 0) throw invalid('No Container Instances were found in your cluster.');
    for (let i = 0; i < count; i++) {
      const decision = placeTask(sim, {
        clusterArn: cluster.clusterArn,
        taskDefinition: td,
        overrides: { cpu: overrides.cpu, memory: overrides.memory },
        group: ctx.group,
        placementConstraints: (constraints ?? []) as PlacementConstraint[],
        placementStrategy: (strategy ?? []) as PlacementStrategy[],
      });
      const ci = decision.containerInstanceArn ? sim.world.containerInstances[decision.containerInstanceArn] : undefined;
      if (!ci) {
        recordFailures(sim, cluster.clusterArn, decision.explanation, decision.failureReason, failures);
        continue;
      }
      const task = launchOnInstance(sim, ctx, ci, requirements, decision.explanation);
      sim.emit({
        source: 'ecs',
        kind: 'task.placement',
        resource: task.taskArn,
        message: `Task ${task.taskArn.split('/').pop()} placed on container instance ${ci.containerInstanceArn.split('/').pop()} (${ci.ec2InstanceId}): ${decision.explanation.summary}`,
      });
      tasks.push(task);
    }
  }
  return {
    tasks: tasks.map((t) => toSdkTask(sim, t)),
    failures: failures.map(({ arn, reason, detail }) => ({ arn, reason, ...(detail ? { detail } : {}) })),
  };
}

function recordFailures(
  sim: Simulation,
  clusterArn: string,
  explanation: { candidates: { containerInstanceArn: string; rejectedBy?: string; detail?: string }[]; summary: string },
  failureReason: string | undefined,
  failures: { arn: string; reason: string; detail?: string }[],
): void {
  const rejected = explanation.candidates.filter((c) => c.rejectedBy);
  const rows = rejected.length ? rejected.map((c) => ({ arn: c.containerInstanceArn, reason: c.rejectedBy! })) : [{ arn: clusterArn, reason: failureReason ?? 'RESOURCE' }];
  for (const row of rows) {
    if (!failures.some((f) => f.arn === row.arn && f.reason === row.reason)) failures.push(row);
  }
  sim.emit({
    source: 'ecs',
    kind: 'task.placementFailed',
    resource: clusterArn,
    message: `RunTask could not place a task (${failureReason ?? rows[0].reason}): ${explanation.summary}`,
    detail: { failures: rows },
  });
}
