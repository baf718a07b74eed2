/**
 * CapacityProviderReservation, the metric ECS managed scaling tracks (ECS guide, "Amazon ECS
 * cluster auto scaling"; blog "Deep dive on Amazon ECS cluster auto scaling"):
 *
 *   reservation = M / N x 100
 *   N = instances of the group already running (here: the provider's ACTIVE container instances)
 *   M = instances needed to run every task, including the tasks waiting in PROVISIONING
 *   M = N = 0 -> 100;  M > 0, N = 0 -> 200.
 *
 * Without waiting tasks M is the number of instances that run at least one non-daemon task. With
 * waiting tasks ECS adds an estimate of the instances they need, bounded by the provider's
 * minimumScalingStepSize and maximumScalingStepSize.
 *
 * The estimate (a documented choice; AWS says only that ECS computes a lower bound on the
 * instances needed from the tasks' requirements and the group's instance types): the tasks
 * waiting for this provider are summed (CPU units, MiB, awsvpc ENIs, and the largest number of
 * them that need the same static host port) and divided by what one instance of the group's
 * launch template instance type registers (CPU, memory as the agent registers it, ENIs - 1, one
 * task per static port); the largest quotient, rounded up, at least 1.
 */
import type { Simulation } from '../../simulation';
import type { CapacityProvider } from '../../world/capacity-types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { resolveVersion } from '../../aws/ec2/launch-templates-store';
import { groupNameOf } from '../../aws/ecs/capacity-providers-store';
import { findTaskDefinition } from '../../aws/ecs/task-definition-lookup';
import { registeredMemoryMiB } from '../ec2/container-instance';
import { taskRequirements } from '../requirements';
import { providerInstances } from './place';
import { waitingInCluster } from './waiting';

export interface Reservation {
  /** CapacityProviderReservation in percent. */
  value: number;
  m: number;
  n: number;
  /** Tasks waiting in PROVISIONING for this provider. */
  waiting: number;
  /** Extra instances the waiting tasks need (after the step-size bounds), 0 without waiting tasks. */
  extra: number;
}

export function computeReservation(sim: Simulation, provider: CapacityProvider, clusterArn: string, busy: Record<string, number>): Reservation {
  const running = providerInstances(sim, clusterArn, provider.name).filter((ci) => ci.status === 'ACTIVE');
  const n = running.length;
  const used = running.filter((ci) => (busy[ci.containerInstanceArn] ?? 0) > 0).length;
  const waits = waitingInCluster(sim, clusterArn).filter((w) => w.capacityProviderName === provider.name);
  let extra = 0;
  if (waits.length > 0) {
    const scaling = provider.autoScalingGroupProvider.managedScaling;
    const estimate = estimateInstances(sim, provider, waits.map((w) => w.taskArn));
    extra = Math.min(scaling.maximumScalingStepSize, Math.max(scaling.minimumScalingStepSize, estimate));
  }
  const m = waits.length > 0 ? n + extra : used;
  const value = n === 0 ? (m === 0 ? 100 : 200) : (m / n) * 100;
  return { value, m, n, waiting: waits.length, extra };
}

/** Instances of the group's instance type the given waiting tasks need at least (>= 1). */
export function estimateInstances(sim: Simulation, provider: CapacityProvider, taskArns: string[]): number {
  const type = groupInstanceType(sim, provider);
  const info = type ? INSTANCE_TYPES[type] : undefined;
  if (!info) return 1;
  const cpuCap = info.vCpus * 1024;
  const memCap = registeredMemoryMiB(info.memoryMiB);
  const eniCap = Math.max(1, info.maxEnis - 1);
  let cpu = 0;
  let memory = 0;
  let enis = 0;
  const perPort: Record<string, number> = {};
  for (const arn of taskArns) {
    const task = sim.world.tasks[arn];
    const td = task ? findTaskDefinition(sim.world, task.taskDefinitionArn) : undefined;
    if (!task || !td) continue;
    const req = taskRequirements(td, { cpu: task.overrides.cpu, memory: task.overrides.memory });
    cpu += req.cpu;
    memory += req.memory;
    if (req.eni) enis += 1;
    for (const p of req.tcpPorts) perPort[`tcp/${p}`] = (perPort[`tcp/${p}`] ?? 0) + 1;
    for (const p of req.udpPorts) perPort[`udp/${p}`] = (perPort[`udp/${p}`] ?? 0) + 1;
  }
  const ports = Math.max(0, ...Object.values(perPort));
  return Math.max(1, Math.ceil(cpu / cpuCap), Math.ceil(memory / Math.max(1, memCap)), Math.ceil(enis / eniCap), ports);
}

/** The instance type the group launches (its launch template version's InstanceType). */
export function groupInstanceType(sim: Simulation, provider: CapacityProvider): string | undefined {
  const group = sim.world.autoScalingGroups[groupNameOf(provider)];
  const template = group ? sim.world.launchTemplates[group.LaunchTemplate.LaunchTemplateId] : undefined;
  return template ? resolveVersion(template, group.LaunchTemplate.Version)?.LaunchTemplateData.InstanceType : undefined;
}
