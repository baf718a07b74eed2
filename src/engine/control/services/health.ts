/**
 * When the service scheduler counts a task as healthy, and when it replaces one as unhealthy.
 *
 * AWS (ECS developer guide, "Deploy Amazon ECS services by replacing tasks" and "Health checks"):
 * a service task is healthy when it is RUNNING, its essential containers that have a container
 * health check report HEALTHY, and (with load balancers) its target is healthy in every target
 * group of the service. A task still being evaluated (UNKNOWN, ELB `initial`) is not yet healthy.
 * `healthCheckGracePeriodSeconds`: the scheduler ignores ELB and container health for that long
 * after the task starts (RUNNING), so it does not replace a slow starter.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { findTaskDefinition } from '../../aws/ecs/task-definition-lookup';
import { loadBalancerHealth } from './load-balancers';

export const isLive = (t: Task) => t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING';

/** Names of the essential containers of the task's definition that define a health check. */
function checkedContainers(sim: Simulation, task: Task): string[] {
  const td = findTaskDefinition(sim.world, task.taskDefinitionArn);
  const out: string[] = [];
  for (const cd of td?.containerDefinitions ?? []) if (cd.healthCheck && (cd.essential ?? true)) out.push(cd.name ?? '');
  return out;
}

export type TaskHealth = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** Container health of a service task: UNHEALTHY if a checked essential container is, HEALTHY when all checked ones are (or there are none). */
export function containerHealth(sim: Simulation, task: Task): TaskHealth {
  const names = checkedContainers(sim, task);
  if (names.length === 0) return 'HEALTHY'; // nothing checked (the common case): no need to look at the containers
  const states = task.containers.filter((c) => names.includes(c.name)).map((c) => c.healthStatus);
  if (states.includes('UNHEALTHY')) return 'UNHEALTHY';
  if (states.includes('UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
}

/** RUNNING, wanted, and healthy by container and load balancer health checks. */
export function isHealthy(sim: Simulation, service: Service, task: Task): boolean {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return false;
  return containerHealth(sim, task) === 'HEALTHY' && loadBalancerHealth(sim, service, task) === 'HEALTHY';
}

export const inGracePeriod = (sim: Simulation, service: Service, task: Task) =>
  task.startedAt !== undefined && sim.now - task.startedAt < service.healthCheckGracePeriodSeconds;

/** Why a RUNNING task must be replaced for failing health checks, or undefined. */
export function failedHealthCheck(sim: Simulation, service: Service, task: Task): 'container' | 'elb' | undefined {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING' || inGracePeriod(sim, service, task)) return undefined;
  if (containerHealth(sim, task) === 'UNHEALTHY') return 'container';
  if (loadBalancerHealth(sim, service, task) === 'UNHEALTHY') return 'elb';
  return undefined;
}
