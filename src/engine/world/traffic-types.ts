/**
 * Simulated client traffic in the world (sim:SetTraffic) and what the traffic model last computed.
 * Plain data; times are simulated seconds. The model itself is control/traffic/**, the metric
 * producers control/publish/**.
 */

export type TrafficPattern = 'constant' | 'ramp' | 'spike' | 'daily';

/** One stream of requests to a load balancer (one per load balancer, listener port, host and path). */
export interface TrafficSource {
  loadBalancerArn: string;
  loadBalancerName: string;
  /** The request path rules match with path-pattern conditions. */
  path: string;
  /** The Host header rules match with host-header conditions (default: the load balancer's DNS name). */
  host: string;
  /** Listener port the clients connect to; absent = port 80 if there is such a listener, else the lowest port. */
  port?: number;
  /** The configured rate (requests per second); the pattern shapes it over time. */
  requestsPerSecond: number;
  pattern: TrafficPattern;
  /** When this source was set (ramp starts here). */
  since: number;
  /** Fraction of a request carried to the next tick, so whole requests are sent and none are lost. */
  carry: number;
}

/** Request counts of one load balancer (per tick, and summed over the open minute). */
export interface LoadBalancerCounts {
  /** Requests that arrived at the load balancer. */
  offered: number;
  /** Requests the load balancer sent to a target (CloudWatch's RequestCount). */
  requests: number;
  target2xx: number;
  target5xx: number;
  /** Requests refused before reaching the load balancer: no listener on the port, or not active. */
  refused: number;
  elb2xx: number;
  elb3xx: number;
  elb4xx: number;
  elb502: number;
  elb503: number;
  elb504: number;
  /** Other 5XX codes answered by fixed-response actions. */
  elb5xxOther: number;
  /** Sum of response times (seconds) of requests answered by targets, and their min/max (-1: none yet). */
  responseTimeSum: number;
  responseTimeMin: number;
  responseTimeMax: number;
}

/** Request counts of one target group (per tick, and summed over the open minute). */
export interface TargetGroupCounts {
  loadBalancerArn: string;
  requests: number;
  target2xx: number;
  target5xx: number;
  responseTimeSum: number;
  responseTimeMin: number;
  responseTimeMax: number;
}

/** Where a source's requests go (control/traffic/listener-rules.ts routeOf). */
export type TrafficRoute =
  | { kind: 'refused'; why: string }
  | { kind: 'forward'; listenerArn: string; rule: string; groups: { targetGroupArn: string; weight: number }[] }
  | { kind: 'fixed-response'; listenerArn: string; rule: string; statusCode: number }
  | { kind: 'redirect'; listenerArn: string; rule: string };

export interface TrafficState {
  /** By sourceKey(loadBalancerArn, port, host, path). */
  sources: Record<string, TrafficSource>;
  /** True while a traffic tick is waiting in the queue (one clock, never two). */
  clockRunning?: boolean;
  /** Round-robin cursor per target group: where the next tick's first request goes. */
  roundRobin: Record<string, number>;
  /** Cache: per target group, who answers at each routable target (plan.ts; rebuilt when the world changed). */
  plans: Record<string, TargetPlan>;
  /** How much of world.events invalidatePlans has read. */
  eventsSeen?: number;
  /**
   * Cache: each source's route (control/traffic/route.ts), by source key; emptied when the event
   * log tells of a change to a load balancer, listener or rule. Absent in older worlds.
   */
  routes?: Record<string, TrafficRoute>;
  /** How much of world.events the route cache has read. */
  routesSeen?: number;
  /** Conditions the event log has announced (e.g. "failOpen|tgArn"), so each is told once when it starts and once when it ends. */
  notices: Record<string, string>;
  /** The last tick's counts, for sim:GetTraffic and the UI. */
  lastTick: { at: number; loadBalancers: Record<string, LoadBalancerCounts>; targetGroups: Record<string, TargetGroupCounts> };
  /** Counts summed over the minute that is still open (published and reset at the minute). */
  minute: { start: number; loadBalancers: Record<string, LoadBalancerCounts>; targetGroups: Record<string, TargetGroupCounts> };
}

/**
 * Who answers at each routable target of a target group, in routing order (control/traffic/plan.ts).
 * Targets whose tasks behave alike (same task definition, serving container, CPU capacity and
 * image behaviour) share a class, so the load is computed once per class, not once per task.
 */
export interface TargetPlan {
  builtAt: number;
  /** Set when the event log told of a change to the group's targets or of a task leaving RUNNING: rebuild at the next tick. */
  stale?: boolean;
  healthy: number;
  unhealthy: number;
  failOpen: boolean;
  /** Per routable target: the task answering, or '' when the load balancer answers itself. */
  taskArns: string[];
  /** Per routable target: 502 or 504 when nothing answers there, else 0. */
  elb: number[];
  /** Per routable target: index into classes (-1 when elb). */
  classOf: number[];
  /** One representative task, its serving container and how many targets it stands for, per class. */
  classes: { taskArn: string; containerIndex: number; size: number }[];
  /** Per class: prefix[c][i] = how many of the first i targets are of class c (counts a round-robin window in O(1)). */
  prefix: number[][];
  /** The same for targets the load balancer answers 502 / 504, and how many there are. */
  prefix502: number[];
  prefix504: number[];
  count502: number;
  count504: number;
  /** The last tick's share of the group (absent when it got no requests): target i got base + 1 when it lies in the `extra` targets from `start`, and usage[class][0 | 1] is the load for base / base + 1. */
  tick?: { at: number; base: number; extra: number; start: number; usage: TaskUsage[][] };
}

/** A task's current resource use (Task.usage): what its containers use at rest plus under load. */
export interface TaskUsage {
  /** CPU units in use (1,024 per vCPU), at most the task's CPU capacity. */
  cpuUnits: number;
  /** CPU units the load asks for (above cpuUnits when the task is overloaded). */
  cpuDemand: number;
  /** The CPU units the task may use (see control/traffic/capacity.ts). */
  cpuCapacity: number;
  memoryMiB: number;
  requestsPerSecond: number;
  /** Time to answer one request, in ms (grows with overload). */
  latencyMs: number;
  /** Share of requests answered with 5XX (overload, or an unhealthy container). */
  errorRate: number;
  /** Requests per second answered by each container (index in task.containers). */
  requestsByContainer: number[];
  /** When this was computed. Usage objects may be shared by tasks of one class: replace them, never change them. */
  at: number;
}
