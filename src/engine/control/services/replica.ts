/**
 * The REPLICA scheduler's rolling update (aws-semantics.md "Services"; ECS guide "Deploy Amazon
 * ECS services by replacing tasks"). With D = desiredCount:
 *   lower bound = ceil(D x minimumHealthyPercent / 100): never stop a healthy task if fewer healthy
 *                 tasks than this would remain;
 *   upper bound = floor(D x maximumPercent / 100): never have more tasks (every task not yet
 *                 STOPPED, of every deployment, including those stopping) than this.
 * One pass: start PRIMARY tasks while fewer than D PRIMARY tasks are live on ACTIVE instances and
 * the upper bound allows; then stop tasks beyond D (old deployments and tasks on DRAINING
 * instances first, then the PRIMARY's extra ones, in stop-order.ts's order), plus old tasks that
 * stand in the way of starts the upper bound blocks, as far as the lower bound allows.
 * When the bounds allow no move at all, ECS's event says so.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { serviceEvent, svc } from './events';
import { isHealthy, isLive } from './health';
import { primaryOf } from './deployments';
import { launchTasks, stopServiceTasks, type PlacementProblem } from './actions';
import { pickTaskToStop } from './stop-order';
import { throttleWait } from './throttle';

export const bounds = (desired: number, minimumHealthyPercent: number, maximumPercent: number) => ({
  lower: Math.ceil((desired * minimumHealthyPercent) / 100),
  upper: Math.floor((desired * maximumPercent) / 100),
});

export const DEPLOYMENT_CONFIGURATION_BLOCKS =
  'was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.';

export function onActiveInstance(sim: Simulation, task: Task): boolean {
  if (!task.containerInstanceArn) return true;
  return sim.world.containerInstances[task.containerInstanceArn]?.status === 'ACTIVE';
}

export function reconcileReplica(sim: Simulation, service: Service, tasks: Task[]): PlacementProblem | undefined {
  const primary = primaryOf(service);
  if (!primary) return undefined;
  const D = service.status === 'ACTIVE' ? service.desiredCount : 0;
  const { lower, upper } = bounds(D, service.deploymentConfiguration.minimumHealthyPercent, service.deploymentConfiguration.maximumPercent);
  const healthyOf = (t: Task) => isHealthy(sim, service, t);
  const nonStopped = tasks.filter((t) => t.lastStatus !== 'STOPPED');
  const live = nonStopped.filter(isLive);
  const keepers = live.filter((t) => t.deploymentId === primary.id && onActiveInstance(sim, t));
  const keeperSet = new Set(keepers);
  const replaceable = live.filter((t) => !keeperSet.has(t));
  let healthy = live.filter(healthyOf).length;

  // 1. Start PRIMARY tasks, within the upper bound.
  const need = Math.max(0, D - keepers.length);
  const room = Math.max(0, upper - nonStopped.length);
  const halted = primary.rolloutState === 'FAILED' || (need > 0 && throttleWait(sim, service) > 0);
  const toStart = halted ? 0 : Math.min(need, room);
  const { started, problem } = toStart > 0 ? launchTasks(sim, service, primary, toStart) : { started: [] as Task[], problem: undefined };

  // 2. Stop: tasks beyond D, and old tasks blocking starts (not when the rollout is halted).
  const keepersAll = [...keepers, ...started];
  let keeperExcess = Math.max(0, keepersAll.length - D);
  const blockedStarts = halted ? 0 : need - started.length;
  let stopsLeft = Math.max(0, live.length + started.length - D) + Math.min(replaceable.length, blockedStarts);
  const pool = [...replaceable];
  const keeperPool = [...keepersAll];
  const stopped: Task[] = [];
  let blockedByLower = false;
  while (stopsLeft > 0) {
    const fromOld = pool.length > 0;
    const candidates = fromOld ? pool : keeperExcess > 0 ? keeperPool : [];
    if (candidates.length === 0) break;
    const allowed = candidates.filter((t) => !healthyOf(t) || healthy - 1 >= lower);
    if (allowed.length === 0) {
      blockedByLower = true;
      break;
    }
    const t = pickTaskToStop(sim, service, allowed, [...live, ...started].filter((x) => !stopped.includes(x)), healthyOf);
    if (healthyOf(t)) healthy--;
    stopped.push(t);
    (fromOld ? pool : keeperPool).splice((fromOld ? pool : keeperPool).indexOf(t), 1);
    if (!fromOld) keeperExcess--;
    stopsLeft--;
  }
  stopServiceTasks(sim, service, stopped, `Scaling activity initiated by (deployment ${primary.id})`);

  // 3. Nothing moved, nothing in flight, and work is left: the configuration is the reason.
  const inFlight = nonStopped.some((t) => t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING' || !healthyOf(t));
  if (!halted && !problem && started.length === 0 && stopped.length === 0 && !inFlight && need > 0 && room === 0 && blockedByLower) {
    serviceEvent(sim, service, `${svc(service)} ${DEPLOYMENT_CONFIGURATION_BLOCKS}`, 'service.deploymentBlocked', { lower, upper, desiredCount: D });
  }
  return problem;
}
