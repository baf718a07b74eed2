/**
 * sim:SetTraffic and sim:GetTraffic: client traffic to a load balancer (AWS has no API for
 * "users arrive"; these are the sandbox's). Traffic is a rate, not one event per request: the
 * traffic clock (control/traffic/tick.ts) sends each tick's whole requests through the listener.
 *
 * SetTraffic {loadBalancerName | loadBalancerArn, requestsPerSecond, pattern?, path?, host?, port?}
 *  - one source per load balancer, listener port, host and path; setting it again replaces its
 *    rate and pattern; requestsPerSecond 0 removes it.
 *  - pattern: constant (default) | ramp | spike | daily (shapes in control/traffic/patterns.ts).
 *  - path defaults to "/", host to the load balancer's DNS name (what a client sends).
 * Errors as ELB answers them: an unknown load balancer is LoadBalancerNotFoundException ("One or
 * more load balancers not found"); bad values are ValidationError with AWS's "1 validation error
 * detected" wording. Choice: at most MAX_REQUESTS_PER_SECOND (1,000,000) per source.
 */
import type { Simulation } from '../../simulation';
import type { TrafficPattern, TrafficSource } from '../../world/traffic-types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';
import { loadBalancerNotFound } from '../elbv2/common';
import { describePattern, rateAt, TRAFFIC_PATTERNS } from '../../control/traffic/patterns';
import { sourceKey, trafficState } from '../../control/traffic/state';
import { ensureTrafficClock } from '../../control/traffic/tick';
import { TICK_SECONDS } from '../../control/traffic/route';

export const MAX_REQUESTS_PER_SECOND = 1_000_000;

const invalid = (field: string, value: unknown, constraint: string) => new AwsError('ValidationError', validationMessage(field, value, constraint));

function loadBalancerOf(sim: Simulation, input: Input) {
  const name = input.loadBalancerName;
  const arn = input.loadBalancerArn;
  if (name === undefined && arn === undefined) throw invalid('loadBalancerName', undefined, 'Member must not be null');
  if (arn !== undefined) {
    if (typeof arn !== 'string') throw invalid('loadBalancerArn', arn, 'Member must be a string');
    const lb = sim.world.loadBalancers[arn];
    if (!lb) throw loadBalancerNotFound();
    return lb;
  }
  if (typeof name !== 'string') throw invalid('loadBalancerName', name, 'Member must be a string');
  const lb = Object.values(sim.world.loadBalancers).find((l) => l.LoadBalancerName === name);
  if (!lb) throw loadBalancerNotFound();
  return lb;
}

function rateOf(input: Input): number {
  const r = input.requestsPerSecond;
  if (r === undefined || r === null) throw invalid('requestsPerSecond', r, 'Member must not be null');
  if (typeof r !== 'number' || !Number.isFinite(r)) throw invalid('requestsPerSecond', r, 'Member must be a number');
  if (r < 0) throw invalid('requestsPerSecond', r, 'Member must have value greater than or equal to 0');
  if (r > MAX_REQUESTS_PER_SECOND) throw invalid('requestsPerSecond', r, `Member must have value less than or equal to ${MAX_REQUESTS_PER_SECOND}`);
  return r;
}

function patternOf(input: Input): TrafficPattern {
  const p = input.pattern ?? 'constant';
  if (!(TRAFFIC_PATTERNS as readonly unknown[]).includes(p)) throw invalid('pattern', p, `Member must satisfy enum value set: [${TRAFFIC_PATTERNS.join(', ')}]`);
  return p as TrafficPattern;
}

function optionalText(input: Input, field: string, check?: (v: string) => string | undefined): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > 1024) throw invalid(field, v, 'Member must be a string of 1 to 1024 characters');
  const problem = check?.(v);
  if (problem) throw invalid(field, v, problem);
  return v;
}

function portOf(input: Input): number | undefined {
  const p = input.port;
  if (p === undefined || p === null) return undefined;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 65535) throw invalid('port', p, 'Member must have value between 1 and 65535');
  return p;
}

const sourceOutput = (sim: Simulation, s: TrafficSource) => ({
  loadBalancerName: s.loadBalancerName,
  loadBalancerArn: s.loadBalancerArn,
  path: s.path,
  host: s.host,
  ...(s.port !== undefined ? { port: s.port } : {}),
  requestsPerSecond: s.requestsPerSecond,
  pattern: s.pattern,
  currentRequestsPerSecond: rateAt(s, sim.now),
  since: sim.date(s.since),
});

export function setTraffic(sim: Simulation, input: Input) {
  const lb = loadBalancerOf(sim, input);
  const requestsPerSecond = rateOf(input);
  const pattern = patternOf(input);
  const path = optionalText(input, 'path', (v) => (v.startsWith('/') ? undefined : "Member must start with '/'")) ?? '/';
  const host = optionalText(input, 'host') ?? lb.DNSName;
  const port = portOf(input);
  const state = trafficState(sim.world);
  const key = sourceKey(lb.LoadBalancerArn, port, host, path);
  const where = `load balancer ${lb.LoadBalancerName} (host ${host}, path ${path}${port !== undefined ? `, port ${port}` : ''})`;
  if (requestsPerSecond === 0) {
    const had = Object.hasOwn(state.sources, key);
    delete state.sources[key];
    if (had) sim.emit({ source: 'sim', kind: 'traffic.set', resource: lb.LoadBalancerArn, message: `Stopped sending traffic to ${where}.` });
    return { trafficSource: null };
  }
  const previous = Object.hasOwn(state.sources, key) ? state.sources[key] : undefined;
  const source: TrafficSource = {
    loadBalancerArn: lb.LoadBalancerArn,
    loadBalancerName: lb.LoadBalancerName,
    path,
    host,
    ...(port !== undefined ? { port } : {}),
    requestsPerSecond,
    pattern,
    since: sim.now,
    carry: previous?.carry ?? 0,
  };
  state.sources[key] = source;
  sim.emit({
    source: 'sim',
    kind: 'traffic.set',
    resource: lb.LoadBalancerArn,
    message: `Sending ${requestsPerSecond} requests per second (${describePattern(pattern)}) to ${where}; the load balancer routes them every ${TICK_SECONDS} s.`,
    detail: { requestsPerSecond, pattern, path, host, ...(port !== undefined ? { port } : {}) },
  });
  ensureTrafficClock(sim);
  return { trafficSource: sourceOutput(sim, source) };
}

/** The traffic sources (optionally of one load balancer) and what the last tick did with them, per second. */
export function getTraffic(sim: Simulation, input: Input) {
  const state = trafficState(sim.world);
  const only = input.loadBalancerName !== undefined || input.loadBalancerArn !== undefined ? loadBalancerOf(sim, input).LoadBalancerArn : undefined;
  const sources = Object.values(state.sources).filter((s) => !only || s.loadBalancerArn === only);
  const perSecond = (n: number) => n / TICK_SECONDS;
  const loadBalancers = Object.entries(state.lastTick.loadBalancers)
    .filter(([arn]) => !only || arn === only)
    .map(([arn, c]) => ({
      loadBalancerArn: arn,
      loadBalancerName: sim.world.loadBalancers[arn]?.LoadBalancerName,
      offeredPerSecond: perSecond(c.offered),
      toTargetsPerSecond: perSecond(c.requests),
      target5xxPerSecond: perSecond(c.target5xx),
      elb5xxPerSecond: perSecond(c.elb502 + c.elb503 + c.elb504 + c.elb5xxOther),
      refusedPerSecond: perSecond(c.refused),
      targetGroups: Object.entries(state.lastTick.targetGroups)
        .filter(([, g]) => g.loadBalancerArn === arn)
        .map(([tgArn, g]) => ({ targetGroupArn: tgArn, requestsPerSecond: perSecond(g.requests), target5xxPerSecond: perSecond(g.target5xx), averageResponseTimeSeconds: g.target2xx + g.target5xx > 0 ? g.responseTimeSum / (g.target2xx + g.target5xx) : undefined })),
    }));
  return { trafficSources: sources.map((s) => sourceOutput(sim, s)), lastTickAt: sim.date(state.lastTick.at), loadBalancers };
}

export const trafficActions = {
  'sim:SetTraffic': setTraffic,
  'sim:GetTraffic': getTraffic,
};
