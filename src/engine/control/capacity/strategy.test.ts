import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox } from '../../testing/harness';
import { fargateTaskDefinition, registerTaskDefinition } from '../../testing/task-fixtures';
import type { CapacityProviderStrategyItem } from '../../world/capacity-types';
import { nextProvider } from './strategy';

function split(strategy: CapacityProviderStrategyItem[], tasks: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < tasks; i++) {
    const { capacityProvider } = nextProvider(strategy, counts);
    counts[capacityProvider] = (counts[capacityProvider] ?? 0) + 1;
  }
  return counts;
}

describe('a capacity provider strategy shares tasks by base, then weight', () => {
  it('base 2 on A and weights A 1 : B 3 put 4 of 10 tasks on A and 6 on B', () => {
    expect(split([{ capacityProvider: 'A', base: 2, weight: 1 }, { capacityProvider: 'B', base: 0, weight: 3 }], 10)).toEqual({ A: 4, B: 6 });
  });

  it('fills the base before anything else, even when its weight is 0', () => {
    expect(split([{ capacityProvider: 'A', base: 3, weight: 0 }, { capacityProvider: 'B', base: 0, weight: 1 }], 5)).toEqual({ A: 3, B: 2 });
  });

  it('gives a weight-0 provider nothing after the base', () => {
    expect(split([{ capacityProvider: 'A', base: 0, weight: 0 }, { capacityProvider: 'B', base: 0, weight: 2 }], 7)).toEqual({ B: 7 });
  });

  it('keeps every provider within one task of its weighted share beyond the base (property)', () => {
    const item = fc.record({ weight: fc.integer({ min: 0, max: 20 }), base: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 60 }), (raw, tasks) => {
        fc.pre(raw.some((i) => i.weight > 0));
        const strategy = raw.map((r, i) => ({ capacityProvider: `P${i}`, weight: r.weight, base: i === 0 ? r.base : 0 }));
        const counts = split(strategy, tasks);
        const base = Math.min(strategy[0].base, tasks);
        const beyond = tasks - base;
        const total = strategy.reduce((s, i) => s + i.weight, 0);
        for (const item of strategy) {
          const got = (counts[item.capacityProvider] ?? 0) - (item === strategy[0] ? base : 0);
          expect(Math.abs(got - (item.weight / total) * beyond)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('RunTask with a FARGATE / FARGATE_SPOT strategy', () => {
  function fargateCluster(strategy: unknown[]) {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    s.call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: strategy });
    registerTaskDefinition(s, fargateTaskDefinition('web'));
    const subnets = Object.values(s.world.subnets).slice(0, 2).map((x) => x.SubnetId);
    return { s, network: { awsvpcConfiguration: { subnets } } };
  }

  it('splits 9 tasks base 1 FARGATE + weights 1 : 3 into 3 FARGATE and 6 FARGATE_SPOT, all launched on Fargate', () => {
    const { s, network } = fargateCluster([]);
    const out = s.output('ecs:RunTask', {
      cluster: 'prod',
      taskDefinition: 'web',
      count: 9,
      networkConfiguration: network,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    });
    const by = (name: string) => out.tasks.filter((t: any) => t.capacityProviderName === name).length;
    expect([by('FARGATE'), by('FARGATE_SPOT')]).toEqual([3, 6]);
    expect(out.tasks.every((t: any) => t.launchType === 'FARGATE')).toBe(true);
  });

  it('uses the cluster default strategy when neither a launch type nor a strategy is given', () => {
    const { s, network } = fargateCluster([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 2, networkConfiguration: network });
    expect(out.tasks.map((t: any) => t.capacityProviderName)).toEqual(['FARGATE_SPOT', 'FARGATE_SPOT']);
  });

  it('a launch type overrides the cluster default strategy (no capacity provider on the task)', () => {
    const { s, network } = fargateCluster([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: network });
    expect(out.tasks[0].capacityProviderName).toBeUndefined();
  });

  it('refuses a launch type together with a strategy', () => {
    const { s, network } = fargateCluster([]);
    s.callExpectingError(
      'ecs:RunTask',
      { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: network, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] },
      'InvalidParameterException',
      'Specifying both a launch type and capacity provider strategy is not supported.',
    );
  });
});
