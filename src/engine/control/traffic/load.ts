/**
 * What a task uses under load: its containers' image behaviour (world/image-behavior.ts) applied
 * to the requests each container answers.
 *
 *   CPU demand = sum of cpuUnitsIdle + sum of cpuUnitsPerRequest x requests per second
 *   memory     = sum of memoryMiBIdle + sum of memoryMiBPerRequest x requests per second
 *
 * (sums over the task's RUNNING containers; requests go to the container behind the target).
 *
 * CPU capacity (our model of the cgroup limits; AWS documents the limits, not how a busy process
 * degrades): the task's CPU as ECS reports it (task-level `cpu`, else the sum of its containers'
 * `cpu`). Choice: we do not model CPU-share bursting into idle CPU of the instance, except that a
 * task reserving no CPU at all may use the instance's unreserved CPU (remainingResources), at
 * least MIN_CPU_UNITS (Docker's minimum of 2 CPU shares).
 *
 * Overload (demand above capacity): the task uses all its capacity; what is left after the idle
 * use serves that share of the requests and the rest fail with 5XX (HTTPCode_Target_5XX_Count);
 * every answer is slower by demand / capacity: latency = latencyMs x demand / capacity.
 * A container whose image is unhealthy (behavior.healthy false) answers every request with a 503
 * (a choice, matching what it answers the load balancer's health check, control/elb/probe.ts).
 * Memory is not capped here (an out-of-memory kill is the agent's business).
 */
import type { Task, World } from '../../world/types';
import type { TaskUsage } from '../../world/traffic-types';
import { DEFAULT_IMAGE_BEHAVIOR, withDefaultBehavior, type ResolvedImageBehavior } from '../../world/image-behavior';

export const MIN_CPU_UNITS = 2;

/** The CPU units the task may use (see above). */
export function cpuCapacity(world: World, task: Task): number {
  const reserved = Number(task.cpu ?? 0);
  if (reserved > 0) return reserved;
  const instance = task.containerInstanceArn ? world.containerInstances[task.containerInstanceArn] : undefined;
  return Math.max(MIN_CPU_UNITS, instance?.remainingResources.cpu ?? 0);
}

/** The task's memory as ECS reports it (task-level, else the containers' sum), in MiB. */
export const memoryLimit = (task: Task) => Number(task.memory ?? 0);

export interface TaskLoad {
  usage: TaskUsage;
  /** Per container (index in task.containers): share of its requests answered with 5XX, and its latency in ms. */
  errorRate: number[];
  latencyMs: number[];
}

/** The image behaviour of each of the task's containers, defaults filled in. */
export const resolvedBehaviors = (task: Task): ResolvedImageBehavior[] => task.containers.map((c) => (c.behavior ? withDefaultBehavior(c.behavior) : DEFAULT_IMAGE_BEHAVIOR));

/**
 * A task's usage when its containers answer `requestsPerSecond[i]` requests per second each.
 * `behaviors`: resolvedBehaviors(task), when the caller already has them (the traffic tick asks twice per class).
 */
export function taskLoad(world: World, task: Task, requestsPerSecond: readonly number[], at: number, behaviors: readonly ResolvedImageBehavior[] = resolvedBehaviors(task)): TaskLoad {
  let idleCpu = 0;
  let loadCpu = 0;
  let memory = 0;
  let rps = 0;
  task.containers.forEach((c, i) => {
    if (c.lastStatus !== 'RUNNING') return;
    const b = behaviors[i];
    const r = requestsPerSecond[i] ?? 0;
    idleCpu += b.cpuUnitsIdle;
    loadCpu += b.cpuUnitsPerRequest * r;
    memory += b.memoryMiBIdle + b.memoryMiBPerRequest * r;
    rps += r;
  });
  const capacity = cpuCapacity(world, task);
  const demand = idleCpu + loadCpu;
  const overloaded = demand > capacity;
  const servedShare = !overloaded ? 1 : loadCpu > 0 ? Math.max(0, capacity - idleCpu) / loadCpu : 1;
  const slowdown = overloaded ? demand / capacity : 1;
  const errorRate = behaviors.map((b) => (b.healthy ? 1 - servedShare : 1));
  const latencyMs = behaviors.map((b) => b.latencyMs * slowdown);
  let failing = 0;
  let latencyWeighted = 0;
  task.containers.forEach((_, i) => {
    const r = requestsPerSecond[i] ?? 0;
    failing += r * errorRate[i];
    latencyWeighted += r * latencyMs[i];
  });
  const usage: TaskUsage = {
    cpuUnits: Math.min(demand, capacity),
    cpuDemand: demand,
    cpuCapacity: capacity,
    memoryMiB: memory,
    requestsPerSecond: rps,
    latencyMs: rps > 0 ? latencyWeighted / rps : (behaviors[0]?.latencyMs ?? 0) * slowdown,
    errorRate: rps > 0 ? failing / rps : 0,
    requestsByContainer: task.containers.map((_, i) => requestsPerSecond[i] ?? 0),
    at,
  };
  return { usage, errorRate, latencyMs };
}

/** The task at rest: idle CPU and memory, no requests. */
export const idleUsage = (world: World, task: Task, at: number): TaskUsage => taskLoad(world, task, [], at).usage;

