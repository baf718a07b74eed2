/**
 * Launching one task through a capacity provider strategy. RunTask uses it; the service scheduler
 * should too. HOW TO CALL IT (services):
 *
 *   import { resolveStrategy, launchTypeOfStrategy, launchWithCapacityProviderStrategy } from '../capacity/launch';
 *   import { providerCounts } from '../capacity/strategy';
 *
 *   // CreateService / UpdateService: validate once (throws AWS's InvalidParameterException texts);
 *   // [] means "no strategy": use the launch type. With no launchType and no strategy given,
 *   // resolveStrategy(world, cluster, undefined) returns the cluster's default strategy.
 *   const strategy = resolveStrategy(sim.world, cluster, input.capacityProviderStrategy);
 *   const launchType = launchTypeOfStrategy(strategy); // 'FARGATE' or 'EC2', for compatibility checks
 *
 *   // For each task to start (the scheduler's loop):
 *   const counts = providerCounts(tasksOfThisService);   // base/weight are over the service's tasks
 *   const r = launchWithCapacityProviderStrategy(sim, {
 *     ctx,                           // the same LaunchContext as launchOnInstance/launchOnFargate
 *     requirements: taskRequirements(td),
 *     strategy, counts,              // counts is updated in place (+1 for the chosen provider)
 *     placementStrategy: service.placementStrategy, placementConstraints: service.placementConstraints,
 *     platformVersion,               // Fargate only (default LATEST = 1.4.0)
 *     launchedBy: `(service ${service.serviceName})`,
 *   });
 *   if (r.task) { r.task.serviceArn = ...; r.task.deploymentId = ...; }   // r.waiting: PROVISIONING, no instance yet
 *   else { r.failureReason, r.explanation }   // "unable to place a task" service event
 *
 * Outcomes: FARGATE / FARGATE_SPOT -> a Fargate task with capacityProviderName set. An Auto
 * Scaling group provider -> placed on one of its container instances; when none fits and the
 * provider has managed scaling ENABLED, the task is created in PROVISIONING and waits (waiting.ts)
 * while managed scaling adds instances; with managed scaling DISABLED it is a placement failure,
 * as on AWS ("tasks that can't find capacity will fail immediately").
 */
import type { Simulation } from '../../simulation';
import type { Cluster, PlacementExplanation, Task, World } from '../../world/types';
import type { CapacityProviderStrategyItem } from '../../world/capacity-types';
import { launchOnFargate, launchOnInstance, type LaunchContext } from '../../aws/ecs/tasks-launch';
import { findAsgProvider } from '../../aws/ecs/capacity-providers-store';
import { isFargateStrategy, parseStrategy, requireAssociated } from '../../aws/ecs/capacity-providers-strategy';
import type { PlacementConstraint, PlacementStrategy } from '../placement/place';
import type { TaskRequirements } from '../requirements';
import { LATEST_PLATFORM_VERSION } from '../fargate/provision';
import { taskId } from '../tasks/status';
import { nextProvider } from './strategy';
import { placeOnProvider } from './place';
import { protectIfManaged } from './protection';
import { createWaitingTask, MAX_PROVISIONING_TASKS_PER_CLUSTER, waitingInCluster } from './waiting';

/** The strategy to use: the request's (checked), else the cluster default; [] = none. */
export function resolveStrategy(world: World, cluster: Cluster, raw: unknown, field = 'capacityProviderStrategy'): CapacityProviderStrategyItem[] {
  const given = Array.isArray(raw) && raw.length > 0;
  const strategy = given ? parseStrategy(world, raw, field) : cluster.defaultCapacityProviderStrategy.map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }));
  requireAssociated(cluster, strategy);
  return strategy;
}

export const launchTypeOfStrategy = (strategy: CapacityProviderStrategyItem[]): 'EC2' | 'FARGATE' => (isFargateStrategy(strategy) ? 'FARGATE' : 'EC2');

export interface CapacityLaunchRequest {
  ctx: LaunchContext;
  requirements: TaskRequirements;
  strategy: CapacityProviderStrategyItem[];
  /** Tasks each provider already has under this strategy; updated in place. */
  counts: Record<string, number>;
  placementStrategy?: PlacementStrategy[];
  placementConstraints?: PlacementConstraint[];
  platformVersion?: string;
  /** Who launches, for the event log: "RunTask", "(service web)". */
  launchedBy: string;
}

export type CapacityLaunchResult =
  | { task: Task; capacityProvider: string; waiting: boolean }
  | { task?: undefined; capacityProvider: string; failureReason: string; explanation: PlacementExplanation };

export function launchWithCapacityProviderStrategy(sim: Simulation, req: CapacityLaunchRequest): CapacityLaunchResult {
  const { ctx } = req;
  const choice = nextProvider(req.strategy, req.counts);
  const name = choice.capacityProvider;
  req.counts[name] = (req.counts[name] ?? 0) + 1;
  sim.emit({
    source: 'ecs',
    kind: 'capacity.strategy',
    resource: ctx.cluster.clusterArn,
    message: `${req.launchedBy}: the next task of ${ctx.group} goes to capacity provider ${name}: ${choice.reason}.`,
  });

  if (name === 'FARGATE' || name === 'FARGATE_SPOT') {
    const task = launchOnFargate(sim, ctx, req.platformVersion ?? LATEST_PLATFORM_VERSION, req.requirements);
    task.capacityProviderName = name;
    return { task, capacityProvider: name, waiting: false };
  }

  const provider = findAsgProvider(sim.world, name);
  if (!provider) throw new Error(`capacity provider ${name} is gone`);
  const placement = placeOnProvider(sim, {
    clusterArn: ctx.cluster.clusterArn,
    capacityProviderName: name,
    taskDefinition: ctx.taskDefinition,
    overrides: { cpu: ctx.overrides.cpu, memory: ctx.overrides.memory },
    group: ctx.group,
    placementStrategy: req.placementStrategy ?? [],
    placementConstraints: req.placementConstraints ?? [],
  });
  if (placement.containerInstance) {
    const ci = placement.containerInstance;
    const task = launchOnInstance(sim, ctx, ci, req.requirements, placement.explanation);
    task.capacityProviderName = name;
    sim.emit({
      source: 'ecs',
      kind: 'task.placement',
      resource: task.taskArn,
      message: `${req.launchedBy}: task ${taskId(task.taskArn)} placed on container instance ${taskId(ci.containerInstanceArn)} (${ci.ec2InstanceId}): ${placement.explanation.summary}`,
    });
    protectIfManaged(sim, ci);
    return { task, capacityProvider: name, waiting: false };
  }
  const failureReason = placement.failureReason ?? 'RESOURCE';
  if (provider.autoScalingGroupProvider.managedScaling.status !== 'ENABLED') {
    return { capacityProvider: name, failureReason, explanation: placement.explanation };
  }
  if (waitingInCluster(sim, ctx.cluster.clusterArn).length >= MAX_PROVISIONING_TASKS_PER_CLUSTER) {
    // AWS: "a maximum of 100 tasks can be in the provisioning state for any cluster".
    const reason = `Capacity provider ${name}: the cluster already has ${MAX_PROVISIONING_TASKS_PER_CLUSTER} tasks in PROVISIONING, the most ECS allows.`;
    return { capacityProvider: name, failureReason: reason, explanation: { ...placement.explanation, summary: reason } };
  }
  const task = createWaitingTask(
    sim,
    ctx,
    {
      capacityProviderName: name,
      placementStrategy: req.placementStrategy ?? [],
      placementConstraints: req.placementConstraints ?? [],
      ...(ctx.awsvpc
        ? { awsvpc: { subnetIds: ctx.awsvpc.subnets.map((s) => s.SubnetId), securityGroups: [...ctx.awsvpc.securityGroups], assignPublicIp: ctx.awsvpc.assignPublicIp } }
        : {}),
      lastReason: failureReason,
    },
    req.requirements.cpu,
    req.requirements.memory,
  );
  task.placement = placement.explanation;
  return { task, capacityProvider: name, waiting: true };
}
