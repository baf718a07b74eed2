/**
 * Starting one task for a service deployment, with the tasks module's own functions (placeTask +
 * launchOnInstance on EC2, launchOnFargate on Fargate), so a service task is created, placed and
 * run exactly like a RunTask task.
 *
 * AWS facts: a service's tasks are in group "service:NAME" and startedBy the deployment id
 * ("ecs-svc/..."). Tags: with propagateTags SERVICE the service's tags, TASK_DEFINITION the task
 * definition's; enableECSManagedTags adds aws:ecs:serviceName and aws:ecs:clusterName.
 * Placement: the service's strategy, or the service default (spread by AZ, then by instance);
 * Fargate spreads over the AZs of the service's subnets.
 *
 * With a capacity provider strategy (the deployment's), the capacity module picks the provider by
 * base, then weight (control/capacity/launch.ts), counting the live tasks of the same deployment
 * (a choice: a new deployment builds its own split, so the split holds once the old tasks are
 * gone); an Auto Scaling group provider with managed scaling may leave the task in PROVISIONING
 * until instances arrive.
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceDeployment } from '../../world/service-types';
import type { Task } from '../../world/types';
import { launchOnFargate, launchOnInstance, type LaunchContext } from '../../aws/ecs/tasks-launch';
import { parseNetworkConfiguration } from '../../aws/ecs/tasks-input';
import { findTaskDefinition } from '../../aws/ecs/task-definition-lookup';
import { LATEST_PLATFORM_VERSION } from '../fargate/provision';
import { placeTask, type PlacementDecision } from '../placement/place';
import { taskRequirements } from '../requirements';
import { launchWithCapacityProviderStrategy } from '../capacity/launch';
import { providerCounts } from '../capacity/strategy';
import { setTaskService, tasksOfServiceIn } from '../../world/task-index';

export const serviceGroup = (service: Service) => `service:${service.serviceName}`;

export type LaunchResult = { task: Task } | { task?: undefined; decision: PlacementDecision };

function tagsFor(sim: Simulation, service: Service, taskDefinitionTags: { key: string; value: string }[]): Task['tags'] {
  const tags: Task['tags'] = [];
  if (service.propagateTags === 'SERVICE') tags.push(...service.tags.map((t) => ({ ...t })));
  if (service.propagateTags === 'TASK_DEFINITION') tags.push(...taskDefinitionTags.map((t) => ({ ...t })));
  if (service.enableECSManagedTags) {
    const clusterName = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
    tags.push({ key: 'aws:ecs:serviceName', value: service.serviceName }, { key: 'aws:ecs:clusterName', value: clusterName });
  }
  void sim;
  return tags;
}

/**
 * Places and starts one task of `deployment`. `onInstance` (DAEMON) pins it to one container
 * instance with a memberOf constraint on its EC2 instance id.
 */
export function launchServiceTask(sim: Simulation, service: Service, deployment: ServiceDeployment, onInstance?: string): LaunchResult {
  const td = findTaskDefinition(sim.world, deployment.taskDefinition);
  const cluster = sim.world.clusters[service.clusterArn];
  if (!td || !cluster) throw new Error(`service ${service.serviceArn}: task definition or cluster is gone`);
  const group = serviceGroup(service);
  const ctx: LaunchContext = {
    cluster,
    taskDefinition: td,
    group,
    startedBy: deployment.id,
    overrides: { containerOverrides: [] },
    tags: tagsFor(sim, service, td.tags ?? []),
    awsvpc: parseNetworkConfiguration(sim, deployment.networkConfiguration ? { networkConfiguration: deployment.networkConfiguration } : {}, td, deployment.launchType),
  };
  const requirements = taskRequirements(td);
  let task: Task;
  if (deployment.capacityProviderStrategy?.length && !onInstance) {
    const live = tasksOfServiceIn(sim.world, service.serviceArn).filter((t) => t.deploymentId === deployment.id && t.desiredStatus === 'RUNNING');
    const r = launchWithCapacityProviderStrategy(sim, {
      ctx,
      requirements,
      strategy: deployment.capacityProviderStrategy,
      counts: providerCounts(live),
      placementStrategy: service.placementStrategy,
      placementConstraints: service.placementConstraints,
      platformVersion: deployment.platformVersion ?? LATEST_PLATFORM_VERSION,
      launchedBy: `(service ${service.serviceName})`,
    });
    if (!r.task) return { decision: { failureReason: r.failureReason, explanation: r.explanation } };
    task = r.task;
  } else if (deployment.launchType === 'FARGATE') {
    task = launchOnFargate(sim, ctx, deployment.platformVersion ?? LATEST_PLATFORM_VERSION, requirements);
  } else {
    const decision = placeTask(sim, {
      clusterArn: service.clusterArn,
      taskDefinition: td,
      group,
      placementConstraints: [...(onInstance ? [{ type: 'memberOf' as const, expression: `ec2InstanceId == ${onInstance}` }] : []), ...service.placementConstraints],
      placementStrategy: service.placementStrategy,
    });
    const ci = decision.containerInstanceArn ? sim.world.containerInstances[decision.containerInstanceArn] : undefined;
    if (!ci) return { decision };
    task = launchOnInstance(sim, ctx, ci, requirements, decision.explanation);
    sim.emit({
      source: 'ecs',
      kind: 'task.placement',
      resource: task.taskArn,
      message: `${service.serviceName}: task ${task.taskArn.split('/').pop()} placed on container instance ${ci.containerInstanceArn.split('/').pop()} (${ci.ec2InstanceId}): ${decision.explanation.summary}`,
    });
  }
  setTaskService(sim.world, task, service.serviceArn);
  task.deploymentId = deployment.id;
  return { task };
}
