/**
 * ECS services: each with its deployments (PRIMARY, and ACTIVE ones still holding tasks) and the
 * counts DescribeServices would give. Linked to the cluster it runs in and from the task
 * definition of each deployment; its tasks carry a deployment badge (tasks.ts) instead of one
 * edge per task, so a rolling update reads at a glance.
 */
import { isPendingTask, isRunningTask } from '../../../engine/aws/ecs/clusters-counts';
import { resourceName } from '../../../engine/world/arn';
import type { Task } from '../../../engine/world/types';
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { DeploymentBadge } from '../types';
import type { BuildContext } from './context';
import { codeDeployBadge, taskSetBadges, taskSetRows } from './taskSets';

/** Deployment id -> the badge its tasks wear. */
export function deploymentBadges(ctx: BuildContext): Map<string, DeploymentBadge> {
  const badges = new Map<string, DeploymentBadge>();
  for (const service of Object.values(ctx.world.services)) {
    for (const d of service.deployments) badges.set(d.id, { status: d.status, serviceName: service.serviceName });
  }
  taskSetBadges(ctx.world, badges);
  return badges;
}

/**
 * Choice: INACTIVE services (deleted) leave the canvas; DRAINING ones stay until their tasks are
 * gone, as the console lists them.
 */
export function buildServices(ctx: BuildContext, tasks: Task[]): void {
  const { world, nodes, edges } = ctx;
  const S = LAYOUT.service;
  const byService = new Map<string, Task[]>();
  for (const t of tasks) {
    if (!t.serviceArn) continue;
    const list = byService.get(t.serviceArn);
    if (list) list.push(t);
    else byService.set(t.serviceArn, [t]);
  }
  const services = Object.values(world.services)
    .filter((s) => s.status !== 'INACTIVE')
    .sort((a, b) => a.createdAt - b.createdAt || a.serviceName.localeCompare(b.serviceName));
  for (const service of services) {
    const id = nodeId.service(service.serviceArn);
    const mine = byService.get(service.serviceArn) ?? [];
    const deployments = service.deployments
      .filter((d) => d.status !== 'INACTIVE')
      .map((d) => {
        const own = mine.filter((t) => t.deploymentId === d.id);
        return {
          id: d.id,
          status: d.status,
          taskDefinition: resourceName(d.taskDefinition),
          runningCount: own.filter(isRunningTask).length,
          pendingCount: own.filter(isPendingTask).length,
          failedTasks: d.failedTasks,
          rolloutState: d.rolloutState,
          rolloutStateReason: d.rolloutStateReason,
        };
      });
    // Blue/green (CODE_DEPLOY, EXTERNAL): the task sets stand where deployments stand for ECS.
    const taskSets = service.deploymentController.type === 'ECS' ? [] : taskSetRows(world, service, mine);
    const codeDeploy = service.deploymentController.type === 'CODE_DEPLOY' ? codeDeployBadge(world, service) : undefined;
    nodes.push({
      id,
      type: 'service',
      position: { x: 0, y: 0 },
      data: {
        serviceArn: service.serviceArn,
        serviceName: service.serviceName,
        clusterName: resourceName(service.clusterArn),
        status: service.status,
        launchType: service.launchType,
        schedulingStrategy: service.schedulingStrategy,
        desiredCount: service.desiredCount,
        runningCount: mine.filter(isRunningTask).length,
        pendingCount: mine.filter(isPendingTask).length,
        minimumHealthyPercent: service.deploymentConfiguration.minimumHealthyPercent,
        maximumPercent: service.deploymentConfiguration.maximumPercent,
        steady: service.steady,
        deployments,
        ...(taskSets.length ? { taskSets } : {}),
        ...(codeDeploy ? { codeDeploy } : {}),
      },
      width: S.width,
      height: S.baseHeight + (deployments.length + taskSets.length) * S.deploymentRow + (codeDeploy ? S.codeDeployRow : 0),
    });
    if (world.clusters[service.clusterArn]) {
      const cluster = nodeId.cluster(service.clusterArn);
      edges.push({ id: `service:${id}->${cluster}`, source: id, target: cluster, label: `desiredCount ${service.desiredCount}`, data: { relation: 'service' } });
    }
    for (const d of service.deployments) {
      if (d.status === 'INACTIVE') continue;
      const td = nodeId.taskDefinition(d.taskDefinition);
      if (!world.taskDefinitions[d.taskDefinition]) continue; // drawn: in use by the service
      edges.push({ id: `deployment:${td}->${id}:${d.id}`, source: td, target: id, label: d.status, data: { relation: 'deployment' } });
    }
  }
}
