import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox, type Sandbox } from '../../testing/harness';
import { ecsGroup, inServiceByZone, isSettled } from '../../aws/autoscaling/test-fixtures';

type Op =
  | { kind: 'update'; min: number; max: number; desired?: number }
  | { kind: 'setDesired'; desired: number }
  | { kind: 'terminate'; pick: number; decrement: boolean }
  | { kind: 'ec2Terminate'; pick: number }
  | { kind: 'advance'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), min: fc.integer({ min: 0, max: 4 }), max: fc.integer({ min: 0, max: 8 }), desired: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }) }),
  { arbitrary: fc.record({ kind: fc.constant('setDesired' as const), desired: fc.integer({ min: 0, max: 8 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat(), decrement: fc.boolean() }), weight: 4 },
  fc.record({ kind: fc.constant('ec2Terminate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 90 }) }),
);

/** Applies one operation; calls AWS would refuse (out of bounds, already terminating) are simply refused. */
function apply(s: Sandbox, o: Op): void {
  const live = Object.values(s.world.autoScalingGroups.asg.instances).filter((m) => m.LifecycleState === 'Pending' || m.LifecycleState === 'InService');
  const target = live.length > 0 && (o.kind === 'terminate' || o.kind === 'ec2Terminate') ? live[o.pick % live.length].InstanceId : undefined;
  if (o.kind === 'update') s.sim.call('autoscaling:UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', MinSize: o.min, MaxSize: o.max, ...(o.desired !== undefined ? { DesiredCapacity: o.desired } : {}) });
  if (o.kind === 'setDesired') s.sim.call('autoscaling:SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: o.desired });
  if (o.kind === 'terminate' && target) s.sim.call('autoscaling:TerminateInstanceInAutoScalingGroup', { InstanceId: target, ShouldDecrementDesiredCapacity: o.decrement });
  if (o.kind === 'ec2Terminate' && target) s.sim.call('ec2:TerminateInstances', { InstanceIds: [target] });
  if (o.kind === 'advance') s.advance(o.seconds);
}

describe('an Auto Scaling group, whatever is done to it', () => {
  it('settles to exactly DesiredCapacity InService instances within its bounds, with its AZs at most one apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 16 }), (seed, zones, ops) => {
        const s = sandbox({ seed });
        ecsGroup(s, { min: 0, max: 6, desired: 6, zones });
        s.advanceUntil(() => isSettled(s), 600, 5);
        for (const o of ops) apply(s, o);
        s.advanceUntil(() => isSettled(s) && spread(s) <= 1, 1800, 5);
        const g = s.world.autoScalingGroups.asg;
        expect(g.MinSize).toBeLessThanOrEqual(g.DesiredCapacity);
        expect(g.DesiredCapacity).toBeLessThanOrEqual(g.MaxSize);
        const inService = Object.values(g.instances).filter((m) => m.LifecycleState === 'InService');
        expect(inService).toHaveLength(g.DesiredCapacity);
        for (const m of inService) expect(s.world.instances[m.InstanceId].State.Name).toBe('running');
      }),
      { numRuns: 150 },
    );
  });
});

function spread(s: Sandbox): number {
  const counts = Object.values(inServiceByZone(s));
  return Math.max(...counts) - Math.min(...counts);
}
