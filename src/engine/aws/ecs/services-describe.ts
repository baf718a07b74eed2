/**
 * ecs:DescribeServices and ecs:ListServices, and the SDK `Service` shape every service action
 * returns. Counts are read from the tasks: runningCount = tasks in RUNNING, pendingCount = tasks on
 * their way there (PROVISIONING, PENDING, ACTIVATING), per service and per deployment.
 * DescribeServices: 1-10 services, unknown ones as failures with reason MISSING; tags only with
 * include: ["TAGS"]. ListServices: services that are not INACTIVE, filtered by launchType and
 * schedulingStrategy, paged like the other ECS list calls.
 */
import type { DescribeServicesResponse, Deployment, ListServicesResponse, Service as SdkService } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { AwsError } from '../errors';
import { optionalArray, optionalString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { paginate } from './clusters';
import { isPendingTask, isRunningTask } from './clusters-counts';
import { findService, serviceArnFor } from './services-store';
import { taskSetsOfService, toSdkTaskSet } from './task-sets-store';
import { tasksOfServiceIn } from '../../world/task-index';

function counts(tasks: Task[]) {
  return { runningCount: tasks.filter(isRunningTask).length, pendingCount: tasks.filter(isPendingTask).length };
}

export function toSdkService(sim: Simulation, s: Service, includeTags = true): SdkService {
  const tasks = tasksOfServiceIn(sim.world, s.serviceArn);
  const deployments: Deployment[] = s.deployments
    .filter((d) => d.status !== 'INACTIVE')
    .map((d) => {
      const mine = tasks.filter((t) => t.deploymentId === d.id);
      const c = counts(mine);
      return {
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinition,
        desiredCount: d.status === 'PRIMARY' ? s.desiredCount : mine.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED').length,
        pendingCount: c.pendingCount,
        runningCount: c.runningCount,
        failedTasks: d.failedTasks,
        createdAt: sim.date(d.createdAt),
        updatedAt: sim.date(d.updatedAt),
        // AWS shows either the launch type or the capacity provider strategy.
        ...(d.capacityProviderStrategy?.length ? { capacityProviderStrategy: d.capacityProviderStrategy.map((i) => ({ ...i })) } : { launchType: d.launchType }),
        ...(d.platformVersion ? { platformVersion: d.platformVersion, platformFamily: 'Linux' } : {}),
        ...(d.networkConfiguration ? { networkConfiguration: structuredClone(d.networkConfiguration) } : {}),
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
      };
    });
  return {
    serviceArn: s.serviceArn,
    serviceName: s.serviceName,
    clusterArn: s.clusterArn,
    loadBalancers: s.loadBalancers.map((lb) => ({ ...lb })),
    serviceRegistries: [],
    status: s.status,
    desiredCount: s.desiredCount,
    ...counts(tasks),
    ...(s.capacityProviderStrategy?.length ? { capacityProviderStrategy: s.capacityProviderStrategy.map((i) => ({ ...i })) } : { launchType: s.launchType }),
    ...(s.platformVersion ? { platformVersion: s.platformVersion, platformFamily: 'Linux' } : {}),
    ...(s.taskDefinition ? { taskDefinition: s.taskDefinition } : {}),
    deploymentConfiguration: structuredClone(s.deploymentConfiguration),
    ...(s.deploymentController.type !== 'ECS' ? { taskSets: taskSetsOfService(sim.world, s.serviceArn).map((t) => toSdkTaskSet(sim, s, t)) } : {}),
    deployments,
    roleArn: `arn:aws:iam::${sim.world.accountId}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: s.events.map((e) => ({ id: e.id, createdAt: sim.date(e.createdAt), message: e.message })),
    createdAt: sim.date(s.createdAt),
    placementConstraints: s.placementConstraints.map((c) => ({ ...c })),
    placementStrategy: s.placementStrategy.map((p) => ({ ...p })),
    ...(s.networkConfiguration ? { networkConfiguration: structuredClone(s.networkConfiguration) } : {}),
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: { ...s.deploymentController },
    ...(includeTags ? { tags: s.tags.map((t) => ({ ...t })) } : {}),
    createdBy: s.createdBy,
    enableECSManagedTags: s.enableECSManagedTags,
    propagateTags: s.propagateTags,
    enableExecuteCommand: s.enableExecuteCommand,
  };
}

export function describeServices(sim: Simulation, input: Input): DescribeServicesResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const refs = optionalArray<unknown>(input, 'services');
  if (!refs || refs.length === 0) throw new AwsError('InvalidParameterException', 'Services cannot be empty.');
  if (refs.length > 10) throw new AwsError('InvalidParameterException', 'services can have at most 10 items.');
  const include = optionalArray<string>(input, 'include') ?? [];
  const services: SdkService[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const s = typeof ref === 'string' ? findService(sim.world, cluster, ref) : undefined;
    if (s) services.push(toSdkService(sim, s, include.includes('TAGS')));
    else failures.push({ arn: typeof ref === 'string' && ref.startsWith('arn:') ? ref : serviceArnFor(sim.world, cluster, String(ref)), reason: 'MISSING' });
  }
  return { services, failures };
}

export function listServices(sim: Simulation, input: Input): ListServicesResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const launchType = optionalString(input, 'launchType');
  const schedulingStrategy = optionalString(input, 'schedulingStrategy');
  if (launchType !== undefined && !['EC2', 'FARGATE', 'EXTERNAL'].includes(launchType)) throw new AwsError('InvalidParameterException', `Invalid launch type: ${launchType}. Valid values: EC2, FARGATE, EXTERNAL.`);
  if (schedulingStrategy !== undefined && !['REPLICA', 'DAEMON'].includes(schedulingStrategy)) throw new AwsError('InvalidParameterException', `Invalid scheduling strategy: ${schedulingStrategy}. Valid values: REPLICA, DAEMON.`);
  const arns = Object.values(sim.world.services)
    .filter((s) => s.clusterArn === cluster.clusterArn && s.status !== 'INACTIVE')
    .filter((s) => !launchType || s.launchType === launchType)
    .filter((s) => !schedulingStrategy || s.schedulingStrategy === schedulingStrategy)
    .map((s) => s.serviceArn);
  return paginate(arns, input, 'serviceArns');
}
