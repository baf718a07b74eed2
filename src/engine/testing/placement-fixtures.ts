/**
 * Hand-built worlds for placement tests and the placement bench: writes clusters, ACTIVE container
 * instances, task definitions and placed tasks straight into the world (no agent, no EC2 calls).
 * Ids are derived from what the world already holds, so the same calls give the same ids.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { clusterArn, containerInstanceArn, taskArn, taskDefinitionArn } from '../world/arn';
import type { ContainerInstance, Task, TaskDefinition, World } from '../world/types';
import { putContainerInstance } from '../world/container-instance-index';
import { reserve, RESERVED_LINUX_PORTS } from '../control/resources';
import { taskRequirements } from '../control/requirements';
import { addTask } from '../world/task-index';

export interface InstanceSpec {
  cluster?: string;
  az?: string;
  instanceType?: string;
  cpu?: number;
  memory?: number;
  eniLimit?: number;
  agentConnected?: boolean;
  status?: ContainerInstance['status'];
  agentVersion?: string;
  registeredAt?: number;
  /** Extra (custom) attributes; undefined value = an attribute with a name only. */
  attributes?: Record<string, string | undefined>;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function ensureCluster(world: World, clusterName = 'default'): string {
  const arn = clusterArn(world, clusterName);
  world.clusters[arn] ??= {
    clusterArn: arn,
    clusterName,
    status: 'ACTIVE',
    createdAt: 0,
    settings: [],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
    tags: [],
  };
  return arn;
}

export function addContainerInstance(world: World, spec: InstanceSpec = {}): ContainerInstance {
  const clusterName = spec.cluster ?? 'default';
  const cluster = ensureCluster(world, clusterName);
  const n = Object.keys(world.containerInstances).length + 1;
  const ec2InstanceId = `i-${hex(n, 17)}`;
  const arn = containerInstanceArn(world, clusterName, hex(n, 32));
  const az = spec.az ?? world.availabilityZones[(n - 1) % world.availabilityZones.length];
  const cpu = spec.cpu ?? 2048;
  const memory = spec.memory ?? 7680;
  const attributes = [
    ['ecs.availability-zone', az],
    ['ecs.instance-type', spec.instanceType ?? 'm5.large'],
    ['ecs.os-type', 'linux'],
    ['ecs.cpu-architecture', 'x86_64'],
    ['ecs.ami-id', 'ami-0fixture0000000000'],
    ['ecs.vpc-id', Object.keys(world.vpcs)[0]],
    ['ecs.subnet-id', Object.values(world.subnets).find((s) => s.AvailabilityZone === az)?.SubnetId ?? 'subnet-fixture'],
    ...Object.entries(spec.attributes ?? {}),
  ].map(([name, value]) => (value === undefined ? { name: name as string } : { name: name as string, value }));
  const ci: ContainerInstance = {
    containerInstanceArn: arn,
    clusterArn: cluster,
    ec2InstanceId,
    status: spec.status ?? 'ACTIVE',
    agentConnected: spec.agentConnected ?? true,
    versionInfo: { agentVersion: spec.agentVersion ?? '1.90.0', agentHash: 'fixture', dockerVersion: 'DockerVersion: 25.0.8' },
    registeredResources: { cpu, memory, ports: [...RESERVED_LINUX_PORTS], portsUdp: [] },
    remainingResources: { cpu, memory, ports: [...RESERVED_LINUX_PORTS], portsUdp: [] },
    eniLimit: spec.eniLimit ?? 2,
    enisInUse: 0,
    attributes,
    registeredAt: spec.registeredAt ?? 0,
    version: 1,
    tags: [],
  };
  putContainerInstance(world, ci);
  return ci;
}

/** A registered task definition (family "web" unless given), stored in the world. */
export function addTaskDefinition(world: World, td: Partial<TaskDefinition> & { containerDefinitions?: ContainerDefinition[] } = {}): TaskDefinition {
  const family = td.family ?? 'web';
  const revision = (world.taskDefinitionFamilies[family] ?? 0) + 1;
  world.taskDefinitionFamilies[family] = revision;
  const def: TaskDefinition = {
    containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 512, cpu: 256, essential: true }],
    ...td,
    taskDefinitionArn: taskDefinitionArn(world, family, revision),
    family,
    revision,
    status: 'ACTIVE',
    registeredAt: 0,
  };
  world.taskDefinitions[def.taskDefinitionArn] = def;
  return def;
}

/** A PROVISIONING task of `td` (not yet placed), stored in the world. */
export function newTask(world: World, td: TaskDefinition, clusterName = 'default', group = `family:${td.family}`): Task {
  const n = Object.keys(world.tasks).length + 1;
  const arn = taskArn(world, clusterName, hex(n, 32));
  const task: Task = {
    taskArn: arn,
    clusterArn: ensureCluster(world, clusterName),
    taskDefinitionArn: td.taskDefinitionArn,
    launchType: 'EC2',
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    group,
    availabilityZone: '',
    containers: td.containerDefinitions.map((c, i) => ({
      containerArn: `${arn.replace(':task/', ':container/')}/${i}`,
      name: c.name ?? `c${i}`,
      image: c.image ?? '',
      lastStatus: 'PENDING',
      essential: c.essential ?? true,
      healthStatus: 'UNKNOWN',
      networkBindings: [],
      cpu: String(c.cpu ?? 0),
    })),
    overrides: { containerOverrides: [] },
    attachments: [],
    reserved: { cpu: 0, memory: 0, ports: [], portsUdp: [], eni: false },
    healthStatus: 'UNKNOWN',
    createdAt: 0,
    version: 1,
    tags: [],
  };
  addTask(world, task);
  return task;
}

/** A task of `td` already placed on `ci` (resources reserved), in `lastStatus` (RUNNING by default). */
export function placeTaskOn(world: World, ci: ContainerInstance, td: TaskDefinition, options: { group?: string; lastStatus?: Task['lastStatus'] } = {}): Task {
  const clusterName = ci.clusterArn.slice(ci.clusterArn.lastIndexOf('/') + 1);
  const task = newTask(world, td, clusterName, options.group);
  reserve(world, task, ci, taskRequirements(td));
  task.lastStatus = options.lastStatus ?? 'RUNNING';
  task.availabilityZone = ci.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? '';
  return task;
}
