/**
 * Which load balancers use a target group: those with a listener whose default actions, or a
 * listener rule whose actions, forward to it (plain or weighted forward). A target group used by
 * no listener is "not in use": its targets are `unused` with Target.NotInUse and are not
 * health-checked (ELB user guide, "Health check reason codes").
 */
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { World } from '../../world/types';

/** The target groups an action list forwards to (a plain TargetGroupArn or ForwardConfig's). */
export function forwardedTargetGroups(actions: readonly Action[]): string[] {
  const out: string[] = [];
  for (const a of actions) {
    if (a.Type !== 'forward') continue;
    if (a.TargetGroupArn) out.push(a.TargetGroupArn);
    for (const t of a.ForwardConfig?.TargetGroups ?? []) if (t.TargetGroupArn) out.push(t.TargetGroupArn);
  }
  return [...new Set(out)];
}

/** ARNs of the load balancers whose listeners or rules forward to the target group, sorted. */
export function loadBalancersUsing(world: World, targetGroupArn: string): string[] {
  const lbs = new Set<string>();
  for (const l of Object.values(world.listeners)) {
    if (forwardedTargetGroups(l.DefaultActions).includes(targetGroupArn)) lbs.add(l.LoadBalancerArn);
  }
  for (const r of Object.values(world.listenerRules)) {
    const listener = world.listeners[r.ListenerArn];
    if (listener && forwardedTargetGroups(r.Actions).includes(targetGroupArn)) lbs.add(listener.LoadBalancerArn);
  }
  return [...lbs].sort();
}

export const isInUse = (world: World, targetGroupArn: string) => loadBalancersUsing(world, targetGroupArn).length > 0;

/** True when a load balancer that uses the group is active, so its nodes send health checks. */
export function hasActiveLoadBalancer(world: World, targetGroupArn: string): boolean {
  return loadBalancersUsing(world, targetGroupArn).some((a) => world.loadBalancers[a]?.State.Code === 'active');
}

/** Every target group referenced by a listener or rule of this load balancer. */
export function targetGroupsOfLoadBalancer(world: World, loadBalancerArn: string): string[] {
  const out = new Set<string>();
  for (const l of Object.values(world.listeners)) {
    if (l.LoadBalancerArn !== loadBalancerArn) continue;
    forwardedTargetGroups(l.DefaultActions).forEach((t) => out.add(t));
    for (const r of Object.values(world.listenerRules)) if (r.ListenerArn === l.ListenerArn) forwardedTargetGroups(r.Actions).forEach((t) => out.add(t));
  }
  return [...out].sort();
}
