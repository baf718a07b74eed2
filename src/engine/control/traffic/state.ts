/** The traffic model's part of the world, created on first use (older worlds have none). */
import type { World } from '../../world/types';
import type { LoadBalancerCounts, TargetGroupCounts, TrafficState } from '../../world/traffic-types';

export function trafficState(world: World): TrafficState {
  world.traffic ??= {
    sources: {},
    roundRobin: {},
    plans: {},
    notices: {},
    lastTick: { at: 0, loadBalancers: {}, targetGroups: {} },
    minute: { start: 0, loadBalancers: {}, targetGroups: {} },
  };
  return world.traffic;
}

export const sourceKey = (loadBalancerArn: string, port: number | undefined, host: string, path: string) => `${loadBalancerArn}|${port ?? ''}|${host}|${path}`;

export const emptyLoadBalancerCounts = (): LoadBalancerCounts => ({
  offered: 0,
  requests: 0,
  target2xx: 0,
  target5xx: 0,
  refused: 0,
  elb2xx: 0,
  elb3xx: 0,
  elb4xx: 0,
  elb502: 0,
  elb503: 0,
  elb504: 0,
  elb5xxOther: 0,
  responseTimeSum: 0,
  responseTimeMin: -1,
  responseTimeMax: 0,
});

export const emptyTargetGroupCounts = (loadBalancerArn: string): TargetGroupCounts => ({
  loadBalancerArn,
  requests: 0,
  target2xx: 0,
  target5xx: 0,
  responseTimeSum: 0,
  responseTimeMin: -1,
  responseTimeMax: 0,
});

/** Minimum of two response-time minimums where -1 means "no response yet". */
export const combineMin = (a: number, b: number) => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

/** Adds `from` into `into` (counts sum, response time min/max combine). */
export function addCounts<T extends LoadBalancerCounts | TargetGroupCounts>(into: T, from: T): void {
  for (const key of Object.keys(from) as (keyof T)[]) {
    if (key === 'loadBalancerArn') continue;
    if (key === 'responseTimeMin') into[key] = combineMin(into[key] as number, from[key] as number) as T[keyof T];
    else if (key === 'responseTimeMax') into[key] = Math.max(into[key] as number, from[key] as number) as T[keyof T];
    else (into[key] as number) += from[key] as number;
  }
}

/** ELB 5XX answered by the load balancer itself (HTTPCode_ELB_5XX_Count). */
export const elb5xx = (c: LoadBalancerCounts) => c.elb502 + c.elb503 + c.elb504 + c.elb5xxOther;
