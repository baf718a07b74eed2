/**
 * The DAEMON scheduler (ECS guide "Daemon"): one task on every ACTIVE container instance of the
 * cluster that meets the service's placement constraints; none on DRAINING instances (a daemon
 * task on an instance that starts draining is stopped). Its desiredCount follows the number of
 * such instances. Deployments replace the task on each instance: the old task is stopped first
 * (maximumPercent is 100 for daemons), as far as minimumHealthyPercent allows (default 0), then the
 * new one is started on that instance.
 *
 * Choice: an instance is "eligible" unless the service's own constraints (memberOf,
 * distinctInstance) turn it down; an instance that qualifies but lacks CPU, memory or ports counts
 * toward desiredCount and gets ECS's "unable to place a task" event, retried every reconcile.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { isHealthy, isLive } from './health';
import { primaryOf } from './deployments';
import { launchTasks, stopServiceTasks, type PlacementProblem } from './actions';
import { throttleWait } from './throttle';
import { serviceEvent, svc } from './events';

const CONSTRAINT_REASONS = ['MemberOf', 'DistinctInstance'];

export function reconcileDaemon(sim: Simulation, service: Service, tasks: Task[]): PlacementProblem | undefined {
  const primary = primaryOf(service);
  if (!primary) return undefined;
  const live = tasks.filter(isLive);
  const healthyOf = (t: Task) => isHealthy(sim, service, t);
  const instances = Object.values(sim.world.containerInstances).filter((ci) => ci.clusterArn === service.clusterArn && ci.status !== 'INACTIVE');
  const byInstance = new Map<string, Task[]>();
  for (const t of live) byInstance.set(t.containerInstanceArn ?? '', [...(byInstance.get(t.containerInstanceArn ?? '') ?? []), t]);

  // Tasks on instances that are no longer ACTIVE, extra tasks on one instance, and everything once the service is deleted.
  const stopNow: Task[] = [];
  for (const t of live) {
    const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
    if (service.status !== 'ACTIVE' || !ci || ci.status !== 'ACTIVE') stopNow.push(t);
  }
  for (const list of byInstance.values()) {
    const extra = list.filter((t) => !stopNow.includes(t)).sort((a, b) => Number(b.deploymentId === primary.id) - Number(a.deploymentId === primary.id)).slice(1);
    stopNow.push(...extra);
  }
  stopServiceTasks(sim, service, stopNow, service.status === 'ACTIVE' ? 'Container instance is not ACTIVE: daemon task stopped' : `Scaling activity initiated by (deployment ${primary.id})`);
  if (service.status !== 'ACTIVE') return undefined;

  const active = instances.filter((ci) => ci.status === 'ACTIVE');
  const remaining = live.filter((t) => !stopNow.includes(t));
  let healthy = remaining.filter(healthyOf).length;
  let desired = 0;
  const replace: Task[] = [];
  const halted = primary.rolloutState === 'FAILED' || throttleWait(sim, service) > 0;
  let problem: PlacementProblem | undefined;
  const started: string[] = [];
  for (const ci of active) {
    const here = remaining.filter((t) => t.containerInstanceArn === ci.containerInstanceArn);
    if (here.some((t) => t.deploymentId === primary.id)) {
      desired++;
      continue;
    }
    if (here.length > 0) {
      desired++;
      replace.push(here[0]);
      continue;
    }
    if (halted) continue;
    const { started: s, problem: p } = launchTasks(sim, service, primary, 1, ci.ec2InstanceId);
    if (s.length) {
      desired++;
      started.push(...s.map((t) => t.taskArn));
    } else if (p && !CONSTRAINT_REASONS.includes(p.reason)) {
      desired++;
      problem = p;
    }
  }
  if (service.desiredCount !== desired) {
    sim.emit({ source: 'ecs', kind: 'service.desiredCount', resource: service.serviceArn, message: `${svc(service)} DAEMON desiredCount is now ${desired}: one task per eligible ACTIVE container instance.` });
    service.desiredCount = desired;
  }
  // Old-deployment tasks: stop while the lower bound allows; their instance gets a new task next pass.
  const lower = Math.ceil((desired * service.deploymentConfiguration.minimumHealthyPercent) / 100);
  const stopping: Task[] = [];
  if (!halted) {
    for (const t of replace) {
      if (healthyOf(t) && healthy - 1 < lower) continue;
      if (healthyOf(t)) healthy--;
      stopping.push(t);
    }
  }
  stopServiceTasks(sim, service, stopping, `Scaling activity initiated by (deployment ${primary.id})`);
  if (started.length === 0 && stopping.length === 0 && replace.length > 0 && !halted && remaining.every((t) => healthyOf(t))) {
    serviceEvent(sim, service, `${svc(service)} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`, 'service.deploymentBlocked');
  }
  return problem;
}
