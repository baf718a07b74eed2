/**
 * Which action answers a request: the listener the client connects to, then its rules in priority
 * order, then the default action (ALB user guide, "Listener rules"): "rules are evaluated in
 * priority order, from the lowest value to the highest value. The default rule is evaluated last."
 * A rule matches when every one of its conditions matches; a condition matches when any of its
 * values does. path-pattern is case-sensitive, host-header is not; both allow the wildcards `*`
 * (any characters) and `?` (exactly one).
 *
 * Choices: a source without a port uses the listener on port 80 when there is one, else the
 * listener with the lowest port. No listener on that port, or a load balancer that is not
 * `active`, refuses the connection (nothing reaches the load balancer, so nothing is counted in
 * its metrics).
 */
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { World } from '../../world/types';
import type { Listener, ListenerRule } from '../../world/elb-types';
import type { TrafficRoute, TrafficSource } from '../../world/traffic-types';

export type Route = TrafficRoute;

export function listenerFor(world: World, loadBalancerArn: string, port?: number): Listener | undefined {
  let best: Listener | undefined;
  for (const l of Object.values(world.listeners)) {
    if (l.LoadBalancerArn !== loadBalancerArn) continue;
    if (port !== undefined) {
      if (l.Port === port) return l;
      continue;
    }
    if (l.Port === 80) return l;
    if (!best || l.Port < best.Port) best = l;
  }
  return best;
}

function wildcard(pattern: string, flags: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, flags);
}

function conditionValues(c: RuleCondition): string[] {
  if (c.Values?.length) return c.Values;
  return c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values ?? [];
}

export function conditionMatches(c: RuleCondition, path: string, host: string): boolean {
  const values = conditionValues(c);
  if (c.Field === 'path-pattern') return values.some((v) => wildcard(v, '').test(path));
  if (c.Field === 'host-header') return values.some((v) => wildcard(v, 'i').test(host));
  return false; // other condition fields are not modelled (aws/elbv2/rules.ts refuses them)
}

export const ruleMatches = (rule: ListenerRule, path: string, host: string) => rule.Conditions.every((c) => conditionMatches(c, path, host));

function actionRoute(listener: Listener, rule: string, actions: readonly Action[]): Route {
  const ordered = [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  for (const a of ordered) {
    if (a.Type === 'forward') {
      const groups = a.ForwardConfig?.TargetGroups?.length
        ? a.ForwardConfig.TargetGroups.filter((g) => g.TargetGroupArn).map((g) => ({ targetGroupArn: g.TargetGroupArn!, weight: g.Weight ?? 1 }))
        : a.TargetGroupArn
          ? [{ targetGroupArn: a.TargetGroupArn, weight: 1 }]
          : [];
      return { kind: 'forward', listenerArn: listener.ListenerArn, rule, groups };
    }
    if (a.Type === 'fixed-response') return { kind: 'fixed-response', listenerArn: listener.ListenerArn, rule, statusCode: Number(a.FixedResponseConfig?.StatusCode ?? 200) };
    if (a.Type === 'redirect') return { kind: 'redirect', listenerArn: listener.ListenerArn, rule };
  }
  return { kind: 'fixed-response', listenerArn: listener.ListenerArn, rule, statusCode: 503 };
}

/** Where the requests of a source go right now. */
export function routeOf(world: World, source: TrafficSource): Route {
  const lb = world.loadBalancers[source.loadBalancerArn];
  if (!lb) return { kind: 'refused', why: 'the load balancer no longer exists' };
  if (lb.State.Code !== 'active') return { kind: 'refused', why: `the load balancer is ${lb.State.Code}` };
  const listener = listenerFor(world, lb.LoadBalancerArn, source.port);
  if (!listener) return { kind: 'refused', why: source.port === undefined ? 'the load balancer has no listener' : `the load balancer has no listener on port ${source.port}` };
  const rules = Object.values(world.listenerRules)
    .filter((r) => r.ListenerArn === listener.ListenerArn)
    .sort((a, b) => a.Priority - b.Priority);
  for (const rule of rules) if (ruleMatches(rule, source.path, source.host)) return actionRoute(listener, `rule ${rule.Priority}`, rule.Actions);
  return actionRoute(listener, 'default rule', listener.DefaultActions);
}
