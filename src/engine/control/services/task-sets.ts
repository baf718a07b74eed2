/**
 * The service scheduler for services whose tasks come from task sets (deploymentController
 * CODE_DEPLOY or EXTERNAL): one pass per reconcile, called by reconcile.ts.
 *
 * For each task set: deregister the targets of its stopped tasks and register its RUNNING tasks in
 * the task set's own target group; replace tasks that fail container or ELB health checks (after
 * the grace period); start tasks until computedDesiredCount (= desiredCount x scale%, rounded up)
 * are live, or stop the extra ones; then set stabilityStatus. A DRAINING task set has all its
 * tasks stopped and is removed once none is left. A deleted service (DRAINING) becomes INACTIVE
 * once its last task has stopped.
 *
 * Choices: a task counts as ready for stabilityStatus when it is RUNNING, its checked containers
 * are HEALTHY, and its target is `healthy` — or `unused` when no listener uses the target group
 * yet (the load balancer does not health-check it, as for the replacement target group before
 * traffic is routed to it). The start-failure throttle and the circuit breaker are the ECS
 * deployment controller's and do not apply here; tasks on DRAINING instances are not moved.
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceDeployment } from '../../world/service-types';
import type { TaskSet } from '../../world/codedeploy-types';
import type { Task } from '../../world/types';
import { computedDesiredCount, taskSetsOf, taskSetsOfService } from '../../aws/ecs/task-sets-store';
import { targetHealth } from '../elb/health';
import { launchTasks, stopServiceTasks } from './actions';
import { serviceEvent, shortTask, svc } from './events';
import { containerHealth, failedHealthCheck, isLive } from './health';
import { registerRunningTasks, targetOf } from './load-balancers';
import { deregisterStoppedTasks } from './drain';
import { tasksOfServiceIn } from '../../world/task-index';

/** The service as the scheduler sees it for one task set: the task set's target group. */
export const serviceViewOf = (service: Service, taskSet: TaskSet): Service => ({ ...service, loadBalancers: taskSet.loadBalancers });

/** A task set in the shape launchServiceTask takes (its tasks carry the task set's id). */
export function deploymentViewOf(taskSet: TaskSet): ServiceDeployment {
  return {
    id: taskSet.id,
    status: 'ACTIVE',
    taskDefinition: taskSet.taskDefinition,
    launchType: taskSet.launchType,
    ...(taskSet.platformVersion ? { platformVersion: taskSet.platformVersion } : {}),
    ...(taskSet.networkConfiguration ? { networkConfiguration: taskSet.networkConfiguration } : {}),
    createdAt: taskSet.createdAt,
    updatedAt: taskSet.updatedAt,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: '',
    failedTasks: 0,
    circuitBreakerFailures: 0,
  };
}

const tasksOf = (sim: Simulation, service: Service) => tasksOfServiceIn(sim.world, service.serviceArn);

/** RUNNING, container-healthy, and healthy (or unused) in the task set's target group. */
export function isReadyTaskSetTask(sim: Simulation, view: Service, task: Task): boolean {
  if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return false;
  if (containerHealth(sim, task) !== 'HEALTHY') return false;
  for (const lb of view.loadBalancers) {
    if (!sim.world.targetGroups[lb.targetGroupArn]) continue;
    const target = targetOf(sim, lb, task);
    if (!target) return false;
    const state = targetHealth(sim.world, lb.targetGroupArn, target).State;
    if (state !== 'healthy' && state !== 'unused') return false;
  }
  return true;
}

function reconcileOne(sim: Simulation, service: Service, taskSet: TaskSet): boolean {
  const view = serviceViewOf(service, taskSet);
  const mine = () => tasksOf(sim, service).filter((t) => t.deploymentId === taskSet.id);
  deregisterStoppedTasks(sim, view, mine());
  registerRunningTasks(sim, view, mine());
  for (const t of mine()) {
    const failed = failedHealthCheck(sim, view, t);
    if (!failed) continue;
    t.serviceOutcomeCounted = true;
    serviceEvent(sim, service, `${svc(service)} (task ${shortTask(t.taskArn)}) ${failed === 'container' ? 'failed container health checks' : 'failed ELB health checks'}.`, 'service.taskUnhealthy');
    stopServiceTasks(sim, view, [t], failed === 'container' ? 'Task failed container health checks' : 'Task failed ELB health checks');
  }
  const want = computedDesiredCount(service, taskSet);
  const live = mine().filter(isLive);
  if (live.length < want) launchTasks(sim, view, deploymentViewOf(taskSet), want - live.length);
  else if (live.length > want) {
    // Not-ready tasks first, then the newest (our choice; ECS's own order for task sets is not documented).
    const order = [...live].sort((a, b) => Number(isReadyTaskSetTask(sim, view, a)) - Number(isReadyTaskSetTask(sim, view, b)) || b.createdAt - a.createdAt);
    stopServiceTasks(sim, view, order.slice(0, live.length - want), `Scaling activity initiated by (deployment ${taskSet.id})`);
  }
  const now = mine().filter((t) => t.lastStatus !== 'STOPPED');
  const steady = now.length === want && now.every((t) => isReadyTaskSetTask(sim, view, t));
  const status = steady ? 'STEADY_STATE' : 'STABILIZING';
  if (taskSet.stabilityStatus !== status) {
    taskSet.stabilityStatus = status;
    taskSet.stabilityStatusAt = sim.now;
    sim.emit({ source: 'ecs', kind: 'taskSet.stability', resource: taskSet.taskSetArn, message: `${svc(service)} task set ${taskSet.id} is ${status}: ${now.length} of ${want} tasks${steady ? ' running and healthy' : ''}.` });
  }
  if (taskSet.status === 'DRAINING' && now.length === 0) {
    delete taskSetsOf(sim.world)[taskSet.taskSetArn];
    sim.emit({ source: 'ecs', kind: 'taskSet.removed', resource: taskSet.taskSetArn, message: `${svc(service)} task set ${taskSet.id} has no tasks left and is deleted.` });
    return false;
  }
  return !steady;
}

/** One pass over the service's task sets; true while the service is not yet steady. */
export function reconcileTaskSets(sim: Simulation, service: Service): boolean {
  let busy = false;
  for (const taskSet of taskSetsOfService(sim.world, service.serviceArn)) {
    if (reconcileOne(sim, service, taskSet)) busy = true;
  }
  const left = tasksOf(sim, service).filter((t) => t.lastStatus !== 'STOPPED');
  if (service.status !== 'ACTIVE') {
    if (left.length > 0) return true;
    for (const t of taskSetsOfService(sim.world, service.serviceArn)) delete taskSetsOf(sim.world)[t.taskSetArn];
    service.status = 'INACTIVE';
    sim.emit({ source: 'ecs', kind: 'service.inactive', resource: service.serviceArn, message: `${svc(service)} is INACTIVE: its last task has stopped.` });
    return false;
  }
  const steady = !busy && taskSetsOfService(sim.world, service.serviceArn).every((t) => t.status !== 'DRAINING');
  if (steady && !service.steady) serviceEvent(sim, service, `${svc(service)} has reached a steady state.`, 'service.steadyState');
  service.steady = steady;
  return !steady;
}
