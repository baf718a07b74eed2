import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trafficFixture, usageOf } from './fixtures';
import { elb5xx } from './state';

describe('requests are conserved', () => {
  it('for any rate, load and target set: what targets answer plus ELB answers equals the offered load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.05, max: 2000, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        fc.boolean(),
        (count, rps, perRequest, emptyGroup) => {
          const f = trafficFixture({ count, behavior: { cpuUnitsPerRequest: perRequest } });
          if (emptyGroup) {
            const empty = f.s.output('elbv2:CreateTargetGroup', { Name: 'empty-tg', Protocol: 'HTTP', Port: 80, VpcId: f.vpcId }).TargetGroups[0].TargetGroupArn;
            f.s.call('elbv2:ModifyListener', {
              ListenerArn: f.listenerArn,
              DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: f.tgArn, Weight: 1 }, { TargetGroupArn: empty, Weight: 1 }] } }],
            });
          }
          f.s.call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: rps }).advance(30);
          const state = f.s.world.traffic!;
          const tick = state.lastTick.loadBalancers[f.lbArn];
          expect(Math.abs(tick.offered - rps * 10)).toBeLessThanOrEqual(1);
          expect(tick.target2xx + tick.target5xx + elb5xx(tick) + tick.elb2xx + tick.elb3xx + tick.elb4xx + tick.refused).toBe(tick.offered);
          const served = f.targets.reduce((sum, t) => sum + (usageOf(f, t.taskArn)?.requestsPerSecond ?? 0) * 10, 0);
          expect(Math.round(served)).toBe(tick.requests - tick.elb502 - tick.elb504);
        },
      ),
      { numRuns: 12 },
    );
  });
});
