/**
 * Test fixtures for service tests: a cluster with container instances, a task definition and a
 * service, plus samplers that read the service as DescribeServices does.
 *
 *   const s = sandbox();
 *   const { instances } = serviceCluster(s, { instances: 3 });
 *   createService(s, { serviceName: 'web', desiredCount: 3 });
 */
import type { Service as SdkService } from '@aws-sdk/client-ecs';
import type { Sandbox } from './harness';
import { launchContainerInstances } from './ec2-fixtures';
import { registerTaskDefinition } from './task-fixtures';

export const CLUSTER = 'prod';

export function serviceCluster(s: Sandbox, options: { instances?: number; instanceType?: string; availabilityZones?: string[] } = {}) {
  const instances = launchContainerInstances(s, {
    cluster: CLUSTER,
    count: options.instances ?? 3,
    instanceType: options.instanceType ?? 'm5.large',
    ...(options.availabilityZones ? { availabilityZones: options.availabilityZones } : {}),
  });
  return { instances };
}

/** A bridge-mode web task definition; `container` fields override the container's. */
export function webTaskDefinition(s: Sandbox, container: Record<string, unknown> = {}, family = 'web'): string {
  return registerTaskDefinition(s, {
    family,
    containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 256, cpu: 256, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }], ...container }],
  });
}

export function createService(s: Sandbox, input: Record<string, unknown>): SdkService {
  return s.output('ecs:CreateService', { cluster: CLUSTER, taskDefinition: 'web', launchType: 'EC2', ...input }).service;
}

export function describeService(s: Sandbox, name = 'web'): SdkService {
  const out = s.output('ecs:DescribeServices', { cluster: CLUSTER, services: [name], include: ['TAGS'] });
  if (out.services.length !== 1) throw new Error(`no service ${name}: ${JSON.stringify(out.failures)}`);
  return out.services[0];
}

/** The service's tasks in the world (any status), oldest first. */
export function serviceTasks(s: Sandbox, name = 'web') {
  return Object.values(s.world.tasks)
    .filter((t) => t.group === `service:${name}`)
    .sort((a, b) => a.createdAt - b.createdAt);
}

export const liveTasks = (s: Sandbox, name = 'web') => serviceTasks(s, name).filter((t) => t.lastStatus !== 'STOPPED');

export const runningTasks = (s: Sandbox, name = 'web') => serviceTasks(s, name).filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');

/** Service event messages, oldest first. */
export function serviceMessages(s: Sandbox, name = 'web'): string[] {
  return describeService(s, name).events!.map((e) => e.message!).reverse();
}

export const isSteady = (s: Sandbox, name = 'web') => {
  const d = describeService(s, name);
  return d.deployments!.length === 1 && d.runningCount === d.desiredCount && d.deployments![0].rolloutState === 'COMPLETED';
};
