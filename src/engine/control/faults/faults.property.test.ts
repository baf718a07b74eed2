import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox } from '../../testing/harness';
import { ec2Capacity } from './fixtures';
import { activeFaults, disconnectHeldBy } from './state';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const duration = fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined });
const op = fc.oneof(
  fc.record({ kind: fc.constant('outage' as const), az: fc.constantFrom(...AZS), duration }),
  fc.record({ kind: fc.constant('disconnect' as const), which: fc.constantFrom(0, 1), duration }),
  fc.record({ kind: fc.constant('clearOutage' as const), az: fc.constantFrom(...AZS) }),
  fc.record({ kind: fc.constant('clearDisconnect' as const), which: fc.constantFrom(0, 1) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

describe('faults and the cost meter, over random inject / clear / advance sequences', () => {
  it('never leave a fault active past its duration, keep agents disconnected exactly while a fault holds them, and never decrease the accumulated cost', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const s = sandbox({ seed: 9 });
        const ids = ec2Capacity(s, 2, AZS.slice(0, 2));
        s.call('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: Object.values(s.world.subnets).slice(0, 2).map((x) => x.SubnetId) });
        let lastTotal = s.output('sim:GetCost').accumulated.total;
        for (const o of ops) {
          if (o.kind === 'outage') s.call('sim:InjectFault', { type: 'AvailabilityZoneOutage', target: o.az, durationSeconds: o.duration });
          else if (o.kind === 'disconnect') s.call('sim:InjectFault', { type: 'AgentDisconnect', target: ids[o.which], durationSeconds: o.duration });
          else if (o.kind === 'clearOutage') s.sim.call('sim:ClearFault', { type: 'AvailabilityZoneOutage', target: o.az });
          else if (o.kind === 'clearDisconnect') s.sim.call('sim:ClearFault', { type: 'AgentDisconnect', target: ids[o.which] });
          else s.advance(o.seconds);

          for (const f of activeFaults(s.world)) if (f.endsAt !== undefined) expect(f.endsAt).toBeGreaterThan(s.now);
          for (const id of ids) {
            const ci = s.world.containerInstances[s.world.instances[id].containerInstanceArn!];
            expect(ci.agentConnected).toBe(disconnectHeldBy(s.world, s.world.instances[id]) === undefined);
          }
          const total = s.output('sim:GetCost').accumulated.total;
          expect(total).toBeGreaterThanOrEqual(lastTotal);
          lastTotal = total;
        }
      }),
      { numRuns: 40 },
    );
  });

  it('give the same event log for the same seed and calls', () => {
    const log = () => {
      const s = sandbox({ seed: 4 });
      const [a] = ec2Capacity(s, 2);
      s.call('sim:InjectFault', { type: 'AgentDisconnect', target: a, durationSeconds: 90 });
      s.call('sim:InjectFault', { type: 'AvailabilityZoneOutage', target: 'us-east-1b', durationSeconds: 200 });
      s.call('sim:InjectFault', { type: 'TerminateInstance', target: a });
      s.advance(400);
      s.call('sim:GetCost');
      return JSON.stringify(s.world);
    };
    expect(log()).toBe(log());
  });
});
