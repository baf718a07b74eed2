/**
 * Launching one task once its capacity is known: on an EC2 container instance (resources
 * reserved, ENI from the instance's subnet for awsvpc) or on Fargate (an ENI in a spread-chosen
 * subnet). Shared by RunTask and StartTask.
 */
import type { Simulation } from '../../simulation';
import type { Cluster, ContainerInstance, PlacementExplanation, Task, TaskDefinition } from '../../world/types';
import { createTask } from '../../control/tasks/create';
import { eniAttachment } from '../../control/fargate/network';
import { chooseFargateSubnet } from '../../control/fargate/provision';
import type { TaskRequirements } from '../../control/requirements';
import type { Input } from '../validate';
import { parseGroupAndStartedBy, parseNetworkConfiguration, parseOverrides, parseTags, type AwsvpcConfiguration } from './tasks-input';

export interface LaunchContext {
  cluster: Cluster;
  taskDefinition: TaskDefinition;
  group: string;
  startedBy?: string;
  overrides: Task['overrides'];
  tags: Task['tags'];
  awsvpc?: AwsvpcConfiguration;
}

/** The launch context RunTask and StartTask read from their input (group, overrides, tags, awsvpc). */
export function readLaunchContext(sim: Simulation, input: Input, cluster: Cluster, td: TaskDefinition, launchType: 'EC2' | 'FARGATE'): LaunchContext {
  const overrides = parseOverrides(input, td); // checked first, as before
  return {
    cluster,
    taskDefinition: td,
    ...parseGroupAndStartedBy(input, td),
    overrides,
    tags: parseTags(input),
    awsvpc: parseNetworkConfiguration(sim, input, td, launchType),
  };
}

export function launchOnInstance(sim: Simulation, ctx: LaunchContext, ci: ContainerInstance, requirements: TaskRequirements, placement?: PlacementExplanation): Task {
  const ec2 = Object.hasOwn(sim.world.instances, ci.ec2InstanceId) ? sim.world.instances[ci.ec2InstanceId] : undefined;
  const az = ec2?.Placement.AvailabilityZone ?? ci.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? sim.world.availabilityZones[0];
  const subnetId = ec2?.SubnetId;
  const subnet = subnetId && Object.hasOwn(sim.world.subnets, subnetId) ? sim.world.subnets[subnetId] : undefined;
  // awsvpc on EC2: the task ENI is created in the first given subnet of the instance's AZ, else the
  // instance's own subnet (a documented simplification: ECS requires the subnets to be in the
  // instance's AZ; we do not reject a mismatch).
  const eniSubnet = ctx.awsvpc ? (ctx.awsvpc.subnets.find((s) => s.AvailabilityZone === az) ?? subnet ?? ctx.awsvpc.subnets[0]) : undefined;
  return createTask(sim, {
    clusterArn: ctx.cluster.clusterArn,
    clusterName: ctx.cluster.clusterName,
    taskDefinition: ctx.taskDefinition,
    launchType: 'EC2',
    group: ctx.group,
    ...(ctx.startedBy !== undefined ? { startedBy: ctx.startedBy } : {}),
    overrides: ctx.overrides,
    tags: ctx.tags,
    availabilityZone: az,
    host: { containerInstance: ci, requirements },
    ...(eniSubnet ? { attachment: eniAttachment(sim, eniSubnet) } : {}),
    cpu: String(requirements.cpu),
    memory: String(requirements.memory),
    ...(placement ? { placement } : {}),
  });
}

export function launchOnFargate(sim: Simulation, ctx: LaunchContext, platformVersion: string, requirements: TaskRequirements): Task {
  const awsvpc = ctx.awsvpc!;
  const { subnet, note } = chooseFargateSubnet(sim, awsvpc.subnets, ctx.cluster.clusterArn, ctx.group);
  sim.emit({ source: 'ecs', kind: 'task.placement', resource: ctx.cluster.clusterArn, message: note });
  return createTask(sim, {
    clusterArn: ctx.cluster.clusterArn,
    clusterName: ctx.cluster.clusterName,
    taskDefinition: ctx.taskDefinition,
    launchType: 'FARGATE',
    group: ctx.group,
    ...(ctx.startedBy !== undefined ? { startedBy: ctx.startedBy } : {}),
    overrides: ctx.overrides,
    tags: ctx.tags,
    availabilityZone: subnet.AvailabilityZone,
    platformVersion,
    attachment: eniAttachment(sim, subnet),
    cpu: String(requirements.cpu),
    memory: String(requirements.memory),
  });
}
