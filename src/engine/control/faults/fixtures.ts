/**
 * Test fixtures for fault and cost tests: a cluster "prod" with EC2 capacity, RUNNING EC2 and
 * Fargate tasks, through the real API.
 */
import type { Sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { fargateTaskDefinition, registerTaskDefinition, runTasks } from '../../testing/task-fixtures';

/** Launches `count` m5.large container instances in cluster prod, one per AZ in order; returns their EC2 ids. */
export function ec2Capacity(s: Sandbox, count: number, availabilityZones?: string[]): string[] {
  const arns = launchContainerInstances(s, { cluster: 'prod', count, ...(availabilityZones ? { availabilityZones } : {}) });
  return arns.map((a) => s.world.containerInstances[a].ec2InstanceId);
}

/** Runs `count` bridge-mode tasks of `family` (nginx, 128 MiB) on the cluster and waits until RUNNING. */
export function runningEc2Tasks(s: Sandbox, count: number, family = 'web', container: Record<string, unknown> = {}): string[] {
  registerTaskDefinition(s, { family, containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 128, cpu: 128, portMappings: [{ containerPort: 80, hostPort: 0 }], ...container }] });
  const arns = runTasks(s, { cluster: 'prod', taskDefinition: family, count });
  s.advanceUntil(() => arns.every((a) => s.world.tasks[a].lastStatus === 'RUNNING'), 600);
  return arns;
}

/** The default subnets of the given AZs (default: the first two). */
export function subnetsIn(s: Sandbox, azs = s.world.availabilityZones.slice(0, 2)): string[] {
  return Object.values(s.world.subnets).filter((x) => azs.includes(x.AvailabilityZone)).map((x) => x.SubnetId);
}

/** Runs `count` Fargate tasks (0.25 vCPU, 0.5 GB) in the given subnets; waits until RUNNING unless told not to. */
export function runningFargateTasks(s: Sandbox, count: number, subnets = subnetsIn(s), wait = true): string[] {
  if (!Object.values(s.world.clusters).some((c) => c.clusterName === 'prod')) s.call('ecs:CreateCluster', { clusterName: 'prod' });
  if (!Object.values(s.world.taskDefinitions).some((d) => d.family === 'api')) registerTaskDefinition(s, fargateTaskDefinition('api'));
  const arns = runTasks(s, { cluster: 'prod', taskDefinition: 'api', count, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } });
  if (wait) s.advanceUntil(() => arns.every((a) => s.world.tasks[a].lastStatus === 'RUNNING'), 600);
  return arns;
}

export const inject = (s: Sandbox, type: string, target: string, extra: Record<string, unknown> = {}) => s.output('sim:InjectFault', { type, target, ...extra });
