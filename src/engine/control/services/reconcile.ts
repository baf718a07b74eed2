/**
 * The service scheduler's loop: one `services.reconcile` event per service.
 *
 * Timing (AWS: the scheduler reacts to changes within seconds and re-checks steady services
 * periodically; choice documented here): a reconcile runs at once after CreateService,
 * UpdateService and DeleteService, then every RECONCILE_BUSY_SECONDS (5 s) while anything is in
 * flight (a deployment in progress, tasks starting or stopping, fewer tasks than desired) and
 * every RECONCILE_STEADY_SECONDS (15 s) once the service is steady. A request for an earlier run
 * replaces a later one (stale events are told apart by their `at`).
 *
 * One pass: count outcomes (start failures -> failedTasks, throttle, circuit breaker), register
 * and deregister load balancer targets, replace tasks failing health checks (after the grace
 * period), stop PENDING tasks on DRAINING instances (AWS: "tasks in the PENDING state are stopped
 * immediately"), run the REPLICA or DAEMON scheduler, then update the deployments (COMPLETED,
 * INACTIVE), the steady state and a deleted service's DRAINING -> INACTIVE.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { countCircuitBreakerFailure, markCompleted, primaryOf } from './deployments';
import { serviceEvent, shortTask, svc } from './events';
import { failedHealthCheck, isHealthy, isLive } from './health';
import { registerRunningTasks, deregisterStoppedTasks } from './load-balancers';
import { reconcileDaemon } from './daemon';
import { reconcileReplica, onActiveInstance } from './replica';
import { stopServiceTasks } from './actions';
import { recordStartFailure } from './throttle';
import { reconcileTaskSets } from './task-sets';
import { tasksOfServiceIn } from '../../world/task-index';
import { isQuiet } from './quiet';

export const RECONCILE_EVENT = 'services.reconcile';
export const RECONCILE_BUSY_SECONDS = 5;
export const RECONCILE_STEADY_SECONDS = 15;
/**
 * Skipping (changes.ts, quiet.ts): a periodic pass over a quiet service (steady, or only waiting for
 * its targets' health checks) is skipped while nothing it reads has changed since the pass that
 * found it quiet; such a pass would change nothing. At
 * least every SAFETY_PASS_SECONDS a full pass runs anyway, as a backstop for a change nobody
 * marked. Choice: 30 minutes (AWS documents no interval for its scheduler's periodic checks; at
 * 15 s per tick this is one pass in 120; a full pass over 100 tasks costs about 0.3 ms, so with 100
 * services a shorter backstop is a large part of a big world's run time: bench/large-world.ts).
 */
export const SAFETY_PASS_SECONDS = 1800;

export function requestReconcile(sim: Simulation, service: Service, delay = 0): void {
  // Asked for (UpdateService, a deployment step, ...): the pass it asks for is a full one.
  if (delay === 0) service.unchangedSinceQuietPass = false;
  const at = sim.now + delay;
  if (service.nextReconcileAt !== undefined && service.nextReconcileAt >= sim.now && service.nextReconcileAt <= at) return;
  service.nextReconcileAt = at;
  sim.schedule(delay, { type: RECONCILE_EVENT, serviceArn: service.serviceArn, at });
}

export function onReconcile(sim: Simulation, event: KernelEvent): void {
  const arn = String(event.serviceArn);
  const service = Object.hasOwn(sim.world.services, arn) ? sim.world.services[arn] : undefined;
  if (!service || service.nextReconcileAt !== event.at || service.status === 'INACTIVE') return;
  service.nextReconcileAt = undefined;
  // A skipped pass keeps the pace of the last full one: 5 s while waiting for health checks, 15 s when steady.
  const busy = canSkipPass(sim, service) ? !service.steady : fullPass(sim, service);
  if ((service.status as Service['status']) !== 'INACTIVE') requestReconcile(sim, service, busy ? RECONCILE_BUSY_SECONDS : RECONCILE_STEADY_SECONDS);
}

/** Quiet at the last full pass, nothing changed since (changes.ts), and that pass recent enough. */
function canSkipPass(sim: Simulation, service: Service): boolean {
  return service.unchangedSinceQuietPass === true && sim.now - (service.lastFullPassAt ?? -Infinity) < SAFETY_PASS_SECONDS;
}

function fullPass(sim: Simulation, service: Service): boolean {
  service.unchangedSinceQuietPass = false; // changes made by the pass itself are not news for the next one
  const busy = reconcile(sim, service);
  service.lastFullPassAt = sim.now;
  service.unchangedSinceQuietPass = isQuiet(sim, service, tasksOfService(sim, service));
  return busy;
}

/** The service's tasks (any status), oldest first, from the world's index (world/task-index.ts). */
export const tasksOfService = (sim: Simulation, service: Service): Task[] => tasksOfServiceIn(sim.world, service.serviceArn);

/** One pass of the scheduler; true while the service is not yet steady. */
export function reconcile(sim: Simulation, service: Service): boolean {
  if (service.deploymentController.type !== 'ECS') return reconcileTaskSets(sim, service);
  countOutcomes(sim, service);
  const tasks = tasksOfService(sim, service);
  deregisterStoppedTasks(sim, service, tasks);
  registerRunningTasks(sim, service, tasks);
  replaceUnhealthy(sim, service, tasks);
  const pendingOnDraining = tasks.filter((t) => isLive(t) && t.lastStatus !== 'RUNNING' && !onActiveInstance(sim, t));
  stopServiceTasks(sim, service, pendingOnDraining, 'Container instance is DRAINING: PENDING task stopped');

  const current = tasksOfService(sim, service);
  if (service.schedulingStrategy === 'DAEMON') reconcileDaemon(sim, service, current);
  else reconcileReplica(sim, service, current);
  return settle(sim, service);
}

/** Start failures (stopped before RUNNING) and the end of a run of failures (a task RUNNING since). */
function countOutcomes(sim: Simulation, service: Service): void {
  for (const t of tasksOfService(sim, service)) {
    if (t.serviceOutcomeCounted || t.desiredStatus !== 'STOPPED' || t.startedAt !== undefined) continue;
    if (t.stopCode !== 'TaskFailedToStart' && t.stopCode !== 'EssentialContainerExited') continue;
    t.serviceOutcomeCounted = true;
    const deployment = service.deployments.find((d) => d.id === t.deploymentId);
    if (deployment) deployment.failedTasks += 1;
    recordStartFailure(sim, service);
    sim.emit({ source: 'ecs', kind: 'service.taskFailedToStart', resource: service.serviceArn, message: `${svc(service)} task ${shortTask(t.taskArn)} stopped before reaching RUNNING: ${t.stoppedReason ?? t.stopCode}.` });
    countCircuitBreakerFailure(sim, service, t.deploymentId, 'start');
  }
  const last = service.throttle.lastFailureAt;
  if (last !== undefined && tasksOfService(sim, service).some((t) => t.startedAt !== undefined && t.startedAt > last)) {
    service.throttle = { consecutiveFailures: 0 };
  }
}

function replaceUnhealthy(sim: Simulation, service: Service, tasks: Task[]): void {
  for (const t of tasks) {
    const failed = failedHealthCheck(sim, service, t);
    if (!failed) continue;
    t.serviceOutcomeCounted = true;
    const what = failed === 'container' ? 'failed container health checks' : 'failed ELB health checks';
    serviceEvent(sim, service, `${svc(service)} (task ${shortTask(t.taskArn)}) ${what}.`, 'service.taskUnhealthy');
    stopServiceTasks(sim, service, [t], failed === 'container' ? 'Task failed container health checks' : 'Task failed ELB health checks');
    countCircuitBreakerFailure(sim, service, t.deploymentId, 'health');
  }
}

/** Deployment and service status after a pass; true while not steady. */
function settle(sim: Simulation, service: Service): boolean {
  const primary = primaryOf(service);
  const tasks = tasksOfService(sim, service).filter((t) => t.lastStatus !== 'STOPPED');
  for (const d of service.deployments.slice(1)) {
    if (!tasks.some((t) => t.deploymentId === d.id)) {
      d.status = 'INACTIVE';
      d.updatedAt = sim.now;
    }
  }
  service.deployments = service.deployments.filter((d) => d.status !== 'INACTIVE');
  if (service.status !== 'ACTIVE') {
    if (tasks.length === 0) {
      service.status = 'INACTIVE';
      for (const d of service.deployments) d.status = 'INACTIVE';
      sim.emit({ source: 'ecs', kind: 'service.inactive', resource: service.serviceArn, message: `${svc(service)} is INACTIVE: its last task has stopped.` });
      return false;
    }
    return true;
  }
  if (!primary) return false;
  const D = service.desiredCount;
  const healthyPrimary = tasks.filter((t) => t.deploymentId === primary.id && isHealthy(sim, service, t)).length;
  const settled = service.deployments.length === 1 && tasks.length === D && healthyPrimary === D;
  if (settled && primary.rolloutState === 'IN_PROGRESS') markCompleted(sim, service, primary);
  const steady = settled && primary.rolloutState === 'COMPLETED';
  if (steady && !service.steady) serviceEvent(sim, service, `${svc(service)} has reached a steady state.`, 'service.steadyState');
  service.steady = steady;
  return !steady;
}
