/**
 * What RegisterContainerInstance records for an EC2 instance: resources, attributes, versions.
 *
 * - CPU: 1,024 units per vCPU.
 * - Memory: the agent registers the memory the OS reports (MemTotal in /proc/meminfo, read with
 *   Docker's ReadMemInfo), minus ECS_RESERVED_MEMORY. MemTotal is below the installed memory
 *   because firmware and the kernel keep some. Choice: MemTotal = 97.47% of the installed MiB,
 *   rounded, calibrated on the ECS guide's example (an m4.large, 8 GiB installed, registers
 *   7985 MiB).
 * - Ports: the reserved Linux ports 22 (SSH), 2375 and 2376 (Docker), 51678 and 51679 (the agent's
 *   introspection and credentials endpoints); no UDP ports.
 * - ENIs: awsvpc tasks take one ENI each and the primary ENI is the instance's own, so the limit is
 *   maxEnis - 1 (awsvpcTrunking is not modelled: trunk limits are in INSTANCE_TYPES for later).
 * - versionInfo: choice, the agent and Docker of a 2025 ECS-optimized Amazon Linux 2023 AMI.
 */
import type { Simulation } from '../../simulation';
import type { Attribute, Cluster, ContainerInstance, Ec2Instance } from '../../world/types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { containerInstanceArn } from '../../world/arn';

export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];
export const AGENT_VERSION = { agentVersion: '1.89.3', agentHash: '8dbbd3f1', dockerVersion: 'DockerVersion: 25.0.8' };

export function registeredMemoryMiB(installedMiB: number, reservedMiB = 0): number {
  return Math.max(0, Math.round(installedMiB * 0.9747) - reservedMiB);
}

/** Docker remote API versions the agent reports as capabilities (Docker 25 speaks 1.17–1.44). */
const DOCKER_API_VERSIONS = Array.from({ length: 44 - 17 + 1 }, (_, i) => `1.${17 + i}`);

/** A representative subset of the capabilities the agent on an ECS-optimized AL2023 AMI reports. */
const CAPABILITIES = [
  ...DOCKER_API_VERSIONS.map((v) => `com.amazonaws.ecs.capability.docker-remote-api.${v}`),
  'com.amazonaws.ecs.capability.ecr-auth',
  'com.amazonaws.ecs.capability.task-iam-role',
  'com.amazonaws.ecs.capability.task-iam-role-network-host',
  'com.amazonaws.ecs.capability.privileged-container',
  'com.amazonaws.ecs.capability.logging-driver.awslogs',
  'com.amazonaws.ecs.capability.logging-driver.json-file',
  'com.amazonaws.ecs.capability.logging-driver.syslog',
  'com.amazonaws.ecs.capability.logging-driver.none',
  'ecs.capability.execution-role-ecr-pull',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.task-eni',
  'ecs.capability.task-cpu-mem-limit',
  'ecs.capability.container-health-check',
  'ecs.capability.container-ordering',
  'ecs.capability.secrets.asm.environment-variables',
  'ecs.capability.secrets.ssm.environment-variables',
  'ecs.capability.private-registry-authentication.secretsmanager',
  'ecs.capability.firelens.fluentbit',
  'ecs.capability.efsAuth',
];

export function builtInAttributes(instance: Ec2Instance): Attribute[] {
  const type = INSTANCE_TYPES[instance.InstanceType];
  const valued: [string, string][] = [
    ['ecs.availability-zone', instance.Placement.AvailabilityZone],
    ['ecs.instance-type', instance.InstanceType],
    ['ecs.os-type', 'linux'],
    ['ecs.os-family', 'LINUX'],
    ['ecs.cpu-architecture', type?.architecture ?? 'x86_64'],
    ['ecs.ami-id', instance.ImageId],
    ['ecs.vpc-id', instance.VpcId],
    ['ecs.subnet-id', instance.SubnetId],
  ];
  return [...valued.map(([name, value]) => ({ name, value })), ...CAPABILITIES.map((name) => ({ name }))];
}

/** Is this one of the agent's own attributes (not a custom one set with PutAttributes)? */
export const isBuiltInAttribute = (name: string) => name.startsWith('ecs.') || name.startsWith('com.amazonaws.ecs.');

export function newContainerInstance(sim: Simulation, instance: Ec2Instance, cluster: Cluster, reservedMemoryMiB: number): ContainerInstance {
  const type = INSTANCE_TYPES[instance.InstanceType];
  const registered = {
    cpu: type.vCpus * 1024,
    memory: registeredMemoryMiB(type.memoryMiB, reservedMemoryMiB),
    ports: [...RESERVED_PORTS],
    portsUdp: [],
  };
  return {
    containerInstanceArn: containerInstanceArn(sim.world, cluster.clusterName, sim.random.hex(32)),
    clusterArn: cluster.clusterArn,
    ec2InstanceId: instance.InstanceId,
    status: 'ACTIVE',
    agentConnected: true,
    versionInfo: { ...AGENT_VERSION },
    registeredResources: registered,
    remainingResources: { ...registered, ports: [...registered.ports], portsUdp: [] },
    eniLimit: type.maxEnis - 1,
    enisInUse: 0,
    taskArns: [],
    attributes: builtInAttributes(instance),
    registeredAt: sim.now,
    version: 1,
    tags: [],
  };
}
