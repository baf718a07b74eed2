/**
 * Elastic Load Balancing: load balancer -> listener -> target group -> targets. A target is the
 * task chip answering there (or the container instance, for an instance target no task answers
 * at); target edges are coloured by the target's health state, and the chip wears the same ring.
 */
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { TargetHealthState } from '../../../engine/world/elb-types';
import { TICK_SECONDS } from '../../../engine/control/traffic/route';
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { BuildContext } from './context';
import type { TargetIndex } from './targets';
import { forwardShares, listenerShift } from './taskSets';

const STATE_ORDER: TargetHealthState[] = ['healthy', 'initial', 'unhealthy', 'draining', 'unused', 'unavailable'];
/** Which state a shared edge shows: the one that most needs the learner's attention. */
const SEVERITY: TargetHealthState[] = ['healthy', 'unused', 'unavailable', 'initial', 'draining', 'unhealthy'];

function describeAction(action: Action | undefined, tgName: (arn: string) => string): string {
  if (!action) return 'no action';
  switch (action.Type) {
    case 'forward': {
      const shares = forwardShares(action);
      if (shares) return `forward to ${[...shares].map(([arn, share]) => `${tgName(arn)} ${share}%`).join(', ')}`;
      const groups = action.ForwardConfig?.TargetGroups?.map((g) => g.TargetGroupArn ?? '') ?? [];
      const arns = action.TargetGroupArn ? [action.TargetGroupArn] : groups;
      return `forward to ${arns.map(tgName).join(', ')}`;
    }
    case 'fixed-response':
      return `fixed-response ${action.FixedResponseConfig?.StatusCode ?? ''}`.trim();
    case 'redirect':
      return `redirect ${action.RedirectConfig?.StatusCode ?? ''}`.trim();
    default:
      return action.Type ?? 'action';
  }
}

function forwardTargets(actions: Action[]): string[] {
  return actions.flatMap((a) =>
    a.Type !== 'forward' ? [] : a.TargetGroupArn ? [a.TargetGroupArn] : (a.ForwardConfig?.TargetGroups ?? []).map((g) => g.TargetGroupArn ?? ''),
  );
}

export function buildLoadBalancing(ctx: BuildContext, targets: TargetIndex, drawnAs: Map<string, string>, instanceNodes: Map<string, string>): void {
  const { world, nodes, edges } = ctx;
  const tgName = (arn: string) => world.targetGroups[arn]?.TargetGroupName ?? arn.split('/').at(-2) ?? arn;
  // The traffic model counts requests per tick (TICK_SECONDS, 10 s of simulated time), as
  // sim:GetTraffic does; the card shows the rate, rounded to a tenth.
  const offered = world.traffic?.lastTick.loadBalancers ?? {};
  const perSecond = (perTick: number) => Math.round((perTick / TICK_SECONDS) * 10) / 10;
  for (const lb of Object.values(world.loadBalancers).sort((a, b) => a.CreatedTime - b.CreatedTime || a.LoadBalancerName.localeCompare(b.LoadBalancerName))) {
    const counts = offered[lb.LoadBalancerArn];
    nodes.push({
      id: nodeId.loadBalancer(lb.LoadBalancerArn),
      type: 'loadBalancer',
      position: { x: 0, y: 0 },
      data: {
        name: lb.LoadBalancerName,
        type: lb.Type,
        scheme: lb.Scheme,
        state: lb.State.Code,
        dnsName: lb.DNSName,
        availabilityZones: lb.AvailabilityZones.map((z) => z.ZoneName).sort(),
        requestsPerSecond: counts ? perSecond(counts.offered) : undefined,
      },
      width: LAYOUT.loadBalancer.width,
      height: LAYOUT.loadBalancer.height,
    });
  }
  const rulesByListener = new Map<string, Action[][]>();
  for (const rule of Object.values(world.listenerRules)) {
    rulesByListener.set(rule.ListenerArn, [...(rulesByListener.get(rule.ListenerArn) ?? []), rule.Actions]);
  }
  for (const listener of Object.values(world.listeners).sort((a, b) => a.Port - b.Port || a.ListenerArn.localeCompare(b.ListenerArn))) {
    const id = nodeId.listener(listener.ListenerArn);
    const ruleActions = rulesByListener.get(listener.ListenerArn) ?? [];
    const shift = listenerShift(world, listener.ListenerArn);
    nodes.push({
      id,
      type: 'listener',
      position: { x: 0, y: 0 },
      data: {
        protocol: listener.Protocol,
        port: listener.Port,
        defaultAction: describeAction(listener.DefaultActions[0], tgName),
        ruleCount: ruleActions.length,
        ...(shift ? { codeDeploy: shift } : {}),
      },
      width: LAYOUT.listener.width,
      height: LAYOUT.listener.height + (shift ? LAYOUT.listener.shiftRow : 0),
    });
    if (world.loadBalancers[listener.LoadBalancerArn]) {
      const lb = nodeId.loadBalancer(listener.LoadBalancerArn);
      edges.push({ id: `listener:${lb}->${id}`, source: lb, target: id, data: { relation: 'listener' } });
    }
    const forwarded = new Set(forwardTargets([...listener.DefaultActions, ...ruleActions.flat()]));
    // A weighted forward (blue/green, canary) labels each edge with its target group's share, just
    // "90%": the gap between listeners and target groups is narrow, and the listener card spells
    // the forward out.
    const shares = forwardShares(listener.DefaultActions[0]);
    for (const tgArn of forwarded) {
      if (!world.targetGroups[tgArn]) continue;
      const tg = nodeId.targetGroup(tgArn);
      const share = shares?.get(tgArn);
      edges.push({ id: `forward:${id}->${tg}`, source: id, target: tg, label: share === undefined ? 'forward' : `${share}%`, data: { relation: 'forward' } });
    }
  }
  for (const tg of Object.values(world.targetGroups).sort((a, b) => a.TargetGroupName.localeCompare(b.TargetGroupName))) {
    const counts = new Map<TargetHealthState, number>();
    for (const t of Object.values(tg.targets)) counts.set(t.State, (counts.get(t.State) ?? 0) + 1);
    nodes.push({
      id: nodeId.targetGroup(tg.TargetGroupArn),
      type: 'targetGroup',
      position: { x: 0, y: 0 },
      data: {
        name: tg.TargetGroupName,
        protocol: tg.Protocol,
        port: tg.Port,
        targetType: tg.TargetType,
        healthCheck: tg.HealthCheckEnabled
          ? `${tg.HealthCheckProtocol} ${tg.HealthCheckPath ?? ''} every ${tg.HealthCheckIntervalSeconds} s`.replace('  ', ' ')
          : 'health checks off',
        counts: STATE_ORDER.filter((s) => counts.has(s)).map((state) => ({ state, count: counts.get(state) ?? 0 })),
      },
      width: LAYOUT.targetGroup.width,
      height: LAYOUT.targetGroup.height,
    });
  }
  // One edge per drawn target (targets folded into a summary share one edge, coloured by the worst).
  const seen = new Map<string, number>();
  for (const target of targets.targets) {
    const drawn = (target.taskArn && drawnAs.get(target.taskArn)) || (target.ec2InstanceId && instanceNodes.get(target.ec2InstanceId));
    if (!drawn) continue;
    const source = nodeId.targetGroup(target.targetGroupArn);
    const edgeId = `target:${source}->${drawn}`;
    const at = seen.get(edgeId);
    if (at !== undefined) {
      const edge = edges[at];
      if (edge.data && SEVERITY.indexOf(target.state) > SEVERITY.indexOf(edge.data.targetState ?? 'healthy')) {
        edge.data = { ...edge.data, targetState: target.state };
        edge.label = target.state;
      }
      continue;
    }
    seen.set(edgeId, edges.length);
    edges.push({ id: edgeId, source, target: drawn, label: target.state, data: { relation: 'target', targetState: target.state } });
  }
}
