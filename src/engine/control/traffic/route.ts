/**
 * One tick of requests through the load balancers: every source's whole requests for the tick go
 * through the listener's rules (listener-rules.ts) to an action; a forward action splits them over
 * its target groups by weight (split.ts); distribute.ts then spreads each group's requests over its
 * routable targets round robin. Together they say where every request went; nothing is lost:
 *
 *   offered = refused + ELB-answered (fixed-response, redirect, 503 no target)
 *             + sent to targets (answered by a task, or 502/504 when nothing answers there)
 *
 * A target group with no routable target makes the load balancer answer 503 Service Unavailable
 * (HTTPCode_ELB_503_Count; ALB user guide: "The target groups for the load balancer have no
 * registered targets" / no healthy targets). Requests answered 502/504 still count in
 * RequestCount, since a target was chosen (ALB metrics: RequestCount counts requests "where the
 * load balancer node was able to choose a target").
 */
import type { World } from '../../world/types';
import type { LoadBalancerCounts, TrafficState } from '../../world/traffic-types';
import { routeOf, type Route } from './listener-rules';
import { byWeight } from './split';
import { rateAt } from './patterns';
import { emptyLoadBalancerCounts } from './state';

export const TICK_SECONDS = 10;

export interface TickRouting {
  loadBalancers: Record<string, LoadBalancerCounts>;
  /** Requests forwarded to each target group this tick (all sources together), and its load balancer. */
  groups: Map<string, { loadBalancerArn: string; requests: number }>;
  /** Each load balancer's route of this tick (for the event log): the first source's. */
  routes: Map<string, Route>;
}

/** Whole requests a source sends this tick; the fraction left over is carried to the next. */
export function requestsThisTick(state: TrafficState, key: string, now: number): number {
  const source = state.sources[key];
  const exact = rateAt(source, now) * TICK_SECONDS + source.carry;
  const whole = Math.floor(exact + 1e-9);
  source.carry = Math.max(0, exact - whole);
  return whole;
}

/** Step 1 of a tick: every source's requests through its listener, summed per target group. */
export function routeSources(world: World, state: TrafficState, now: number): TickRouting {
  const out: TickRouting = { loadBalancers: {}, groups: new Map(), routes: new Map() };
  const routes = cachedRoutes(world, state);
  for (const key of Object.keys(state.sources)) {
    const source = state.sources[key];
    const n = requestsThisTick(state, key, now);
    const lb = (out.loadBalancers[source.loadBalancerArn] ??= emptyLoadBalancerCounts());
    const route = (routes[key] ??= routeOf(world, source));
    if (!out.routes.has(source.loadBalancerArn)) out.routes.set(source.loadBalancerArn, route);
    if (n <= 0) continue;
    lb.offered += n;
    if (route.kind === 'refused') lb.refused += n;
    else if (route.kind === 'redirect') lb.elb3xx += n;
    else if (route.kind === 'fixed-response') addFixedResponse(lb, route.statusCode, n);
    else {
      const shares = byWeight(n, route.groups.map((g) => g.weight));
      lb.elb503 += n - shares.reduce((a, s) => a + s, 0); // every weight 0: nowhere to go
      route.groups.forEach((g, i) => {
        if (shares[i] <= 0) return;
        const group = out.groups.get(g.targetGroupArn);
        if (group) group.requests += shares[i];
        else out.groups.set(g.targetGroupArn, { loadBalancerArn: source.loadBalancerArn, requests: shares[i] });
      });
    }
  }
  return out;
}

/** Changes to these decide where requests go: a route cached before one of them is stale. */
const ROUTING_KINDS = ['elb.loadBalancer.', 'elb.listener.', 'elb.rule.'];

/**
 * The route cache (state.routes): a route depends only on the source's load balancer, port, host
 * and path (its key) and on the load balancer's state, listeners and rules, and every change to
 * those is logged (aws/elbv2, control/elb/provisioning.ts). So the cache is emptied when the log
 * has such an event since the last tick (only the new events are read).
 */
function cachedRoutes(world: World, state: TrafficState): Record<string, Route> {
  const events = world.events;
  let stale = state.routes === undefined;
  for (let i = Math.min(state.routesSeen ?? 0, events.length); i < events.length && !stale; i++) {
    const kind = events[i].kind;
    for (const prefix of ROUTING_KINDS) if (kind.startsWith(prefix)) stale = true;
  }
  state.routesSeen = events.length;
  if (stale) state.routes = {};
  return state.routes!;
}

function addFixedResponse(lb: LoadBalancerCounts, statusCode: number, n: number): void {
  if (statusCode >= 500) {
    if (statusCode === 502) lb.elb502 += n;
    else if (statusCode === 503) lb.elb503 += n;
    else if (statusCode === 504) lb.elb504 += n;
    else lb.elb5xxOther += n;
  } else if (statusCode >= 400) lb.elb4xx += n;
  else if (statusCode >= 300) lb.elb3xx += n;
  else lb.elb2xx += n;
}
