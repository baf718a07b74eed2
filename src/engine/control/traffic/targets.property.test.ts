/**
 * routableCounts (the metrics' HealthyHostCount / UnHealthyHostCount every minute) counts exactly
 * the targets routableSet lists, whatever the targets' states and their instances' states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../world/create';
import type { RegisteredTarget, TargetGroup, TargetHealthState } from '../../world/elb-types';
import { routableCounts, routableSet } from './targets';

const STATES: TargetHealthState[] = ['initial', 'healthy', 'unhealthy', 'unused', 'draining'];
const INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;

describe('routableCounts', () => {
  it('counts the healthy and unhealthy targets routableSet finds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'instance' | 'ip'>('instance', 'ip'),
        fc.array(fc.record({ state: fc.constantFrom(...STATES), instance: fc.integer({ min: 0, max: 3 }) }), { maxLength: 20 }),
        fc.array(fc.constantFrom(...INSTANCE_STATES), { minLength: 4, maxLength: 4 }),
        (type, targets, instanceStates) => {
          const world = createWorld();
          instanceStates.forEach((name, i) => ((world.instances as Record<string, unknown>)[`i-${i}`] = { InstanceId: `i-${i}`, State: { Code: 0, Name: name } }));
          const tg = { TargetType: type, targets: {} as Record<string, RegisteredTarget> } as TargetGroup;
          targets.forEach((t, i) => (tg.targets[`i-${t.instance}:${i}`] = { Id: `i-${t.instance}`, Port: i, State: t.state } as RegisteredTarget));
          const set = routableSet(world, tg);
          expect(routableCounts(world, tg)).toEqual({ healthy: set.healthy, unhealthy: set.unhealthy });
        },
      ),
    );
  });
});
