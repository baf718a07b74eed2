/**
 * Blue/green: the task sets of a CODE_DEPLOY (or EXTERNAL) service and the CodeDeploy deployment
 * shifting its traffic. AWS facts (ECS TaskSet, CodeDeploy ECS blue/green): a task set is PRIMARY
 * (serves production traffic), ACTIVE or DRAINING; its scale is a percent of the service's
 * desiredCount (computedDesiredCount, rounded up); its tasks register in its own target group.
 * CodeDeploy moves production traffic by rewriting the production listener's forward action as a
 * weighted forward to the original (blue) and replacement (green) target groups.
 */
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { computedDesiredCount, taskSetsOfService } from '../../../engine/aws/ecs/task-sets-store';
import { isPendingTask, isRunningTask } from '../../../engine/aws/ecs/clusters-counts';
import type { CodeDeployDeployment } from '../../../engine/world/codedeploy-types';
import type { Service } from '../../../engine/world/service-types';
import type { Task, World } from '../../../engine/world/types';
import { resourceName } from '../../../engine/world/arn';
import type { CodeDeployBadge, DeploymentBadge, TaskSetRow } from '../types';

const FINISHED = new Set(['Succeeded', 'Failed', 'Stopped']);

const targetGroupName = (world: World, arn: string | undefined) => (arn ? (world.targetGroups[arn]?.TargetGroupName ?? arn.split('/').at(-2) ?? arn) : '');

/** The service's task sets as rows, PRIMARY first. */
export function taskSetRows(world: World, service: Service, tasks: Task[]): TaskSetRow[] {
  return taskSetsOfService(world, service.serviceArn).map((ts) => {
    const own = tasks.filter((t) => t.deploymentId === ts.id);
    return {
      id: ts.id,
      status: ts.status,
      taskDefinition: resourceName(ts.taskDefinition),
      scale: ts.scale.value,
      computedDesiredCount: computedDesiredCount(service, ts),
      runningCount: own.filter(isRunningTask).length,
      pendingCount: own.filter(isPendingTask).length,
      stabilityStatus: ts.stabilityStatus,
      targetGroups: ts.loadBalancers.map((lb) => targetGroupName(world, lb.targetGroupArn)).filter(Boolean),
    };
  });
}

/** Task set id -> the badge its tasks wear (they carry the task set's id as their deployment). */
export function taskSetBadges(world: World, badges: Map<string, DeploymentBadge>): void {
  for (const ts of Object.values(world.taskSets ?? {})) {
    const service = world.services[ts.serviceArn];
    if (service) badges.set(ts.id, { status: ts.status, serviceName: service.serviceName, taskSet: true });
  }
}

/** The service's newest CodeDeploy deployment (under way or finished). */
export function latestCodeDeployment(world: World, serviceArn: string): CodeDeployDeployment | undefined {
  let latest: CodeDeployDeployment | undefined;
  for (const d of Object.values(world.codeDeploy?.deployments ?? {})) {
    if (d.serviceArn === serviceArn && (!latest || d.createTime >= latest.createTime)) latest = d;
  }
  return latest;
}

export function codeDeployBadge(world: World, service: Service): CodeDeployBadge | undefined {
  const d = latestCodeDeployment(world, service.serviceArn);
  return d && { deploymentId: d.deploymentId, status: d.status, deploymentConfigName: d.deploymentConfigName, greenWeight: d.greenWeight };
}

/** What a CodeDeploy deployment under way does to this production listener, in words. */
export function listenerShift(world: World, listenerArn: string): string | undefined {
  for (const d of Object.values(world.codeDeploy?.deployments ?? {})) {
    if (FINISHED.has(d.status) || !d.prodListenerArns.includes(listenerArn)) continue;
    return `CodeDeploy ${d.status}: ${d.greenWeight}% → ${targetGroupName(world, d.greenTargetGroupArn)}`;
  }
  return undefined;
}

/**
 * Each target group's share of a weighted forward, in percent (a weight divided by the sum of the
 * weights, as ELB routes them); undefined for a forward to a single target group.
 */
export function forwardShares(action: Action | undefined): Map<string, number> | undefined {
  const groups = action?.Type === 'forward' ? (action.ForwardConfig?.TargetGroups ?? []) : [];
  if (groups.length < 2) return undefined;
  // ELB's default weight is 1 when a target group of a forward action names none.
  const total = groups.reduce((sum, g) => sum + (g.Weight ?? 1), 0);
  return new Map(groups.map((g) => [g.TargetGroupArn ?? '', total > 0 ? Math.round(((g.Weight ?? 1) / total) * 100) : 0]));
}
