/**
 * Container health checks (`healthCheck` in a container definition), run by Docker inside the
 * container and reported by the agent. Defaults as in ECS: interval 30 s, timeout 5 s, retries 3,
 * startPeriod 0. The first check runs one interval after the container starts; a check passes
 * when the image behaviour says the app is `healthy` (default true). A pass makes the container
 * HEALTHY; `retries` failures in a row make it UNHEALTHY; failures inside the startPeriod do not
 * count (a pass there still counts), as Docker does. Containers without a health check are UNKNOWN.
 *
 * Task health, from the essential containers in priority order: UNHEALTHY if any is UNHEALTHY,
 * else UNKNOWN if any is UNKNOWN (still being evaluated, or no health check), else HEALTHY.
 * Non-essential containers do not count. A standalone task (RunTask/StartTask) "continues its
 * lifecycle regardless of its health status" (AWS): nothing stops an UNHEALTHY standalone task;
 * a service's scheduler replaces unhealthy tasks (that is the services' work).
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { Container, Task } from '../../world/types';
import { anyTask } from '../tasks/status';
import { deferIfDisconnected } from './connection';
import { markTaskChanged } from '../services/changes';
import { containerDefinitionOf, containerNamed } from './definitions';
import { healthCheckFaulted } from '../faults/state';

export const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };

function healthCheckOf(sim: Simulation, task: Task, name: string) {
  const hc = containerDefinitionOf(sim, task, name)?.healthCheck;
  if (!hc) return undefined;
  return {
    interval: hc.interval ?? HEALTH_CHECK_DEFAULTS.interval,
    timeout: hc.timeout ?? HEALTH_CHECK_DEFAULTS.timeout,
    retries: hc.retries ?? HEALTH_CHECK_DEFAULTS.retries,
    startPeriod: hc.startPeriod ?? HEALTH_CHECK_DEFAULTS.startPeriod,
  };
}

export function scheduleFirstHealthCheck(sim: Simulation, task: Task, c: Container): void {
  const hc = healthCheckOf(sim, task, c.name);
  if (!hc) return;
  sim.schedule(hc.interval, { type: 'agent.healthCheck', taskArn: task.taskArn, container: c.name, failures: 0 });
}

export function onHealthCheck(sim: Simulation, event: KernelEvent): void {
  const task = anyTask(sim, event.taskArn);
  const c = task && containerNamed(task, event.container);
  if (!task || !c || c.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') return;
  if (deferIfDisconnected(sim, task, event)) return;
  const hc = healthCheckOf(sim, task, c.name);
  if (!hc) return;
  let failures = Number(event.failures) || 0;
  // Fault HealthCheckFailure (control/faults) makes the check fail while it lasts.
  const passed = (c.behavior?.healthy ?? true) && !healthCheckFaulted(sim.world, task);
  const inStartPeriod = sim.now - (c.startedAt ?? sim.now) <= hc.startPeriod;
  if (passed) {
    failures = 0;
    setContainerHealth(sim, task, c, 'HEALTHY', 'the health check command passed');
  } else if (!inStartPeriod) {
    failures += 1;
    if (failures >= hc.retries) {
      setContainerHealth(sim, task, c, 'UNHEALTHY', `the health check failed ${failures} times in a row (retries ${hc.retries})`);
    }
  }
  sim.schedule(hc.interval, { type: 'agent.healthCheck', taskArn: task.taskArn, container: c.name, failures });
}

function setContainerHealth(sim: Simulation, task: Task, c: Container, status: Container['healthStatus'], why: string): void {
  if (c.healthStatus === status) return;
  c.healthStatus = status;
  markTaskChanged(sim.world, task);
  sim.emit({ source: 'ecs', kind: 'task.health', resource: task.taskArn, message: `Container ${c.name} is ${status}: ${why}.` });
  updateTaskHealth(sim, task);
}

export function updateTaskHealth(sim: Simulation, task: Task): void {
  const essential = task.containers.filter((c) => c.essential);
  const next: Task['healthStatus'] = essential.some((c) => c.healthStatus === 'UNHEALTHY')
    ? 'UNHEALTHY'
    : essential.some((c) => c.healthStatus === 'UNKNOWN') || essential.length === 0
      ? 'UNKNOWN'
      : 'HEALTHY';
  if (next === task.healthStatus) return;
  task.healthStatus = next;
  markTaskChanged(sim.world, task);
  task.version += 1;
  const note = next === 'UNHEALTHY' && !task.group.startsWith('service:') ? ' A standalone task keeps running; nothing replaces it.' : '';
  sim.emit({ source: 'ecs', kind: 'task.health', resource: task.taskArn, message: `Task health is ${next}.${note}` });
}
