/**
 * What the traffic model tells the event log: not every tick (that would drown the log), but each
 * condition a learner should notice, once when it starts and once when it ends, in the words of
 * the ALB and ECS documentation:
 *  - a load balancer refusing connections (not active, no listener on the port),
 *  - a target group with no target to route to (the load balancer answers 503),
 *  - a target group failing open (every target unhealthy, so all of them get requests),
 *  - the tasks of a target group overloaded (CPU demand above their CPU: slower answers and 5XX).
 */
import type { Simulation } from '../../simulation';
import type { TrafficState } from '../../world/traffic-types';
import type { TickRouting } from './route';
import type { Distribution } from './distribute';

const nameOf = (arn: string) => arn.split('/').slice(-2, -1)[0] ?? arn;

export function announce(sim: Simulation, state: TrafficState, routing: TickRouting, distribution: Distribution): void {
  const now: Record<string, { text: string; resource: string; kind: string }> = {};
  for (const [lbArn, route] of routing.routes) {
    if (route.kind === 'refused') now[`refused|${lbArn}`] = { kind: 'traffic.refused', resource: lbArn, text: `Requests to load balancer ${nameOf(lbArn)} are refused: ${route.why}.` };
  }
  for (const [tgArn, { plan, overloaded: u }] of distribution.outcomes) {
    const tgName = sim.world.targetGroups[tgArn]?.TargetGroupName ?? nameOf(tgArn);
    if (!plan || plan.taskArns.length === 0) {
      now[`noTargets|${tgArn}`] = { kind: 'traffic.noTargets', resource: tgArn, text: `Target group ${tgName} has no healthy target (and no unhealthy one to fail open to): the load balancer answers its requests with 503 Service Unavailable (HTTPCode_ELB_503_Count).` };
    } else if (plan.failOpen) {
      now[`failOpen|${tgArn}`] = { kind: 'traffic.failOpen', resource: tgArn, text: `Every target in target group ${tgName} is unhealthy, so the load balancer fails open and routes requests to all ${plan.taskArns.length} of them regardless of their health.` };
    }
    if (u) {
      now[`overloaded|${tgArn}`] = {
        kind: 'traffic.overloaded',
        resource: tgArn,
        text: `Tasks behind target group ${tgName} are overloaded: ${Math.round(u.requestsPerSecond)} requests per second need ${Math.round(u.cpuDemand)} CPU units but a task has ${u.cpuCapacity}; responses take ${(u.cpuDemand / u.cpuCapacity).toFixed(1)}x longer and ${Math.round(u.errorRate * 100)}% of requests fail with 5XX.`,
      };
    }
  }
  for (const [key, n] of Object.entries(now)) {
    if (state.notices[key] !== undefined) continue;
    state.notices[key] = n.kind;
    sim.emit({ source: 'sim', kind: n.kind, resource: n.resource, message: n.text });
  }
  for (const [key, kind] of Object.entries(state.notices)) {
    if (now[key]) continue;
    delete state.notices[key];
    const [, arn] = key.split('|');
    sim.emit({ source: 'sim', kind: `${kind}.ended`, resource: arn, message: ended(sim, kind, arn) });
  }
}

function ended(sim: Simulation, kind: string, arn: string): string {
  switch (kind) {
    case 'traffic.refused':
      return `Load balancer ${nameOf(arn)} accepts requests again (or no traffic is sent to it).`;
    case 'traffic.noTargets':
      return `Target group ${sim.world.targetGroups[arn]?.TargetGroupName ?? nameOf(arn)} has targets to route to again (or gets no requests).`;
    case 'traffic.failOpen':
      return `Target group ${sim.world.targetGroups[arn]?.TargetGroupName ?? nameOf(arn)} no longer fails open: requests go to its healthy targets only.`;
    default:
      return `Tasks behind target group ${sim.world.targetGroups[arn]?.TargetGroupName ?? nameOf(arn)} are no longer overloaded.`;
  }
}
