/**
 * Task sets in the world (world.taskSets), the SDK `TaskSet` shape, and the moves CodeDeploy and
 * the task set actions share: create, set the primary, delete.
 *
 * AWS facts (ECS API reference TaskSet, CreateTaskSet, UpdateServicePrimaryTaskSet,
 * DeleteTaskSet): a task set's id is "ecs-svc/" and 19 digits and its ARN
 * arn:aws:ecs:REGION:ACCOUNT:task-set/CLUSTER/SERVICE/ecs-svc/ID; status PRIMARY (serves
 * production traffic), ACTIVE (does not) or DRAINING (its tasks are being stopped, then it is
 * gone); computedDesiredCount = the service's desiredCount x scale%, rounded up; stabilityStatus
 * STEADY_STATE when its running tasks match computedDesiredCount and are healthy, else
 * STABILIZING. UpdateServicePrimaryTaskSet makes the old PRIMARY ACTIVE.
 */
import type { TaskSet as SdkTaskSet } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Service, ServiceLoadBalancer, ServiceNetworkConfiguration } from '../../world/service-types';
import type { TaskSet } from '../../world/codedeploy-types';
import type { Task, World } from '../../world/types';
import { arn } from '../../world/arn';
import { newDeploymentId } from '../../control/services/deployments';
import { svc } from '../../control/services/events';
import { isPendingTask, isRunningTask } from './clusters-counts';
import { tasksOfServiceIn } from '../../world/task-index';

export const taskSetsOf = (world: World) => (world.taskSets ??= {});

/** The service's task sets, PRIMARY first, then by creation. */
export function taskSetsOfService(world: World, serviceArn: string): TaskSet[] {
  const rank = (t: TaskSet) => (t.status === 'PRIMARY' ? 0 : t.status === 'ACTIVE' ? 1 : 2);
  return Object.values(world.taskSets ?? {})
    .filter((t) => t.serviceArn === serviceArn)
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}

export const primaryTaskSet = (world: World, serviceArn: string) => taskSetsOfService(world, serviceArn).find((t) => t.status === 'PRIMARY');

/** The service as a task of one of its task sets sees it: with the task set's load balancers. */
export function serviceAsSeenByTask(world: World, service: Service, task: Task): Service {
  if (service.deploymentController.type === 'ECS') return service;
  const taskSet = Object.values(world.taskSets ?? {}).find((t) => t.serviceArn === service.serviceArn && t.id === task.deploymentId);
  return taskSet ? { ...service, loadBalancers: taskSet.loadBalancers } : service;
}

/** ceil(desiredCount x scale / 100); 0 for a DRAINING task set or a service being deleted. */
export function computedDesiredCount(service: Service, taskSet: TaskSet): number {
  if (taskSet.status === 'DRAINING' || service.status !== 'ACTIVE') return 0;
  return Math.ceil((service.desiredCount * taskSet.scale.value) / 100 - 1e-9);
}

export interface NewTaskSet {
  taskDefinition: string;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
  networkConfiguration?: ServiceNetworkConfiguration;
  loadBalancers: ServiceLoadBalancer[];
  scale: number;
  status: 'PRIMARY' | 'ACTIVE';
  startedBy?: string;
  externalId?: string;
  tags?: TaskSet['tags'];
}

export function createTaskSetRecord(sim: Simulation, service: Service, spec: NewTaskSet): TaskSet {
  const id = newDeploymentId(sim);
  const cluster = service.clusterArn.slice(service.clusterArn.lastIndexOf('/') + 1);
  const taskSet: TaskSet = {
    id,
    taskSetArn: arn(sim.world, 'ecs', `task-set/${cluster}/${service.serviceName}/${id}`),
    serviceArn: service.serviceArn,
    clusterArn: service.clusterArn,
    ...(spec.startedBy ? { startedBy: spec.startedBy } : {}),
    ...(spec.externalId ? { externalId: spec.externalId } : {}),
    status: spec.status,
    taskDefinition: spec.taskDefinition,
    launchType: spec.launchType,
    ...(spec.platformVersion ? { platformVersion: spec.platformVersion } : {}),
    ...(spec.networkConfiguration ? { networkConfiguration: structuredClone(spec.networkConfiguration) } : {}),
    loadBalancers: spec.loadBalancers.map((lb) => ({ ...lb })),
    scale: { value: spec.scale, unit: 'PERCENT' },
    stabilityStatus: 'STABILIZING',
    stabilityStatusAt: sim.now,
    createdAt: sim.now,
    updatedAt: sim.now,
    tags: spec.tags ?? [],
  };
  taskSetsOf(sim.world)[taskSet.taskSetArn] = taskSet;
  service.steady = false;
  sim.emit({
    source: 'ecs',
    kind: 'taskSet.created',
    resource: taskSet.taskSetArn,
    message: `${svc(service)} task set ${id} created (${spec.status}) with ${spec.taskDefinition.split('/').pop()} at scale ${spec.scale}%${spec.loadBalancers[0] ? `, behind target group ${spec.loadBalancers[0].targetGroupArn.split('/').slice(-2, -1)[0]}` : ''}.`,
    detail: { taskSetId: id, status: spec.status, scale: spec.scale },
  });
  return taskSet;
}

/** CreateService of a CODE_DEPLOY service: its PRIMARY task set (task definition, first load balancer, 100%). */
export function createInitialTaskSet(sim: Simulation, service: Service): TaskSet {
  return createTaskSetRecord(sim, service, {
    taskDefinition: service.taskDefinition,
    launchType: service.launchType,
    ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
    ...(service.networkConfiguration ? { networkConfiguration: service.networkConfiguration } : {}),
    loadBalancers: service.loadBalancers.slice(0, 1),
    scale: 100,
    status: 'PRIMARY',
  });
}

/** Makes `taskSet` the service's PRIMARY task set; the previous PRIMARY becomes ACTIVE. */
export function setPrimaryTaskSet(sim: Simulation, service: Service, taskSet: TaskSet): void {
  for (const other of taskSetsOfService(sim.world, service.serviceArn)) {
    if (other.status === 'PRIMARY' && other !== taskSet) {
      other.status = 'ACTIVE';
      other.updatedAt = sim.now;
    }
  }
  taskSet.status = 'PRIMARY';
  taskSet.updatedAt = sim.now;
  service.taskDefinition = taskSet.taskDefinition;
  sim.emit({ source: 'ecs', kind: 'taskSet.primary', resource: taskSet.taskSetArn, message: `${svc(service)} task set ${taskSet.id} is now PRIMARY: it serves production traffic.` });
}

/** DRAINING: the scheduler stops its tasks, then the task set is gone. */
export function deleteTaskSetRecord(sim: Simulation, service: Service, taskSet: TaskSet, why: string): void {
  if (taskSet.status === 'DRAINING') return;
  taskSet.status = 'DRAINING';
  taskSet.updatedAt = sim.now;
  service.steady = false;
  sim.emit({ source: 'ecs', kind: 'taskSet.deleted', resource: taskSet.taskSetArn, message: `${svc(service)} task set ${taskSet.id} is DRAINING (${why}): its tasks are stopped.` });
}

export function toSdkTaskSet(sim: Simulation, service: Service, t: TaskSet): SdkTaskSet {
  const tasks = tasksOfServiceIn(sim.world, service.serviceArn).filter((x) => x.deploymentId === t.id);
  return {
    id: t.id,
    taskSetArn: t.taskSetArn,
    serviceArn: t.serviceArn,
    clusterArn: t.clusterArn,
    ...(t.startedBy ? { startedBy: t.startedBy } : {}),
    ...(t.externalId ? { externalId: t.externalId } : {}),
    status: t.status,
    taskDefinition: t.taskDefinition,
    computedDesiredCount: computedDesiredCount(service, t),
    pendingCount: tasks.filter(isPendingTask).length,
    runningCount: tasks.filter(isRunningTask).length,
    createdAt: sim.date(t.createdAt),
    updatedAt: sim.date(t.updatedAt),
    launchType: t.launchType,
    ...(t.platformVersion ? { platformVersion: t.platformVersion, platformFamily: 'Linux' } : {}),
    ...(t.networkConfiguration ? { networkConfiguration: structuredClone(t.networkConfiguration) } : {}),
    loadBalancers: t.loadBalancers.map((lb) => ({ ...lb })),
    serviceRegistries: [],
    scale: { ...t.scale },
    stabilityStatus: t.stabilityStatus,
    stabilityStatusAt: sim.date(t.stabilityStatusAt),
    tags: t.tags.map((x) => ({ ...x })),
  };
}
