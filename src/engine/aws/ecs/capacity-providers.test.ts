import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ecsGroup } from '../autoscaling/test-fixtures';
import { providerSandbox } from '../../control/capacity/test-fixtures';

const asgProvider = (arn: string, extra: Record<string, unknown> = {}) => ({ autoScalingGroupArn: arn, ...extra });

function withGroup(protect = true) {
  const s = sandbox();
  ecsGroup(s, { protect });
  return { s, arn: s.world.autoScalingGroups.asg.AutoScalingGroupARN };
}

describe('CreateCapacityProvider', () => {
  it('refuses names prefixed with aws, ecs or fargate', () => {
    const { s, arn } = withGroup();
    for (const name of ['aws-cp', 'ecsNodes', 'fargate2']) {
      s.callExpectingError('ecs:CreateCapacityProvider', { name, autoScalingGroupProvider: asgProvider(arn) }, 'ClientException', `can't be prefixed with "aws", "ecs", or "fargate"`);
    }
  });

  it('needs an existing Auto Scaling group, accepting its ARN or its name', () => {
    const { s } = withGroup();
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider('nope') }, 'InvalidParameterException', 'could not be found');
    const out = s.output('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider('asg') });
    expect(out.capacityProvider.autoScalingGroupProvider.autoScalingGroupArn).toBe(s.world.autoScalingGroups.asg.AutoScalingGroupARN);
  });

  it('fills the managed scaling defaults: target 100, steps 1 to 10000, warm-up 300 s', () => {
    const { s, arn } = withGroup();
    const out = s.output('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedScaling: { status: 'ENABLED' } }) });
    expect(out.capacityProvider).toMatchObject({
      name: 'cp',
      status: 'ACTIVE',
      capacityProviderArn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp',
      autoScalingGroupProvider: {
        managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
        managedTerminationProtection: 'DISABLED',
      },
    });
  });

  it('checks targetCapacity is 1–100 and the minimum step is not above the maximum', () => {
    const { s, arn } = withGroup();
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedScaling: { status: 'ENABLED', targetCapacity: 0 } }) }, 'InvalidParameterException', 'targetCapacity');
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedScaling: { status: 'ENABLED', targetCapacity: 101 } }) }, 'InvalidParameterException', 'between 1 and 100');
    s.callExpectingError(
      'ecs:CreateCapacityProvider',
      { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedScaling: { status: 'ENABLED', minimumScalingStepSize: 5, maximumScalingStepSize: 2 } }) },
      'InvalidParameterException',
      'less than or equal to the maximumScalingStepSize',
    );
  });

  it('allows managed termination protection only with managed scaling and a group that protects new instances from scale in', () => {
    const unprotected = withGroup(false);
    unprotected.s.callExpectingError(
      'ecs:CreateCapacityProvider',
      { name: 'cp', autoScalingGroupProvider: asgProvider(unprotected.arn, { managedScaling: { status: 'ENABLED' }, managedTerminationProtection: 'ENABLED' }) },
      'InvalidParameterException',
      'the Auto Scaling group must have instance protection from scale in enabled',
    );
    const { s, arn } = withGroup(true);
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedTerminationProtection: 'ENABLED' }) }, 'InvalidParameterException', 'managed scaling must also be enabled');
    s.call('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn, { managedScaling: { status: 'ENABLED' }, managedTerminationProtection: 'ENABLED' }) });
  });

  it('lets an Auto Scaling group back one capacity provider only, and refuses a name already taken', () => {
    const { s, arn } = withGroup();
    s.call('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn) });
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: asgProvider(arn) }, 'ClientException', 'The specified capacity provider already exists.');
    s.callExpectingError('ecs:CreateCapacityProvider', { name: 'cp2', autoScalingGroupProvider: asgProvider(arn) }, 'InvalidParameterException', 'already in use by capacity provider cp');
  });
});

describe('DescribeCapacityProviders', () => {
  it('lists the built-in FARGATE and FARGATE_SPOT providers with the account’s own', () => {
    const s = providerSandbox();
    const names = s.output('ecs:DescribeCapacityProviders', {}).capacityProviders.map((p: any) => p.name);
    expect(names).toEqual(['FARGATE', 'FARGATE_SPOT', 'cp']);
  });

  it('reports a provider it does not know as a MISSING failure', () => {
    const s = providerSandbox();
    const out = s.output('ecs:DescribeCapacityProviders', { capacityProviders: ['FARGATE_SPOT', 'ghost'] });
    expect(out.capacityProviders.map((p: any) => p.name)).toEqual(['FARGATE_SPOT']);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/ghost', reason: 'MISSING' }]);
  });
});

describe('UpdateCapacityProvider and DeleteCapacityProvider', () => {
  it('update changes managed scaling and keeps what is not given', () => {
    const s = providerSandbox({ managedScaling: { targetCapacity: 80 } });
    const out = s.output('ecs:UpdateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { managedScaling: { maximumScalingStepSize: 3 } } });
    expect(out.capacityProvider.autoScalingGroupProvider.managedScaling).toMatchObject({ status: 'ENABLED', targetCapacity: 80, maximumScalingStepSize: 3 });
    expect(out.capacityProvider.updateStatus).toBe('UPDATE_COMPLETE');
  });

  it('delete is refused while the provider is associated with a cluster, and works once it is removed', () => {
    const s = providerSandbox();
    s.callExpectingError('ecs:DeleteCapacityProvider', { capacityProvider: 'cp' }, 'ResourceInUseException', 'associated with cluster prod');
    s.call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: [], defaultCapacityProviderStrategy: [] });
    expect(s.output('ecs:DeleteCapacityProvider', { capacityProvider: 'cp' }).capacityProvider.updateStatus).toBe('DELETE_IN_PROGRESS');
    expect(s.output('ecs:DescribeCapacityProviders', {}).capacityProviders.map((p: any) => p.name)).toEqual(['FARGATE', 'FARGATE_SPOT']);
  });

  it('the FARGATE providers cannot be deleted', () => {
    sandbox().callExpectingError('ecs:DeleteCapacityProvider', { capacityProvider: 'FARGATE' }, 'InvalidParameterException', 'managed by AWS');
  });
});

describe('PutClusterCapacityProviders', () => {
  const put = (strategy: unknown[], providers = ['FARGATE', 'FARGATE_SPOT']) => ({ cluster: 'prod', capacityProviders: providers, defaultCapacityProviderStrategy: strategy });

  it('stores the providers and default strategy that DescribeClusters returns', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    s.call('ecs:PutClusterCapacityProviders', put([{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 4 }]));
    const cluster = s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0];
    expect(cluster.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(cluster.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 4 },
    ]);
  });

  it('refuses a strategy that mixes Fargate and Auto Scaling group providers', () => {
    const s = providerSandbox();
    s.callExpectingError(
      'ecs:PutClusterCapacityProviders',
      put([{ capacityProvider: 'cp', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1 }], ['cp', 'FARGATE']),
      'InvalidParameterException',
      'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers.',
    );
  });

  it('allows a base on one item only, weights 0–1000, bases 0–100000, and not every weight zero', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    const bad = (strategy: unknown[], part: string) => s.callExpectingError('ecs:PutClusterCapacityProviders', put(strategy), 'InvalidParameterException', part);
    bad([{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 2, weight: 1 }], 'Only one capacity provider in a capacity provider strategy can have a base defined.');
    bad([{ capacityProvider: 'FARGATE', weight: 1001 }], 'between 0 and 1000');
    bad([{ capacityProvider: 'FARGATE', weight: 1, base: 100001 }], 'between 0 and 100000');
    bad([{ capacityProvider: 'FARGATE', weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 0 }], 'must have a weight greater than zero');
  });

  it('refuses a default strategy naming a provider that is not in the cluster’s list', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    s.callExpectingError('ecs:PutClusterCapacityProviders', put([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], ['FARGATE']), 'InvalidParameterException', 'not associated with the cluster');
  });

  it('refuses to remove a provider that still has tasks in the cluster', () => {
    const s = providerSandbox({ desired: 1 });
    s.advance(180);
    s.call('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
    s.callExpectingError('ecs:PutClusterCapacityProviders', put([], []), 'ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
  });

  it('marks the instances of the provider’s group with its name (DescribeContainerInstances capacityProviderName)', () => {
    const s = providerSandbox({ desired: 1 });
    s.advance(180);
    const arns = s.output('ecs:ListContainerInstances', { cluster: 'prod' }).containerInstanceArns;
    const described = s.output('ecs:DescribeContainerInstances', { cluster: 'prod', containerInstances: arns }).containerInstances;
    expect(described.map((c: any) => c.capacityProviderName)).toEqual(['cp']);
  });
});
