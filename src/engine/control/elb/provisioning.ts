/**
 * A new load balancer is `provisioning` until its nodes are up, then `active` (LoadBalancerState).
 *
 * Choice: AWS does not publish how long this takes; ALBs and NLBs are commonly seen to take two
 * to four minutes. We draw PROVISIONING_SECONDS from [120, 180) with the seeded generator.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';

export const PROVISIONING_SECONDS = { min: 120, max: 180 } as const;
export const LOAD_BALANCER_ACTIVE_EVENT = 'elb.loadBalancerActive';

export function scheduleActivation(sim: Simulation, loadBalancerArn: string): number {
  const delay = Math.round(sim.random.between(PROVISIONING_SECONDS.min, PROVISIONING_SECONDS.max));
  sim.schedule(delay, { type: LOAD_BALANCER_ACTIVE_EVENT, loadBalancerArn });
  return delay;
}

export function onLoadBalancerActive(sim: Simulation, event: KernelEvent): void {
  const lb = sim.world.loadBalancers[String(event.loadBalancerArn)];
  if (!lb || lb.State.Code !== 'provisioning') return; // deleted meanwhile
  lb.State = { Code: 'active' };
  sim.emit({ source: 'elbv2', kind: 'elb.loadBalancer.state', resource: lb.LoadBalancerArn, message: `Load balancer ${lb.LoadBalancerName} is now active (${lb.DNSName}).`, detail: { from: 'provisioning', to: 'active' } });
}
