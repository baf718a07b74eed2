/**
 * Tasks waiting in PROVISIONING for an Auto Scaling group capacity provider's instances.
 *
 * AWS ("Deep dive on Amazon ECS cluster auto scaling"): with managed scaling enabled, a task that
 * no instance of the provider can take does not fail: it goes into PROVISIONING, is counted in
 * CapacityProviderReservation (so the group scales out) and is placed once capacity arrives. "A
 * maximum of 100 tasks can be in the provisioning state for any cluster, and provisioning tasks
 * will wait for capacity for between 10 and 30 minutes before transitioning to STOPPED."
 *
 * Choices where AWS leaves room (documented here):
 *  - The wait lasts PROVISIONING_TIMEOUT_SECONDS = 30 minutes (the upper bound AWS gives), then
 *    the task stops with stopCode TaskFailedToStart and the reason below.
 *  - Placement is retried, oldest task first, when a container instance of the provider registers
 *    and on every managed scaling tick (once a minute), so room freed by stopped tasks is used too.
 *  - A waiting task has no container instance and no ENI yet; on placement it takes them and goes
 *    on as a placed task would (bridge/host: PENDING; awsvpc: stays PROVISIONING until the ENI is
 *    attached).
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { ContainerInstance, PlacementExplanation, Task } from '../../world/types';
import type { CapacityWait } from '../../world/capacity-types';
import type { LaunchContext } from '../../aws/ecs/tasks-launch';
import { taskArn as makeTaskArn } from '../../world/arn';
import { eniAttachment } from '../fargate/network';
import { reserve } from '../resources';
import { taskRequirements } from '../requirements';
import { AGENT_PICKUP_SECONDS, EC2_ENI_ATTACH_SECONDS, buildContainers } from '../tasks/create';
import { setTaskStatus, taskId } from '../tasks/status';
import { stopTask } from '../tasks/stop';
import { findTaskDefinition } from '../../aws/ecs/task-definition-lookup';
import { placeOnProvider } from './place';
import { protectIfManaged } from './protection';
import { addTask } from '../../world/task-index';

export const PROVISIONING_TIMEOUT_SECONDS = 30 * 60;
export const MAX_PROVISIONING_TASKS_PER_CLUSTER = 100;
export const provisioningTimeoutReason = (provider: string) =>
  `Capacity provider ${provider} did not provide capacity for this task within ${PROVISIONING_TIMEOUT_SECONDS / 60} minutes: no container instance of its Auto Scaling group met the task's requirements.`;

export const waitsOf = (sim: Simulation): Record<string, CapacityWait> => (sim.world.capacityWaits ??= {});

export function waitingInCluster(sim: Simulation, clusterArn: string): CapacityWait[] {
  return Object.values(waitsOf(sim)).filter((w) => w.clusterArn === clusterArn);
}

/** Creates the task in PROVISIONING with no container instance, and records its wait. */
export function createWaitingTask(
  sim: Simulation,
  ctx: LaunchContext,
  wait: Omit<CapacityWait, 'taskArn' | 'clusterArn' | 'since'>,
  cpu: number,
  memory: number,
): Task {
  const id = sim.random.hex(32);
  const { cluster, taskDefinition: td } = ctx;
  const arn = makeTaskArn(sim.world, cluster.clusterName, id);
  const containers = buildContainers(sim, cluster.clusterName, id, td, ctx.overrides);
  const task: Task = {
    taskArn: arn,
    clusterArn: cluster.clusterArn,
    taskDefinitionArn: td.taskDefinitionArn,
    launchType: 'EC2',
    capacityProviderName: wait.capacityProviderName,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    group: ctx.group,
    ...(ctx.startedBy !== undefined ? { startedBy: ctx.startedBy } : {}),
    cpu: String(cpu),
    memory: String(memory),
    availabilityZone: '',
    containers,
    overrides: ctx.overrides,
    attachments: [],
    reserved: { cpu: 0, memory: 0, ports: [], portsUdp: [], eni: false },
    healthStatus: 'UNKNOWN',
    createdAt: sim.now,
    version: 1,
    tags: ctx.tags,
  };
  addTask(sim.world, task);
  waitsOf(sim)[arn] = { ...wait, taskArn: arn, clusterArn: cluster.clusterArn, since: sim.now };
  sim.emit({
    source: 'ecs',
    kind: 'task.created',
    resource: arn,
    message:
      `Task ${id} of ${td.family}:${td.revision} created in PROVISIONING: it waits for capacity from capacity provider ${wait.capacityProviderName} ` +
      `(${wait.lastReason}); managed scaling counts it in CapacityProviderReservation so the Auto Scaling group scales out.`,
    detail: { group: ctx.group, launchType: 'EC2', capacityProviderName: wait.capacityProviderName },
  });
  sim.schedule(PROVISIONING_TIMEOUT_SECONDS, { type: 'capacity.provisioningTimeout', taskArn: arn });
  return task;
}

/** Tries to place every waiting task of the cluster (all clusters when omitted), oldest first. */
export function placeWaitingTasks(sim: Simulation, clusterArn?: string, capacityProviderName?: string): void {
  const waits = waitsOf(sim);
  for (const wait of Object.values(waits)) {
    if (clusterArn && wait.clusterArn !== clusterArn) continue;
    if (capacityProviderName && wait.capacityProviderName !== capacityProviderName) continue;
    const task = Object.hasOwn(sim.world.tasks, wait.taskArn) ? sim.world.tasks[wait.taskArn] : undefined;
    if (!task || task.desiredStatus !== 'RUNNING' || task.lastStatus !== 'PROVISIONING') {
      delete waits[wait.taskArn];
      continue;
    }
    const td = findTaskDefinition(sim.world, task.taskDefinitionArn);
    if (!td) continue;
    const placement = placeOnProvider(sim, {
      clusterArn: wait.clusterArn,
      capacityProviderName: wait.capacityProviderName,
      taskDefinition: td,
      overrides: { cpu: task.overrides.cpu, memory: task.overrides.memory },
      group: task.group,
      placementStrategy: wait.placementStrategy,
      placementConstraints: wait.placementConstraints,
    });
    if (!placement.containerInstance) {
      wait.lastReason = placement.failureReason ?? wait.lastReason;
      continue;
    }
    delete waits[wait.taskArn];
    startPlacedTask(sim, task, wait, placement.containerInstance, placement.explanation);
  }
}

/** A waiting task found its container instance: take the resources and go on as a placed task. */
function startPlacedTask(sim: Simulation, task: Task, wait: CapacityWait, ci: ContainerInstance, explanation: PlacementExplanation): void {
  const td = findTaskDefinition(sim.world, task.taskDefinitionArn)!;
  const requirements = taskRequirements(td, { cpu: task.overrides.cpu, memory: task.overrides.memory });
  reserve(sim.world, task, ci, requirements);
  const ec2 = Object.hasOwn(sim.world.instances, ci.ec2InstanceId) ? sim.world.instances[ci.ec2InstanceId] : undefined;
  task.availabilityZone = ec2?.Placement.AvailabilityZone ?? ci.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? '';
  task.placement = explanation;
  task.version += 1;
  const waited = Math.round(sim.now - wait.since);
  sim.emit({
    source: 'ecs',
    kind: 'task.placement',
    resource: task.taskArn,
    message: `Task ${taskId(task.taskArn)} waited ${waited} s in PROVISIONING and is now placed on container instance ${taskId(ci.containerInstanceArn)} (${ci.ec2InstanceId}): ${explanation.summary}`,
  });
  protectIfManaged(sim, ci);
  if (wait.awsvpc) {
    const subnets = wait.awsvpc.subnetIds.filter((id) => Object.hasOwn(sim.world.subnets, id)).map((id) => sim.world.subnets[id]);
    const subnet = subnets.find((s) => s.AvailabilityZone === task.availabilityZone) ?? (ec2 ? sim.world.subnets[ec2.SubnetId] : undefined) ?? subnets[0];
    if (subnet) task.attachments = [eniAttachment(sim, subnet)];
    const seconds = Math.round(sim.random.between(EC2_ENI_ATTACH_SECONDS.min, EC2_ENI_ATTACH_SECONDS.max) * 10) / 10;
    sim.schedule(seconds, { type: 'agent.provisioned', taskArn: task.taskArn });
  } else {
    setTaskStatus(sim, task, 'PENDING', `placed on ${ci.ec2InstanceId}; the container agent picks it up`);
    sim.schedule(AGENT_PICKUP_SECONDS, { type: 'agent.pickedUp', taskArn: task.taskArn });
  }
}

/** capacity.provisioningTimeout: a task still waiting after 30 minutes is stopped. */
export function onProvisioningTimeout(sim: Simulation, event: KernelEvent): void {
  const arn = event.taskArn as string;
  const waits = waitsOf(sim);
  const wait = Object.hasOwn(waits, arn) ? waits[arn] : undefined;
  if (!wait) return;
  delete waits[arn];
  stopTask(sim, arn, 'TaskFailedToStart', provisioningTimeoutReason(wait.capacityProviderName));
}

/** capacity.placeWaiting {clusterArn}: retry placement (scheduled when an instance registers). */
export function onPlaceWaiting(sim: Simulation, event: KernelEvent): void {
  placeWaitingTasks(sim, typeof event.clusterArn === 'string' ? event.clusterArn : undefined);
}
