/**
 * A service's load balancers (loadBalancers: [{targetGroupArn, containerName, containerPort}]),
 * through the ELB module's registerTarget / deregisterTarget / targetHealth.
 *
 * AWS: ECS registers each service task with every target group of the service once the task is
 * running (awsvpc tasks as `ip` targets on the container port, bridge/host tasks as `instance`
 * targets on the host port mapped to the container port), writes the service event
 * "(service web) registered 1 targets in (target-group ARN)", and deregisters it when the task
 * is stopped ("deregistered 1 targets"). A task counts as healthy only when its target is
 * `healthy` in every target group.
 *
 * Each task uses the loadBalancers of its deployment (UpdateService loadBalancers starts a new
 * deployment whose tasks register in the new target groups; the old deployment's tasks stay in
 * the old ones until they are replaced). Deregistration and draining before a stop: drain.ts.
 *
 * Choices: registration happens at the first reconcile after the task is RUNNING (within 5 s);
 * a missing target group does not block the service (its health is ignored).
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceLoadBalancer } from '../../world/service-types';
import type { Task } from '../../world/types';
import { deregisterTarget, registerTarget, targetKey, targetState, type TargetInput } from '../elb/health';
import { serviceEvent, svc } from './events';

/** The ELB target a task is for one of the service's load balancers, if it has one yet. */
export function targetOf(sim: Simulation, lb: ServiceLoadBalancer, task: Task): TargetInput | undefined {
  const tg = sim.world.targetGroups[lb.targetGroupArn];
  if (!tg) return undefined;
  if (tg.TargetType === 'ip') {
    const ip = task.attachments[0]?.details.find((d) => d.name === 'privateIPv4Address')?.value;
    return ip ? { Id: ip, Port: lb.containerPort } : undefined;
  }
  if (!task.ec2InstanceId) return undefined;
  // Loops rather than find(): every full scheduler pass asks for every task.
  for (const c of task.containers) {
    if (c.name !== lb.containerName) continue;
    for (const b of c.networkBindings) if (b.containerPort === lb.containerPort) return { Id: task.ec2InstanceId, Port: b.hostPort };
    return undefined;
  }
  return undefined;
}

/** The load balancers a task of the service registers in: its deployment's (else the service's). */
export function loadBalancersOf(service: Service, task: Task): ServiceLoadBalancer[] {
  return service.deployments.find((d) => d.id === task.deploymentId)?.loadBalancers ?? service.loadBalancers;
}

/** Every target group any of the service's deployments (or the service itself) uses. */
export function targetGroupsOf(service: Service): string[] {
  const arns = [...service.loadBalancers, ...service.deployments.flatMap((d) => d.loadBalancers ?? [])].map((lb) => lb.targetGroupArn);
  return [...new Set(arns)];
}

export function loadBalancerHealth(sim: Simulation, service: Service, task: Task): 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' {
  let result: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' = 'HEALTHY';
  for (const lb of loadBalancersOf(service, task)) {
    if (!sim.world.targetGroups[lb.targetGroupArn]) continue;
    const target = targetOf(sim, lb, task);
    if (!target) return 'UNKNOWN';
    const state = targetState(sim.world, lb.targetGroupArn, target);
    if (state === 'unhealthy') return 'UNHEALTHY';
    if (state !== 'healthy') result = 'UNKNOWN';
  }
  return result;
}

/** Registers RUNNING tasks that are not registered yet, in their deployment's target groups. */
export function registerRunningTasks(sim: Simulation, service: Service, tasks: Task[]): void {
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
  if (running.length === 0) return; // nothing to register (and no target group to look at)
  // Each task's load balancers, once per pass rather than once per target group.
  const lbsOf = running.map((task) => loadBalancersOf(service, task));
  for (const tgArn of targetGroupsOf(service)) {
    const tg = sim.world.targetGroups[tgArn];
    if (!tg) continue;
    let count = 0;
    for (let i = 0; i < running.length; i++) {
      const task = running[i];
      for (const lb of lbsOf[i]) {
        if (lb.targetGroupArn !== tgArn) continue;
        const target = targetOf(sim, lb, task);
        if (!target || tg.targets[targetKey(target.Id, target.Port ?? tg.Port)]) continue;
        registerTarget(sim, tgArn, target);
        count++;
      }
    }
    if (count > 0) serviceEvent(sim, service, `${svc(service)} registered ${count} targets in (target-group ${tgArn})`, 'service.targets');
  }
}

/**
 * The scheduler's backstop: deregisters the targets of tasks that are stopping (each once:
 * draining targets are left alone). Stops normally deregister at once (drain.ts). A STOPPED task
 * has given its host port / IP back, and a new task may hold the same target now: never touched.
 */
export function deregisterStoppedTasks(sim: Simulation, service: Service, tasks: Task[]): void {
  // Nothing stopping (a steady service, nearly always): nothing to deregister, no need to list the live targets.
  if (!tasks.some((t) => t.desiredStatus !== 'RUNNING' && t.lastStatus !== 'STOPPED')) return;
  for (const tgArn of targetGroupsOf(service)) {
    const tg = sim.world.targetGroups[tgArn];
    if (!tg) continue;
    const keyOf = (lb: ServiceLoadBalancer, task: Task) => {
      const target = targetOf(sim, lb, task);
      return target && targetKey(target.Id, target.Port ?? tg.Port);
    };
    const liveKeys = new Set(
      tasks.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED').flatMap((t) => loadBalancersOf(service, t).filter((l) => l.targetGroupArn === tgArn).map((lb) => keyOf(lb, t))),
    );
    let count = 0;
    for (const task of tasks) {
      if (task.desiredStatus === 'RUNNING' || task.lastStatus === 'STOPPED') continue;
      for (const lb of loadBalancersOf(service, task).filter((l) => l.targetGroupArn === tgArn)) {
        const target = targetOf(sim, lb, task);
        const registered = target && tg.targets[targetKey(target.Id, target.Port ?? tg.Port)];
        if (!target || !registered || registered.State === 'draining' || liveKeys.has(keyOf(lb, task))) continue;
        deregisterTarget(sim, tgArn, target);
        count++;
      }
    }
    if (count > 0) serviceEvent(sim, service, `${svc(service)} deregistered ${count} targets in (target-group ${tgArn})`, 'service.targets');
  }
}
