/**
 * Which targets of a target group receive new requests, for the traffic model.
 *
 * AWS (ALB user guide, "Health checks for your target groups"): the load balancer routes only to
 * healthy targets; "If a target group contains only unhealthy registered targets, the load
 * balancer routes requests to all those targets, regardless of their health status" (fail open).
 *
 * Choices: draining, unused and stopped/terminated-instance targets never get new requests;
 * targets still `initial` are not routed to, and do not stop fail-open: if there is no healthy
 * target, every unhealthy one gets traffic. A group with only initial targets routes nowhere
 * (the load balancer answers 503).
 */
import type { World } from '../../world/types';
import type { RegisteredTarget } from '../../world/elb-types';
import { targetHealth } from './health';

function candidates(world: World, targetGroupArn: string) {
  const tg = world.targetGroups[targetGroupArn];
  const all = tg ? Object.values(tg.targets).sort((a, b) => (a.Id === b.Id ? a.Port - b.Port : a.Id < b.Id ? -1 : 1)) : [];
  const stateOf = (t: RegisteredTarget) => targetHealth(world, targetGroupArn, t).State;
  return { healthy: all.filter((t) => stateOf(t) === 'healthy'), unhealthy: all.filter((t) => stateOf(t) === 'unhealthy') };
}

/** The targets that get new requests: the healthy ones, or (fail open) every unhealthy one. Sorted by Id, Port. */
export function routableTargets(world: World, targetGroupArn: string): RegisteredTarget[] {
  const { healthy, unhealthy } = candidates(world, targetGroupArn);
  return healthy.length > 0 ? healthy : unhealthy;
}

/** True when the group has no healthy target but unhealthy ones, so the load balancer fails open. */
export function failsOpen(world: World, targetGroupArn: string): boolean {
  const { healthy, unhealthy } = candidates(world, targetGroupArn);
  return healthy.length === 0 && unhealthy.length > 0;
}
