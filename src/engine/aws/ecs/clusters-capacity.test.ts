import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';

describe('CreateCluster with capacity providers', () => {
  it('associates FARGATE and FARGATE_SPOT and sets the default strategy in one call, as the API allows', () => {
    const s = sandbox();
    const out = s.output('ecs:CreateCluster', {
      clusterName: 'prod',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    });
    expect(out.cluster.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(out.cluster.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
    ]);
  });

  it('refuses a default strategy that names a provider not in the list, and creates no cluster', () => {
    const s = sandbox();
    const before = s.world.events.length;
    s.callExpectingError(
      'ecs:CreateCluster',
      { clusterName: 'prod', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
      'InvalidParameterException',
      'not associated with the cluster',
    );
    expect(s.output('ecs:ListClusters').clusterArns).toEqual([]);
    expect(s.world.events.length).toBe(before);
  });
});
