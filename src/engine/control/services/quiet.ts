/**
 * When a scheduler pass would change nothing: reconcile.ts skips the periodic passes of a quiet
 * service while nothing such a pass reads has changed (changes.ts clears the mark).
 *
 * A REPLICA service of the ECS deployment controller is quiet when it has one deployment and
 * exactly desiredCount tasks not STOPPED, each of that deployment, wanted RUNNING and on an ACTIVE
 * container instance (or on Fargate); those already RUNNING registered in their target groups and
 * neither UNHEALTHY by container health checks nor unhealthy in a target group. Then a pass starts
 * nothing (none missing), stops nothing (none extra, none to replace, none on a DRAINING instance),
 * registers nothing, and its deployment and steady state only move when a task or target changes.
 * Time alone moves nothing: the health check grace period only spares tasks that are unhealthy,
 * and the start-failure throttle only delays starts. A quiet service may be steady (every target
 * healthy) or waiting (tasks starting, targets in their initial health checks).
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { targetKey } from '../elb/health';
import { containerHealth } from './health';
import { loadBalancerHealth, loadBalancersOf, targetOf } from './load-balancers';
import { onActiveInstance } from './replica';
import { primaryOf } from './deployments';

/** Registered in every target group of its deployment that exists (registerRunningTasks would do nothing). */
function registered(sim: Simulation, service: Service, task: Task): boolean {
  for (const lb of loadBalancersOf(service, task)) {
    const tg = sim.world.targetGroups[lb.targetGroupArn];
    if (!tg) continue;
    const target = targetOf(sim, lb, task);
    if (target && !tg.targets[targetKey(target.Id, target.Port ?? tg.Port)]) return false;
  }
  return true;
}

export function isQuiet(sim: Simulation, service: Service, tasks: readonly Task[]): boolean {
  if (service.status !== 'ACTIVE' || service.schedulingStrategy === 'DAEMON' || service.deploymentController.type !== 'ECS') return false;
  const primary = primaryOf(service);
  if (!primary || service.deployments.length !== 1) return false;
  let live = 0;
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED') continue;
    live++;
    if (t.desiredStatus !== 'RUNNING' || t.deploymentId !== primary.id || !onActiveInstance(sim, t)) return false;
    if (t.lastStatus !== 'RUNNING') continue; // still starting: the next move is its own (a status change)
    if (containerHealth(sim, t) === 'UNHEALTHY' || loadBalancerHealth(sim, service, t) === 'UNHEALTHY' || !registered(sim, service, t)) return false;
  }
  return live === service.desiredCount;
}
