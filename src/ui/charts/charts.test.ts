import { describe, it, expect, beforeAll } from 'vitest';
import { serviceWorld, type ServiceWorld } from './fixture';
import { chartsFor, chartTimes, WINDOW } from './specs';
import { createSampler, sample, sampledValues, MIN_STEP } from './sampler';
import { taskCounts } from './counts';
import { findMetric, metricValues, minutes } from './metrics';

let w: ServiceWorld;
beforeAll(() => {
  w = serviceWorld(10);
});

const last = <T>(xs: T[]) => xs[xs.length - 1];
const nonNull = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);

describe('metric series', () => {
  it('reads ECS CPUUtilization once a minute while the service has RUNNING tasks', () => {
    const series = findMetric(w.s.world, 'AWS/ECS', 'CPUUtilization', { ClusterName: 'prod', ServiceName: 'web' });
    expect(series).toHaveLength(1);
    const values = metricValues(series, minutes(0, w.s.now), 'Average', w.s.now);
    expect(nonNull(values).length).toBeGreaterThan(5);
    expect(values[0]).toBeNull(); // nothing ran in the first minute: no datapoint, not zero
  });

  it('finds a target group series whatever its LoadBalancer dimension, with "*"', () => {
    const tg = w.targetGroupArn.slice(w.targetGroupArn.lastIndexOf(':') + 1);
    expect(findMetric(w.s.world, 'AWS/ApplicationELB', 'HealthyHostCount', { LoadBalancer: '*', TargetGroup: tg })).toHaveLength(1);
    expect(findMetric(w.s.world, 'AWS/ApplicationELB', 'HealthyHostCount', { TargetGroup: tg })).toHaveLength(0);
  });

  it('sums RequestCount per minute: 50 requests per second is about 3,000 a minute', () => {
    const lb = w.loadBalancerArn.slice(w.loadBalancerArn.indexOf(':loadbalancer/') + 14);
    const values = nonNull(metricValues(findMetric(w.s.world, 'AWS/ApplicationELB', 'RequestCount', { LoadBalancer: lb }), minutes(0, w.s.now - 120), 'Sum', w.s.now));
    expect(last(values)).toBeGreaterThan(2500);
    expect(last(values)).toBeLessThan(3500);
  });
});

describe('task counts from the event log', () => {
  it('counts the service running 3 tasks at the end, and none before it was created', () => {
    const counts = taskCounts(w.s.world.events, { clusterName: 'prod', group: 'service:web' }, [0, w.s.now]);
    expect(counts.running).toEqual([0, 3]);
    expect(counts.pending).toEqual([0, 0]);
  });

  it('agrees with the world at every minute: running = tasks RUNNING then (replayed)', () => {
    const times = minutes(0, w.s.now);
    const counts = taskCounts(w.s.world.events, { clusterName: 'prod', group: 'service:web' }, times);
    expect(Math.max(...counts.pending)).toBeGreaterThan(0); // the tasks were pending on their way up
    expect(last(counts.running)).toBe(Object.values(w.s.world.tasks).filter((t) => t.group === 'service:web' && t.lastStatus === 'RUNNING').length);
  });
});

describe('the sampler', () => {
  it('records desiredCount and drops the future when the playhead goes back', () => {
    const { s } = serviceWorld(1);
    const sampler = createSampler();
    sample(sampler, s.sim);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 5 }).advance(MIN_STEP);
    sample(sampler, s.sim);
    const times = sampler.samples.map((x) => x.t);
    expect(sampledValues(sampler.samples, times, (x) => x.desired[w.serviceArn])).toEqual([3, 5]);
    // A seek back to before the update: a restored world at an earlier time.
    const earlier = { world: s.sim.world, now: times[0], date: (t: number) => s.sim.date(t) } as unknown as typeof s.sim;
    sample(sampler, earlier);
    expect(sampler.samples.map((x) => x.t)).toEqual([times[0]]);
  });

  it('reads the cost without changing the world (the playhead must stay a straight replay)', () => {
    const { s } = serviceWorld(1);
    const before = JSON.stringify(s.world.costLedger ?? null);
    const sampler = createSampler();
    sample(sampler, s.sim);
    expect(sampler.samples[0].cost).toBeGreaterThan(0);
    expect(JSON.stringify(s.world.costLedger ?? null)).toBe(before);
  });

  it('gives null before the first sample and holds the last value after it', () => {
    const samples = [{ t: 10, desired: { a: 2 }, instances: {} }];
    expect(sampledValues(samples, [0, 10, 500], (x) => x.desired.a)).toEqual([null, 2, 2]);
  });
});

describe('charts for the selection', () => {
  it('shows a selected service its tasks, utilization, requests and healthy targets', () => {
    const sampler = createSampler();
    sample(sampler, w.s.sim);
    const charts = chartsFor({ world: w.s.world, events: w.s.world.events, samples: sampler.samples, now: w.s.now, selection: { kind: 'service', id: w.serviceArn } });
    expect(charts.map((c) => c.id)).toEqual(['service-tasks', 'service-utilization', 'tg-traffic', 'tg-hosts']);
    const tasks = charts[0].series;
    expect(last(tasks.find((x) => x.label === 'runningCount')!.values)).toBe(3);
    expect(last(tasks.find((x) => x.label === 'desiredCount')!.values)).toBe(3);
    expect(nonNull(charts[3].series[0].values)).toContain(3);
  });

  it('draws the CPU alarm threshold on the service utilization chart', () => {
    const charts = chartsFor({ world: w.s.world, events: w.s.world.events, samples: [], now: w.s.now, selection: { kind: 'service', id: w.serviceArn } });
    expect(charts[1].thresholds).toEqual([expect.objectContaining({ value: 70, scale: 'percent' })]);
  });

  it('with nothing selected shows the first cluster and the cost estimate', () => {
    const sampler = createSampler();
    sample(sampler, w.s.sim);
    const charts = chartsFor({ world: w.s.world, events: w.s.world.events, samples: sampler.samples, now: w.s.now, selection: null });
    expect(charts.map((c) => c.id)).toEqual(['cluster-utilization', 'cluster-capacity', 'cost']);
    expect(last(charts[1].series[0].values)).toBe(3);
    expect(last(charts[2].series[0].values)!).toBeGreaterThan(0);
  });

  it('shows a load balancer its requests and ELB 5XX', () => {
    const charts = chartsFor({ world: w.s.world, events: w.s.world.events, samples: [], now: w.s.now, selection: { kind: 'loadBalancer', id: w.loadBalancerArn } });
    expect(charts[0].series.map((x) => x.label)).toContain('HTTPCode_ELB_5XX_Count');
    expect(nonNull(charts[0].series[0].values).length).toBeGreaterThan(3);
  });

  it('spans at most the window, one point a minute, and ends at the playhead', () => {
    const times = chartTimes(3 * WINDOW + 30);
    expect(last(times)).toBe(3 * WINDOW + 30);
    expect(times[0]).toBe(2 * WINDOW);
    expect(times.length).toBe(WINDOW / 60 + 2);
  });
});
