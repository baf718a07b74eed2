/**
 * The listeners of a blue/green deployment, changed with ELB's own ModifyListener so the traffic
 * model and DescribeListeners see exactly what CodeDeploy did.
 *
 * AWS (CodeDeploy user guide, "What happens during an Amazon ECS deployment"): production traffic
 * moves from the original target group to the replacement one by the configuration's weights; the
 * test listener is pointed at the replacement target group in AllowTestTraffic; a rollback
 * points both back at the original. An ALB listener gets a weighted forward (blue 100 - p,
 * green p); a Network Load Balancer cannot weight target groups, so it forwards to one of them.
 */
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Simulation } from '../../simulation';
import type { CodeDeployDeployment } from '../../world/codedeploy-types';
import { modifyListener } from '../../aws/elbv2/listeners';

export function weightedForward(blueArn: string, greenArn: string, greenPercent: number): Action[] {
  return [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueArn, Weight: 100 - greenPercent }, { TargetGroupArn: greenArn, Weight: greenPercent }] } }];
}

function isNetwork(sim: Simulation, listenerArn: string): boolean {
  const l = sim.world.listeners[listenerArn];
  return !!l && sim.world.loadBalancers[l.LoadBalancerArn]?.Type === 'network';
}

/** Sets the production listeners' weights: `greenPercent` % to the replacement target group. */
export function setProductionTraffic(sim: Simulation, d: CodeDeployDeployment, greenPercent: number): void {
  for (const listenerArn of d.prodListenerArns) {
    const actions = isNetwork(sim, listenerArn)
      ? [{ Type: 'forward' as const, TargetGroupArn: greenPercent >= 100 ? d.greenTargetGroupArn : d.blueTargetGroupArn }]
      : weightedForward(d.blueTargetGroupArn, d.greenTargetGroupArn, greenPercent);
    modifyListener(sim, { ListenerArn: listenerArn, DefaultActions: actions });
  }
  d.greenWeight = greenPercent;
}

/** Points the test listeners at one target group. */
export function setTestTraffic(sim: Simulation, d: CodeDeployDeployment, targetGroupArn: string): void {
  for (const listenerArn of d.testListenerArns) modifyListener(sim, { ListenerArn: listenerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }] });
}

/** The weight (0-100 share) each target group gets from a listener's default forward action. */
export function listenerWeights(sim: Simulation, listenerArn: string): Record<string, number> {
  const action = sim.world.listeners[listenerArn]?.DefaultActions.find((a) => a.Type === 'forward');
  const groups = action?.ForwardConfig?.TargetGroups ?? (action?.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn, Weight: 1 }] : []);
  const total = groups.reduce((n, g) => n + (g.Weight ?? 1), 0);
  const out: Record<string, number> = {};
  for (const g of groups) if (g.TargetGroupArn) out[g.TargetGroupArn] = total ? ((g.Weight ?? 1) * 100) / total : 0;
  return out;
}
