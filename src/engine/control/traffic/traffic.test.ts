import { describe, it, expect } from 'vitest';
import { trafficFixture, pushImage, registerTargets, secondGroup, usageOf, waitHealthy } from './fixtures';
import { bridgeTasks } from '../elb/fixtures';
import { routableTargets } from '../elb/routing';
import { routableSet } from './targets';
import { ensureTrafficClock } from './tick';

const WEB = { loadBalancerName: 'web-alb' };

describe('sim:SetTraffic', () => {
  it('answers LoadBalancerNotFoundException for a load balancer that does not exist, as ELB does', () => {
    const f = trafficFixture({ count: 1 });
    f.s.callExpectingError('sim:SetTraffic', { loadBalancerName: 'nope', requestsPerSecond: 10 }, 'LoadBalancerNotFoundException', 'load balancers not found');
  });

  it('refuses a negative rate and an unknown pattern with ValidationError', () => {
    const f = trafficFixture({ count: 1 });
    f.s.callExpectingError('sim:SetTraffic', { ...WEB, requestsPerSecond: -5 }, 'ValidationError', 'greater than or equal to 0');
    f.s.callExpectingError('sim:SetTraffic', { ...WEB, requestsPerSecond: 5, pattern: 'wave' }, 'ValidationError', 'enum value set');
    f.s.callExpectingError('sim:SetTraffic', { ...WEB, requestsPerSecond: 5, path: 'api' }, 'ValidationError', "start with '/'");
  });

  it('is shown by sim:GetTraffic with the rate the pattern gives now', () => {
    const f = trafficFixture({ count: 1 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100, pattern: 'ramp' }).advance(300);
    const out = f.s.output('sim:GetTraffic', WEB);
    expect(out.trafficSources).toHaveLength(1);
    expect(out.trafficSources[0].currentRequestsPerSecond).toBeCloseTo(50, 5);
    expect(out.loadBalancers[0].offeredPerSecond).toBeGreaterThan(40);
  });

  it('stops a source when its rate is set to 0', () => {
    const f = trafficFixture({ count: 1 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 0 }).advance(30);
    expect(f.s.output('sim:GetTraffic', {}).trafficSources).toEqual([]);
    expect(usageOf(f, f.targets[0].taskArn).requestsPerSecond).toBe(0);
  });
});

describe('routing requests to targets', () => {
  it('spreads a target group share equally over its healthy targets (round robin)', () => {
    const f = trafficFixture({ count: 2 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    expect(f.targets.map((t) => usageOf(f, t.taskArn).requestsPerSecond)).toEqual([50, 50]);
  });

  it('uses CPU units = idle + per-request x requests per second, and memory likewise', () => {
    const f = trafficFixture({ count: 2, behavior: { cpuUnitsIdle: 8, cpuUnitsPerRequest: 0.5, memoryMiBIdle: 40, memoryMiBPerRequest: 0.2 } });
    ensureTrafficClock(f.s.sim);
    f.s.advance(60);
    expect(f.s.world.tasks[f.targets[0].taskArn].usage).toMatchObject({ cpuUnits: 8, memoryMiB: 40, requestsPerSecond: 0 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    const u = usageOf(f, f.targets[0].taskArn);
    expect(u.cpuUnits).toBeCloseTo(8 + 0.5 * 50);
    expect(u.memoryMiB).toBeCloseTo(40 + 0.2 * 50);
  });

  it('splits a weighted forward by the target groups’ weights', () => {
    const f = trafficFixture({ count: 1 });
    const blue = secondGroup(f, 'blue-tg', 1, 'blue');
    f.s.call('elbv2:ModifyListener', {
      ListenerArn: f.listenerArn,
      DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: f.tgArn, Weight: 3 }, { TargetGroupArn: blue.tgArn, Weight: 1 }] } }],
    });
    waitHealthy(f, blue.tgArn, 1);
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    expect(usageOf(f, f.targets[0].taskArn).requestsPerSecond).toBe(75);
    expect(usageOf(f, blue.targets[0].taskArn).requestsPerSecond).toBe(25);
  });

  it('sends requests whose path matches a rule’s path-pattern to that rule’s target group', () => {
    const f = trafficFixture({ count: 1 });
    const api = secondGroup(f, 'api-tg', 1, 'api');
    f.s.call('elbv2:CreateRule', { ListenerArn: f.listenerArn, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: api.tgArn }] });
    waitHealthy(f, api.tgArn, 1);
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 30, path: '/api/orders' });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 10, path: '/index.html' }).advance(30);
    expect(usageOf(f, api.targets[0].taskArn).requestsPerSecond).toBe(30);
    expect(usageOf(f, f.targets[0].taskArn).requestsPerSecond).toBe(10);
  });

  it('fails open: when every target is unhealthy, all of them get requests (and an unhealthy container answers 5XX)', () => {
    const f = trafficFixture({ count: 2, behavior: { healthy: false } });
    f.s.advanceUntil(() => Object.values(f.s.world.targetGroups[f.tgArn].targets).every((t) => t.State === 'unhealthy'), 600, 10);
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 20 }).advance(30);
    expect(f.targets.map((t) => usageOf(f, t.taskArn).requestsPerSecond)).toEqual([10, 10]);
    expect(f.s.world.traffic!.lastTick.targetGroups[f.tgArn].target5xx).toBe(200);
    expect(f.s.messages('traffic.failOpen')[0]).toContain('fails open');
  });

  it('answers 503 from the load balancer when a target group has no target to route to', () => {
    const f = trafficFixture({ count: 1 });
    const empty = f.s.output('elbv2:CreateTargetGroup', { Name: 'empty-tg', Protocol: 'HTTP', Port: 80, VpcId: f.vpcId }).TargetGroups[0].TargetGroupArn;
    f.s.call('elbv2:ModifyListener', { ListenerArn: f.listenerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: empty }] });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 10 }).advance(30);
    const lb = f.s.world.traffic!.lastTick.loadBalancers[f.lbArn];
    expect(lb).toMatchObject({ offered: 100, elb503: 100, requests: 0 });
    expect(f.s.messages('traffic.noTargets')[0]).toContain('503 Service Unavailable');
  });

  it('gives draining targets no new requests', () => {
    const f = trafficFixture({ count: 2 });
    f.s.call('elbv2:DeregisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: f.targets[0].instanceId, Port: f.targets[0].hostPort }] });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 40 }).advance(30);
    expect(usageOf(f, f.targets[0].taskArn).requestsPerSecond).toBe(0);
    expect(usageOf(f, f.targets[1].taskArn).requestsPerSecond).toBe(40);
  });

  it('reads the same routable targets as the load balancer’s routing (healthy, or all unhealthy)', () => {
    const f = trafficFixture({ count: 3 });
    const more = bridgeTasks(f.s, 2, pushImage(f.s, 'sick', { healthy: false }), 'sick');
    registerTargets(f, f.tgArn, more);
    f.s.advance(400);
    const fast = routableSet(f.s.world, f.s.world.targetGroups[f.tgArn]).targets.map((t) => `${t.Id}:${t.Port}`).sort();
    expect(fast).toEqual(routableTargets(f.s.world, f.tgArn).map((t) => `${t.Id}:${t.Port}`).sort());
    expect(fast).toHaveLength(3);
  });
});

describe('overload', () => {
  it('makes answers slower by demand / capacity and fails the excess share with 5XX', () => {
    // 128 CPU units per task; 50 req/s x 4 units + 10 idle = 210 units asked for.
    const f = trafficFixture({ count: 2, behavior: { cpuUnitsPerRequest: 4 } });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    const u = usageOf(f, f.targets[0].taskArn);
    expect(u).toMatchObject({ cpuUnits: 128, cpuDemand: 210, cpuCapacity: 128 });
    expect(u.latencyMs).toBeCloseTo(20 * (210 / 128));
    expect(u.errorRate).toBeCloseTo(1 - 118 / 200);
    const tg = f.s.world.traffic!.lastTick.targetGroups[f.tgArn];
    expect(tg.target5xx).toBe(2 * Math.round(500 * (1 - 118 / 200)));
    expect(f.s.messages('traffic.overloaded')[0]).toMatch(/overloaded: 50 requests per second need 210 CPU units but a task has 128/);
  });

  it('does not fail requests while demand stays within the task’s CPU', () => {
    const f = trafficFixture({ count: 2, behavior: { cpuUnitsPerRequest: 2 } });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 100 }).advance(30);
    expect(f.s.world.traffic!.lastTick.targetGroups[f.tgArn].target5xx).toBe(0);
    expect(usageOf(f, f.targets[0].taskArn).latencyMs).toBe(20);
  });
});

describe('changes while traffic flows', () => {
  it('answers 502 for a stopped task until its target is unhealthy, then routes everything to the healthy one', () => {
    const f = trafficFixture({ count: 2 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 20 }).advance(30);
    f.s.call('ecs:StopTask', { cluster: 'prod', task: f.targets[0].taskArn });
    f.s.advanceUntil(() => f.s.world.tasks[f.targets[0].taskArn].lastStatus !== 'RUNNING', 120, 1).advance(10);
    expect(f.s.world.traffic!.lastTick.loadBalancers[f.lbArn].elb502).toBe(100);
    f.s.advanceUntil(() => Object.values(f.s.world.targetGroups[f.tgArn].targets).some((t) => t.State === 'unhealthy'), 600, 10).advance(10);
    expect(f.s.world.traffic!.lastTick.loadBalancers[f.lbArn].elb502).toBe(0);
    expect(usageOf(f, f.targets[1].taskArn).requestsPerSecond).toBe(20);
  });

  it('refuses requests to a port without a listener and says why in the event log', () => {
    const f = trafficFixture({ count: 1 });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 5, port: 443 }).advance(30);
    expect(f.s.world.traffic!.lastTick.loadBalancers[f.lbArn]).toMatchObject({ offered: 50, refused: 50, requests: 0 });
    expect(f.s.messages('traffic.refused')[0]).toContain('no listener on port 443');
  });

  it('gives the same results after a snapshot is restored (the model keeps its state in the world)', () => {
    const f = trafficFixture({ count: 2, behavior: { cpuUnitsPerRequest: 3 } });
    f.s.call('sim:SetTraffic', { ...WEB, requestsPerSecond: 77, pattern: 'daily' }).advance(125);
    const snapshot = f.s.sim.snapshot();
    f.s.advance(600);
    const first = JSON.stringify([f.s.world.traffic, f.s.world.metrics, f.s.world.events.length]);
    f.s.sim.restore(snapshot);
    f.s.advance(600);
    expect(JSON.stringify([f.s.world.traffic, f.s.world.metrics, f.s.world.events.length])).toBe(first);
  });
});

