/**
 * ecs:DescribeContainerInstances, ListContainerInstances, UpdateContainerInstancesState,
 * DeregisterContainerInstance. (Attributes are in container-instances-attributes.ts.)
 */
import type {
  DeregisterContainerInstanceResponse,
  DescribeContainerInstancesResponse,
  Failure,
  ListContainerInstancesResponse,
  UpdateContainerInstancesStateResponse,
} from '@aws-sdk/client-ecs';
import type { Action } from '../../simulation';
import type { ContainerInstance } from '../../world/types';
import { invalidParameter } from '../errors';
import { optionalArray, optionalBoolean, optionalString, requireString } from '../validate';
import { matchesClusterQuery, parseClusterQuery } from '../../control/placement/query';
import { requireActiveCluster } from './clusters-store';
import { paginate } from './clusters';
import { tasksOnContainerInstance } from './clusters-counts';
import { containerInstanceOutput, failureArn, findContainerInstance } from './container-instances-shared';
import { attributeActions } from './container-instances-attributes';
import { markAllServicesChanged } from '../../control/services/changes';

const shortId = (ci: ContainerInstance) => ci.containerInstanceArn.split('/').pop();

function refsOf(input: Record<string, unknown>, max: number): string[] {
  const refs = optionalArray<unknown>(input, 'containerInstances');
  if (!refs || refs.length === 0) throw invalidParameter("1 validation error detected: Value null at 'containerInstances' failed to satisfy constraint: Member must not be null");
  if (refs.length > max) throw invalidParameter(`containerInstances can have at most ${max} items.`);
  return refs.map((r) => {
    if (typeof r !== 'string') throw invalidParameter('containerInstances must be a list of container instance ARNs or IDs.');
    return r;
  });
}

export const describeContainerInstances: Action = (sim, input): DescribeContainerInstancesResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const refs = refsOf(input, 100);
  const includeTags = (optionalArray<string>(input, 'include') ?? []).includes('TAGS');
  const containerInstances = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const ci = findContainerInstance(sim.world, cluster, ref);
    if (ci) containerInstances.push(containerInstanceOutput(sim, ci, includeTags));
    else failures.push({ arn: failureArn(sim.world, cluster, ref), reason: 'MISSING' });
  }
  return { containerInstances, failures };
};

const STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'];

export const listContainerInstances: Action = (sim, input): ListContainerInstancesResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const status = optionalString(input, 'status');
  if (status !== undefined && !STATUSES.includes(status)) {
    throw invalidParameter(`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`);
  }
  const filter = optionalString(input, 'filter');
  const ast = filter !== undefined && filter.trim() !== '' ? parseClusterQuery(filter) : undefined;
  // Without `status` ECS lists every status but INACTIVE.
  const arns = Object.values(sim.world.containerInstances)
    .filter((ci) => ci.clusterArn === cluster.clusterArn)
    .filter((ci) => (status === undefined ? ci.status !== 'INACTIVE' : ci.status === status))
    .filter((ci) => !ast || matchesClusterQuery(sim.world, ci, ast))
    .map((ci) => ci.containerInstanceArn);
  return paginate(arns, input, 'containerInstanceArns');
};

/**
 * ACTIVE <-> DRAINING. AWS: a DRAINING instance gets no new tasks; service tasks on it are replaced
 * by the service scheduler (within the deployment configuration's bounds; the services module
 * does that). Standalone tasks (RunTask/StartTask) are NOT stopped: they run until they stop or
 * you stop them. The instance stays DRAINING until it is made ACTIVE again or deregistered.
 */
export const updateContainerInstancesState: Action = (sim, input): UpdateContainerInstancesStateResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const refs = refsOf(input, 10);
  const status = requireString(input, 'status');
  if (status !== 'ACTIVE' && status !== 'DRAINING') {
    throw invalidParameter(`Container instance status should be one of [ACTIVE, DRAINING]: '${status}' is not a status you can set.`);
  }
  const containerInstances = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const ci = findContainerInstance(sim.world, cluster, ref);
    if (!ci || ci.status === 'INACTIVE') {
      failures.push({ arn: failureArn(sim.world, cluster, ref), reason: ci ? 'INACTIVE' : 'MISSING' });
      continue;
    }
    if (ci.status !== status) {
      ci.status = status;
      markAllServicesChanged(sim.world);
      ci.version += 1;
      const standalone = tasksOnContainerInstance(sim.world, ci.containerInstanceArn).filter((t) => t.lastStatus !== 'STOPPED' && !t.group.startsWith('service:')).length;
      sim.emit({
        source: 'ecs',
        kind: 'containerInstance.status',
        resource: ci.containerInstanceArn,
        message:
          status === 'DRAINING'
            ? `Container instance ${shortId(ci)} (${ci.ec2InstanceId}) is DRAINING: no new tasks are placed on it and its service tasks are replaced on other instances.` +
              (standalone > 0 ? ` Its ${standalone} standalone task(s) keep running: draining does not stop tasks that are not part of a service.` : '')
            : `Container instance ${shortId(ci)} (${ci.ec2InstanceId}) is ACTIVE again: tasks can be placed on it.`,
        detail: { status },
      });
    }
    containerInstances.push(containerInstanceOutput(sim, ci));
  }
  return { containerInstances, failures };
};

/**
 * Removes the instance from the cluster (status INACTIVE); the EC2 instance keeps running. With
 * tasks on it ECS refuses unless `force`; forced, the tasks keep running but are orphaned: ECS no
 * longer monitors or accounts for them, and a service starts replacements elsewhere.
 */
export const deregisterContainerInstance: Action = (sim, input): DeregisterContainerInstanceResponse => {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const ref = requireString(input, 'containerInstance');
  const force = optionalBoolean(input, 'force') ?? false;
  const ci = findContainerInstance(sim.world, cluster, ref);
  if (!ci || ci.status === 'INACTIVE') throw invalidParameter('The referenced container instance was not found.');
  const tasks = tasksOnContainerInstance(sim.world, ci.containerInstanceArn).filter((t) => t.lastStatus !== 'STOPPED');
  if (tasks.length > 0 && !force) throw invalidParameter('Found running tasks on the instance.');
  ci.status = 'INACTIVE';
  ci.agentConnected = false;
  markAllServicesChanged(sim.world);
  ci.version += 1;
  for (const task of tasks) {
    sim.emit({
      source: 'ecs',
      kind: 'task.orphaned',
      resource: task.taskArn,
      message: `Task ${task.taskArn.split('/').pop()} is orphaned: its container instance was deregistered with force, so ECS no longer monitors or accounts for it. It keeps running on ${ci.ec2InstanceId} until the instance is terminated.`,
    });
  }
  sim.emit({
    source: 'ecs',
    kind: 'containerInstance.deregistered',
    resource: ci.containerInstanceArn,
    message: `Container instance ${shortId(ci)} deregistered from cluster ${cluster.clusterName}: it is INACTIVE. The EC2 instance ${ci.ec2InstanceId} keeps running (and billing) until you terminate it.`,
    detail: { force, orphanedTasks: tasks.length },
  });
  return { containerInstance: containerInstanceOutput(sim, ci) };
};

export const containerInstanceActions: Record<string, Action> = {
  'ecs:DescribeContainerInstances': describeContainerInstances,
  'ecs:ListContainerInstances': listContainerInstances,
  'ecs:UpdateContainerInstancesState': updateContainerInstancesState,
  'ecs:DeregisterContainerInstance': deregisterContainerInstance,
  ...attributeActions,
};
