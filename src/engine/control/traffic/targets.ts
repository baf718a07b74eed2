/**
 * The targets of a target group that get requests, and the task that answers at each.
 *
 * Routable targets are those of control/elb/routing.ts (routableTargets: the healthy ones, or
 * every unhealthy one when none is healthy: fail open; initial, draining and unused targets and
 * targets on stopped or terminated instances get none), read here straight from the target's
 * state without sorting, because the tick does it for every group every 10 s. targets.test.ts
 * checks both give the same set.
 *
 * A target is found as control/elb/probe.ts finds it: an instance target (Id = instance id) is the
 * RUNNING container with a TCP binding on that host port; an ip target (Id = private IPv4) is the
 * task whose ENI has that address and its container with that container port (plan.ts keeps the
 * answers per target group and indexes every task once when it rebuilds). When nothing answers, the load balancer answers itself (ALB user
 * guide, "Troubleshoot your Application Load Balancers"): 502 Bad Gateway when the connection is
 * refused (the host is there but nothing listens), 504 Gateway Timeout when the host does not
 * answer at all (instance not running, no task has the IP).
 */
import type { Container, Task, World } from '../../world/types';
import type { RegisteredTarget, TargetGroup } from '../../world/elb-types';
import { tasksHeldOnInstance } from '../../world/task-index';

export interface RoutableSet {
  targets: RegisteredTarget[];
  healthy: number;
  unhealthy: number;
  /** True when no target is healthy and the unhealthy ones get the requests. */
  failOpen: boolean;
}

const stoppedInstance = (world: World, tg: TargetGroup, t: RegisteredTarget) => {
  if (tg.TargetType !== 'instance' || t.State === 'draining') return false;
  const state = world.instances[t.Id]?.State.Name;
  return state === 'stopped' || state === 'terminated';
};

export function routableSet(world: World, tg: TargetGroup): RoutableSet {
  const healthy: RegisteredTarget[] = [];
  const unhealthy: RegisteredTarget[] = [];
  for (const key in tg.targets) {
    const t = tg.targets[key];
    if (t.State !== 'healthy' && t.State !== 'unhealthy') continue;
    if (stoppedInstance(world, tg, t)) continue;
    (t.State === 'healthy' ? healthy : unhealthy).push(t);
  }
  const failOpen = healthy.length === 0 && unhealthy.length > 0;
  return { targets: failOpen ? unhealthy : healthy, healthy: healthy.length, unhealthy: unhealthy.length, failOpen };
}

/** How many targets routableSet would count healthy and unhealthy, without listing them (metrics ask every minute). */
export function routableCounts(world: World, tg: TargetGroup): { healthy: number; unhealthy: number } {
  let healthy = 0;
  let unhealthy = 0;
  for (const key in tg.targets) {
    const t = tg.targets[key];
    if (t.State !== 'healthy' && t.State !== 'unhealthy') continue;
    if (stoppedInstance(world, tg, t)) continue;
    if (t.State === 'healthy') healthy++;
    else unhealthy++;
  }
  return { healthy, unhealthy };
}

export type Answer = { task: Task; container: Container } | { elb: 502 | 504 };

/** Built at most once per tick, on the first cache miss. */
export interface TaskIndex {
  byHostPort: Map<string, string>;
  byIp: Map<string, string>;
}

export function indexTasks(world: World): TaskIndex {
  const byHostPort = new Map<string, string>();
  const byIp = new Map<string, string>();
  for (const arn in world.tasks) {
    const task = world.tasks[arn];
    if (task.lastStatus === 'STOPPED') continue;
    for (const a of task.attachments) {
      if (a.status !== 'ATTACHED') continue;
      const ip = a.details.find((d) => d.name === 'privateIPv4Address')?.value;
      if (ip) byIp.set(ip, arn);
    }
    if (task.lastStatus !== 'RUNNING' || !task.ec2InstanceId) continue;
    for (const c of task.containers) {
      if (c.lastStatus !== 'RUNNING') continue;
      for (const b of c.networkBindings) if (b.protocol === 'tcp') byHostPort.set(`${task.ec2InstanceId}:${b.hostPort}`, arn);
    }
  }
  return { byHostPort, byIp };
}

function containerAt(world: World, tg: TargetGroup, task: Task, t: RegisteredTarget): Container | undefined {
  if (task.lastStatus !== 'RUNNING') return undefined;
  if (tg.TargetType === 'instance') {
    if (task.ec2InstanceId !== t.Id) return undefined;
    return task.containers.find((c) => c.lastStatus === 'RUNNING' && c.networkBindings.some((b) => b.protocol === 'tcp' && b.hostPort === t.Port));
  }
  const hasIp = task.attachments.some((a) => a.status === 'ATTACHED' && a.details.some((d) => d.name === 'privateIPv4Address' && d.value === t.Id));
  if (!hasIp) return undefined;
  const definition = world.taskDefinitions[task.taskDefinitionArn];
  return task.containers.find((c) => {
    if (c.lastStatus !== 'RUNNING') return false;
    if (c.networkBindings.some((b) => b.protocol === 'tcp' && b.containerPort === t.Port)) return true;
    const def = definition?.containerDefinitions.find((d) => d.name === c.name);
    return (def?.portMappings ?? []).some((m) => m.containerPort === t.Port && (m.protocol ?? 'tcp') === 'tcp');
  });
}

/**
 * The RUNNING task on the instance with a RUNNING container bound to the TCP host port, from the
 * tasks holding resources there (world/task-index.ts; as indexTasks's byHostPort finds it: host
 * ports are reserved per task, so at most one task can hold it), without indexing every task.
 */
function listeningOnInstance(tasks: Task[], instanceId: string, port: number): string | undefined {
  for (const task of tasks) {
    if (task.lastStatus !== 'RUNNING' || task.ec2InstanceId !== instanceId) continue;
    for (const c of task.containers) {
      if (c.lastStatus !== 'RUNNING') continue;
      for (const b of c.networkBindings) if (b.protocol === 'tcp' && b.hostPort === port) return task.taskArn;
    }
  }
  return undefined;
}

/** Who answers requests sent to a target (`index` is built once for all the plans of a tick, when one needs it). */
export function answerAt(world: World, tg: TargetGroup, t: RegisteredTarget, index: () => TaskIndex): Answer {
  let taskArn: string | undefined;
  if (tg.TargetType === 'instance') {
    if (world.instances[t.Id]?.State.Name !== 'running') return { elb: 504 };
    const held = tasksHeldOnInstance(world, t.Id);
    taskArn = held ? listeningOnInstance(held, t.Id, t.Port) : index().byHostPort.get(`${t.Id}:${t.Port}`);
    if (!taskArn) return { elb: 502 };
  } else {
    taskArn = index().byIp.get(t.Id);
    if (!taskArn) return { elb: 504 };
  }
  const task = world.tasks[taskArn];
  const container = containerAt(world, tg, task, t);
  return container ? { task, container } : { elb: 502 };
}
