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
 * Choices: registration happens at the first reconcile after the task is RUNNING (within 5 s);
 * when the scheduler stops a task it deregisters the target and stops the task at the same time
 * (the task does not wait in DEACTIVATING for the deregistration delay: a documented
 * simplification); a missing target group does not block the service (its health is ignored).
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceLoadBalancer } from '../../world/service-types';
import type { Task } from '../../world/types';
import { deregisterTarget, registerTarget, targetHealth, targetKey, type TargetInput } from '../elb/health';
import { serviceEvent, svc } from './events';

/** The ELB target a task is for one of the service's load balancers, if it has one yet. */
export function targetOf(sim: Simulation, lb: ServiceLoadBalancer, task: Task): TargetInput | undefined {
  const tg = sim.world.targetGroups[lb.targetGroupArn];
  if (!tg) return undefined;
  if (tg.TargetType === 'ip') {
    const ip = task.attachments[0]?.details.find((d) => d.name === 'privateIPv4Address')?.value;
    return ip ? { Id: ip, Port: lb.containerPort } : undefined;
  }
  const binding = task.containers.find((c) => c.name === lb.containerName)?.networkBindings.find((b) => b.containerPort === lb.containerPort);
  return task.ec2InstanceId && binding ? { Id: task.ec2InstanceId, Port: binding.hostPort } : undefined;
}

export function loadBalancerHealth(sim: Simulation, service: Service, task: Task): 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' {
  let result: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' = 'HEALTHY';
  for (const lb of service.loadBalancers) {
    if (!sim.world.targetGroups[lb.targetGroupArn]) continue;
    const target = targetOf(sim, lb, task);
    if (!target) return 'UNKNOWN';
    const state = targetHealth(sim.world, lb.targetGroupArn, target).State;
    if (state === 'unhealthy') return 'UNHEALTHY';
    if (state !== 'healthy') result = 'UNKNOWN';
  }
  return result;
}

/** Registers RUNNING tasks that are not registered yet. */
export function registerRunningTasks(sim: Simulation, service: Service, tasks: Task[]): void {
  for (const lb of service.loadBalancers) {
    const tg = sim.world.targetGroups[lb.targetGroupArn];
    if (!tg) continue;
    let count = 0;
    for (const task of tasks) {
      if (task.lastStatus !== 'RUNNING' || task.desiredStatus !== 'RUNNING') continue;
      const target = targetOf(sim, lb, task);
      if (!target || tg.targets[targetKey(target.Id, target.Port ?? tg.Port)]) continue;
      registerTarget(sim, lb.targetGroupArn, target);
      count++;
    }
    if (count > 0) serviceEvent(sim, service, `${svc(service)} registered ${count} targets in (target-group ${lb.targetGroupArn})`, 'service.targets');
  }
}

/** Deregisters the targets of tasks that are stopping or stopped (each once: draining targets are left alone). */
export function deregisterStoppedTasks(sim: Simulation, service: Service, tasks: Task[]): void {
  for (const lb of service.loadBalancers) {
    const tg = sim.world.targetGroups[lb.targetGroupArn];
    if (!tg) continue;
    let count = 0;
    for (const task of tasks) {
      if (task.desiredStatus === 'RUNNING' && task.lastStatus !== 'STOPPED') continue;
      const target = targetOf(sim, lb, task);
      const registered = target && tg.targets[targetKey(target.Id, target.Port ?? tg.Port)];
      if (!target || !registered || registered.State === 'draining') continue;
      deregisterTarget(sim, lb.targetGroupArn, target);
      count++;
    }
    if (count > 0) serviceEvent(sim, service, `${svc(service)} deregistered ${count} targets in (target-group ${lb.targetGroupArn})`, 'service.targets');
  }
}
