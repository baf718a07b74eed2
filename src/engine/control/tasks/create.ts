/**
 * Creating a task record for RunTask/StartTask once its capacity is chosen, and handing it to the
 * agent (or Fargate):
 *  - Fargate and awsvpc tasks on EC2 start at PROVISIONING (the ENI must be attached first);
 *  - bridge/host/none tasks on EC2 start at PENDING, as RunTask returns them on ECS, and the agent
 *    picks them up AGENT_PICKUP_SECONDS later.
 * ENI attachment on EC2 takes 3-8 s (a documented choice); Fargate provisioning see fargate/.
 */
import type { Simulation } from '../../simulation';
import type { Container, ContainerInstance, Task, TaskDefinition } from '../../world/types';
import { taskArn as makeTaskArn } from '../../world/arn';
import type { TaskRequirements } from '../requirements';
import { reserve } from '../resources';
import { uuid } from '../fargate/network';
import { fargateProvisioningSeconds } from '../fargate/provision';
import { taskId } from './status';
import { addTask } from '../../world/task-index';

export const AGENT_PICKUP_SECONDS = 1;
export const EC2_ENI_ATTACH_SECONDS = { min: 3, max: 8 };

export interface ContainerOverride {
  name: string;
  command?: string[];
  environment?: { name?: string; value?: string }[];
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
}

export interface NewTask {
  clusterArn: string;
  clusterName: string;
  taskDefinition: TaskDefinition;
  launchType: 'EC2' | 'FARGATE';
  group: string;
  startedBy?: string;
  overrides: Task['overrides'];
  tags: Task['tags'];
  availabilityZone: string;
  /** EC2: the chosen container instance and what the task takes from it (resources.ts reserve()). */
  host?: { containerInstance: ContainerInstance; requirements: TaskRequirements };
  platformVersion?: string;
  attachment?: Task['attachments'][number];
  cpu: string;
  memory: string;
  placement?: Task['placement'];
}

/** The task's containers as the agent first reports them: PENDING, with overrides applied. */
export function buildContainers(sim: Simulation, clusterName: string, id: string, taskDefinition: TaskDefinition, taskOverrides: Task['overrides']): Container[] {
  const overrides = taskOverrides.containerOverrides as ContainerOverride[];
  return taskDefinition.containerDefinitions.map((cd) => {
    const o = overrides.find((x) => x.name === cd.name);
    const memory = o?.memory ?? cd.memory;
    const memoryReservation = o?.memoryReservation ?? cd.memoryReservation;
    return {
      containerArn: `arn:aws:ecs:${sim.world.region}:${sim.world.accountId}:container/${clusterName}/${id}/${uuid(sim)}`,
      name: cd.name ?? '',
      image: cd.image ?? '',
      lastStatus: 'PENDING',
      essential: cd.essential ?? true,
      healthStatus: 'UNKNOWN',
      networkBindings: [],
      cpu: String(o?.cpu ?? cd.cpu ?? 0),
      ...(memory !== undefined ? { memory: String(memory) } : {}),
      ...(memoryReservation !== undefined ? { memoryReservation: String(memoryReservation) } : {}),
    };
  });
}

export function createTask(sim: Simulation, n: NewTask): Task {
  const id = sim.random.hex(32);
  const arn = makeTaskArn(sim.world, n.clusterName, id);
  const containers = buildContainers(sim, n.clusterName, id, n.taskDefinition, n.overrides);
  const awsvpc = n.attachment !== undefined;
  const task: Task = {
    taskArn: arn,
    clusterArn: n.clusterArn,
    taskDefinitionArn: n.taskDefinition.taskDefinitionArn,
    launchType: n.launchType,
    ...(n.platformVersion ? { platformVersion: n.platformVersion } : {}),
    lastStatus: n.launchType === 'FARGATE' || awsvpc ? 'PROVISIONING' : 'PENDING',
    desiredStatus: 'RUNNING',
    group: n.group,
    ...(n.startedBy !== undefined ? { startedBy: n.startedBy } : {}),
    cpu: n.cpu,
    memory: n.memory,
    availabilityZone: n.availabilityZone,
    containers,
    overrides: n.overrides,
    attachments: n.attachment ? [n.attachment] : [],
    reserved: { cpu: 0, memory: 0, ports: [], portsUdp: [], eni: false },
    healthStatus: 'UNKNOWN',
    createdAt: sim.now,
    version: 1,
    tags: n.tags,
    ...(n.placement ? { placement: n.placement } : {}),
  };
  if (n.host) reserve(sim.world, task, n.host.containerInstance, n.host.requirements);
  addTask(sim.world, task);
  const where = n.launchType === 'FARGATE' ? `on Fargate (platform version ${n.platformVersion}) in ${n.availabilityZone}` : `on container instance ${taskId(task.containerInstanceArn ?? '')} (${task.ec2InstanceId})`;
  sim.emit({
    source: 'ecs',
    kind: 'task.created',
    resource: arn,
    message: `Task ${id} of ${n.taskDefinition.family}:${n.taskDefinition.revision} created ${where}; lastStatus ${task.lastStatus}, desiredStatus RUNNING.`,
    detail: { group: n.group, launchType: n.launchType },
  });
  if (n.launchType === 'FARGATE') {
    sim.schedule(fargateProvisioningSeconds(sim), { type: 'agent.provisioned', taskArn: arn });
  } else if (awsvpc) {
    const seconds = Math.round(sim.random.between(EC2_ENI_ATTACH_SECONDS.min, EC2_ENI_ATTACH_SECONDS.max) * 10) / 10;
    sim.schedule(seconds, { type: 'agent.provisioned', taskArn: arn });
  } else {
    sim.schedule(AGENT_PICKUP_SECONDS, { type: 'agent.pickedUp', taskArn: arn });
  }
  return task;
}
