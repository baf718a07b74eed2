/**
 * ecs:DescribeTasks and ecs:ListTasks, and the SDK `Task` shape every task action returns.
 * Stopped tasks stay describable for an hour after STOPPED (control/agent/stopping.ts), then
 * DescribeTasks answers them as failures with reason MISSING, as ECS does.
 */
import type { Container as SdkContainer, DescribeTasksResponse, ListTasksResponse, Task as SdkTask } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { AwsError } from '../errors';
import { optionalArray, optionalNumber, optionalString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { findTaskDefinition } from './task-definition-lookup';

const detail = (t: Task, name: string) => t.attachments[0]?.details.find((d) => d.name === name)?.value;

export function toSdkTask(sim: Simulation, t: Task, includeTags = true): SdkTask {
  const containers: SdkContainer[] = t.containers.map((c) => ({
    containerArn: c.containerArn,
    taskArn: t.taskArn,
    name: c.name,
    image: c.image,
    ...(c.imageDigest && t.pullStoppedAt !== undefined ? { imageDigest: c.imageDigest } : {}),
    lastStatus: c.lastStatus,
    ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    networkBindings: c.startedAt !== undefined ? c.networkBindings.map((b) => ({ ...b })) : [],
    networkInterfaces: t.attachments.length ? [{ attachmentId: t.attachments[0].id, privateIpv4Address: detail(t, 'privateIPv4Address') }] : [],
    healthStatus: c.healthStatus,
    cpu: c.cpu,
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
    ...(c.memoryReservation !== undefined ? { memoryReservation: c.memoryReservation } : {}),
  }));
  return {
    taskArn: t.taskArn,
    clusterArn: t.clusterArn,
    taskDefinitionArn: t.taskDefinitionArn,
    ...(t.containerInstanceArn ? { containerInstanceArn: t.containerInstanceArn } : {}),
    launchType: t.launchType,
    ...(t.capacityProviderName ? { capacityProviderName: t.capacityProviderName } : {}),
    ...(t.platformVersion ? { platformVersion: t.platformVersion, platformFamily: 'Linux' } : {}),
    availabilityZone: t.availabilityZone,
    attachments: t.attachments.map((a) => ({ id: a.id, type: a.type, status: a.status, details: a.details.map((d) => ({ ...d })) })),
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    connectivity: 'CONNECTED',
    connectivityAt: sim.date(t.createdAt),
    containers,
    cpu: t.cpu,
    memory: t.memory,
    createdAt: sim.date(t.createdAt),
    desiredStatus: t.desiredStatus,
    lastStatus: t.lastStatus,
    enableExecuteCommand: false,
    ...(t.launchType === 'FARGATE' ? { ephemeralStorage: { sizeInGiB: 20 } } : {}),
    group: t.group,
    healthStatus: t.healthStatus,
    overrides: structuredClone(t.overrides) as SdkTask['overrides'],
    pullStartedAt: sim.date(t.pullStartedAt),
    pullStoppedAt: sim.date(t.pullStoppedAt),
    startedAt: sim.date(t.startedAt),
    ...(t.startedBy !== undefined ? { startedBy: t.startedBy } : {}),
    stoppingAt: sim.date(t.stoppingAt),
    executionStoppedAt: sim.date(t.executionStoppedAt),
    stoppedAt: sim.date(t.stoppedAt),
    ...(t.stopCode ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason !== undefined ? { stoppedReason: t.stoppedReason } : {}),
    version: t.version,
    ...(includeTags ? { tags: t.tags.map((x) => ({ ...x })) } : {}),
  };
}

/** A task by ARN or id within a cluster. */
export function findTask(sim: Simulation, clusterArn: string, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) {
    const t = Object.hasOwn(sim.world.tasks, ref) ? sim.world.tasks[ref] : undefined;
    return t && t.clusterArn === clusterArn ? t : undefined;
  }
  return Object.values(sim.world.tasks).find((t) => t.clusterArn === clusterArn && t.taskArn.endsWith(`/${ref}`));
}

export function describeTasks(sim: Simulation, input: Input): DescribeTasksResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const refs = optionalArray<string>(input, 'tasks');
  if (!refs) throw new AwsError('InvalidParameterException', 'Tasks cannot be empty.');
  if (refs.length === 0) throw new AwsError('InvalidParameterException', 'Tasks cannot be empty.');
  if (refs.length > 100) throw new AwsError('InvalidParameterException', 'taskIds can have at most 100 items.');
  const include = optionalArray<string>(input, 'include') ?? [];
  const tasks: SdkTask[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const t = typeof ref === 'string' ? findTask(sim, cluster.clusterArn, ref) : undefined;
    if (t) tasks.push(toSdkTask(sim, t, include.includes('TAGS')));
    else failures.push({ arn: typeof ref === 'string' && ref.startsWith('arn:') ? ref : `${cluster.clusterArn.replace(':cluster/', ':task/')}/${String(ref)}`, reason: 'MISSING' });
  }
  return { tasks, failures };
}

/**
 * ListTasks: desiredStatus RUNNING by default (tasks ECS still wants running, whatever their
 * lastStatus) or STOPPED; filters combine. Results are in creation order; maxResults up to 100
 * with nextToken paging.
 */
export function listTasks(sim: Simulation, input: Input): ListTasksResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const desiredStatus = optionalString(input, 'desiredStatus') ?? 'RUNNING';
  if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
    throw new AwsError('InvalidParameterException', `Invalid desiredStatus: ${desiredStatus}. Valid values: RUNNING, PENDING, STOPPED.`);
  }
  const containerInstance = optionalString(input, 'containerInstance');
  const family = optionalString(input, 'family');
  const startedBy = optionalString(input, 'startedBy');
  const serviceName = optionalString(input, 'serviceName');
  const launchType = optionalString(input, 'launchType');
  if (family !== undefined && startedBy !== undefined) {
    throw new AwsError('InvalidParameterException', 'family and startedBy cannot both be specified.');
  }
  const maxResults = optionalNumber(input, 'maxResults') ?? 100;
  if (maxResults < 1 || maxResults > 100) throw new AwsError('InvalidParameterException', 'maxResults must be between 1 and 100.');
  const wanted = desiredStatus === 'PENDING' ? 'RUNNING' : desiredStatus;
  const arns = Object.values(sim.world.tasks)
    .filter((t) => t.clusterArn === cluster.clusterArn && t.desiredStatus === wanted)
    .filter((t) => desiredStatus !== 'PENDING' || t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING')
    .filter((t) => !containerInstance || t.containerInstanceArn === containerInstance || t.containerInstanceArn?.endsWith(`/${containerInstance}`))
    .filter((t) => !family || findTaskDefinition(sim.world, t.taskDefinitionArn)?.family === family)
    .filter((t) => startedBy === undefined || t.startedBy === startedBy)
    .filter((t) => !serviceName || t.group === `service:${serviceName}`)
    .filter((t) => !launchType || t.launchType === launchType)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((t) => t.taskArn);
  const start = Number(optionalString(input, 'nextToken') ?? 0) || 0;
  const page = arns.slice(start, start + maxResults);
  return { taskArns: page, ...(start + maxResults < arns.length ? { nextToken: String(start + maxResults) } : {}) };
}
