import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { describeService, isSteady, liveTasks } from '../../testing/service-fixtures';
import { fargateTaskDefinition, registerTaskDefinition } from '../../testing/task-fixtures';
import { defaultSubnetFor } from '../../world/create';
import { BOTH_LAUNCH_TYPE_AND_STRATEGY } from '../../aws/ecs/services-capacity';
import { providerSandbox } from '../capacity/test-fixtures';

const BASE_2_THEN_1_TO_1 = [
  { capacityProvider: 'FARGATE', base: 2, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', weight: 1 },
];

/** Cluster prod with FARGATE and FARGATE_SPOT, a Fargate task definition "fg", and the service's network configuration. */
function fargateCluster(seed = 12): { s: Sandbox; networkConfiguration: object } {
  const s = sandbox({ seed });
  s.call('ecs:CreateCluster', { clusterName: 'prod' });
  s.call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] });
  registerTaskDefinition(s, fargateTaskDefinition('fg'));
  const subnets = ['us-east-1a', 'us-east-1b'].map((az) => defaultSubnetFor(s.world, az));
  return { s, networkConfiguration: { awsvpcConfiguration: { subnets } } };
}

/** Live tasks of the service per capacity provider. */
function split(s: Sandbox, name = 'web'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of liveTasks(s, name).filter((x) => x.desiredStatus === 'RUNNING')) out[t.capacityProviderName ?? '-'] = (out[t.capacityProviderName ?? '-'] ?? 0) + 1;
  return out;
}

describe('a service with a capacity provider strategy (base first, then weight)', () => {
  it('puts the base of 2 on FARGATE and shares the rest 1:1 with FARGATE_SPOT, keeping the split as it scales out', () => {
    const { s, networkConfiguration } = fargateCluster();
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 4, capacityProviderStrategy: BASE_2_THEN_1_TO_1, networkConfiguration });
    s.advance(5);
    expect(split(s)).toEqual({ FARGATE: 3, FARGATE_SPOT: 1 });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 8 }).advance(5);
    expect(split(s)).toEqual({ FARGATE: 5, FARGATE_SPOT: 3 });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 12 }).advance(5);
    expect(split(s)).toEqual({ FARGATE: 7, FARGATE_SPOT: 5 });
    s.advanceUntil(() => isSteady(s), 600, 5);
    expect(liveTasks(s).every((t) => t.launchType === 'FARGATE' && t.lastStatus === 'RUNNING')).toBe(true);
  });

  it('keeps the split when it scales in (our choice: the provider furthest above its share loses a task first)', () => {
    const { s, networkConfiguration } = fargateCluster();
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 12, capacityProviderStrategy: BASE_2_THEN_1_TO_1, networkConfiguration });
    s.advanceUntil(() => isSteady(s), 600, 5);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 8 }).advance(0);
    expect(split(s)).toEqual({ FARGATE: 5, FARGATE_SPOT: 3 });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 2 }).advance(0);
    expect(split(s)).toEqual({ FARGATE: 2 });
  });

  it('shows the strategy, not a launch type, in DescribeServices and on its deployment', () => {
    const { s, networkConfiguration } = fargateCluster();
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 1, capacityProviderStrategy: BASE_2_THEN_1_TO_1, networkConfiguration });
    const svc = describeService(s);
    expect(svc.launchType).toBeUndefined();
    expect(svc.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 2, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 },
    ]);
    expect(svc.deployments![0].capacityProviderStrategy).toEqual(svc.capacityProviderStrategy);
  });

  it('refuses a launch type together with a strategy, and a provider the cluster does not have', () => {
    const { s, networkConfiguration } = fargateCluster();
    const base = { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 1, networkConfiguration };
    s.callExpectingError('ecs:CreateService', { ...base, launchType: 'FARGATE', capacityProviderStrategy: BASE_2_THEN_1_TO_1 }, 'InvalidParameterException', BOTH_LAUNCH_TYPE_AND_STRATEGY);
    s.call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [] });
    s.callExpectingError('ecs:CreateService', { ...base, capacityProviderStrategy: BASE_2_THEN_1_TO_1 }, 'InvalidParameterException', 'not associated with the cluster');
  });

  it('uses the cluster default strategy when neither a launch type nor a strategy is given', () => {
    const { s, networkConfiguration } = fargateCluster();
    s.call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 3, networkConfiguration });
    s.advance(5);
    expect(split(s)).toEqual({ FARGATE_SPOT: 3 });
    expect(describeService(s).capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', base: 0, weight: 1 }]);
  });

  it('starts a new deployment on UpdateService capacityProviderStrategy, whose tasks follow the new strategy', () => {
    const { s, networkConfiguration } = fargateCluster();
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'fg', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], networkConfiguration });
    s.advanceUntil(() => isSteady(s), 600, 5);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    expect(describeService(s).deployments).toHaveLength(2);
    s.advanceUntil(() => isSteady(s), 900, 5);
    expect(split(s)).toEqual({ FARGATE_SPOT: 2 });
  });

  it('on an Auto Scaling group provider with managed scaling, gets its tasks once instances arrive', () => {
    const s = providerSandbox({ min: 0, max: 4, desired: 0 });
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
    s.advance(5);
    const waiting = liveTasks(s);
    expect(waiting.map((t) => t.lastStatus)).toEqual(['PROVISIONING', 'PROVISIONING', 'PROVISIONING']);
    expect(waiting.every((t) => t.containerInstanceArn === undefined && t.capacityProviderName === 'cp')).toBe(true);
    s.advanceUntil(() => liveTasks(s).filter((t) => t.lastStatus === 'RUNNING').length === 3, 1800, 10);
    expect(s.world.autoScalingGroups.asg.DesiredCapacity).toBeGreaterThanOrEqual(2);
    // The tasks waited; the scheduler did not start extra ones meanwhile.
    expect(Object.values(s.world.tasks).filter((t) => t.group === 'service:web')).toHaveLength(3);
  });

  it('uses an Auto Scaling group provider that is the cluster default', () => {
    const s = providerSandbox({ min: 1, max: 4, desired: 1, asDefault: true });
    s.advance(120);
    s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    s.advanceUntil(() => liveTasks(s).some((t) => t.lastStatus === 'RUNNING'), 600, 5);
    expect(liveTasks(s)[0]).toMatchObject({ capacityProviderName: 'cp', launchType: 'EC2' });
  });
});
