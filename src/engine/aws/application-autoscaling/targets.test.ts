import { describe, it, expect } from 'vitest';
import { activities, desiredCount, RESOURCE_ID, serviceSandbox, TARGET } from '../../control/app-autoscaling/test-fixtures';

describe('RegisterScalableTarget', () => {
  it('registers an ECS service and describes it with its ARN and the ECS service-linked role', () => {
    const s = serviceSandbox({ min: 2, max: 8 });
    const [t] = s.output('application-autoscaling:DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets;
    expect(t).toMatchObject({ ResourceId: RESOURCE_ID, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 8 });
    expect(t.RoleARN).toContain('AWSServiceRoleForApplicationAutoScaling_ECSService');
    expect(t.ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\//);
    expect(t.CreationTime).toBeInstanceOf(Date);
  });

  it('answers ValidationException for a service that does not exist', () => {
    serviceSandbox().callExpectingError('application-autoscaling:RegisterScalableTarget', { ...TARGET, ResourceId: 'service/prod/nope', MinCapacity: 1, MaxCapacity: 2 }, 'ValidationException', "ECS service doesn't exist: service/prod/nope");
  });

  it('rejects a minimum above the maximum, a malformed ResourceId and a new target without bounds', () => {
    const s = serviceSandbox();
    s.callExpectingError('application-autoscaling:RegisterScalableTarget', { ...TARGET, MinCapacity: 5, MaxCapacity: 2 }, 'ValidationException', 'Minimum capacity cannot be greater than maximum capacity');
    s.callExpectingError('application-autoscaling:RegisterScalableTarget', { ...TARGET, ResourceId: 'prod/web', MinCapacity: 1, MaxCapacity: 2 }, 'ValidationException', 'Unsupported service namespace, resource type or scalable dimension');
    s.call('application-autoscaling:DeregisterScalableTarget', TARGET);
    s.callExpectingError('application-autoscaling:RegisterScalableTarget', { ...TARGET, MinCapacity: 1 }, 'ValidationException', 'MinCapacity and MaxCapacity are required');
  });

  it('updates only what is given, and a new maximum below the desired count lowers it ("maximum capacity was set to 4")', () => {
    const s = serviceSandbox({ desiredCount: 6, min: 1, max: 10 });
    s.call('application-autoscaling:RegisterScalableTarget', { ...TARGET, MaxCapacity: 4 }).advance(1);
    const [t] = s.output('application-autoscaling:DescribeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: [RESOURCE_ID] }).ScalableTargets;
    expect([t.MinCapacity, t.MaxCapacity]).toEqual([1, 4]);
    expect(desiredCount(s)).toBe(4);
    expect(activities(s).at(-1)).toMatchObject({ Description: 'Setting desired count to 4.', Cause: 'maximum capacity was set to 4', StatusCode: 'Successful' });
  });
});

describe('DeregisterScalableTarget', () => {
  it('deletes the target with its policies, their alarms and its scheduled actions', () => {
    const s = serviceSandbox();
    s.call('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } });
    s.call('application-autoscaling:PutScheduledAction', { ...TARGET, ScheduledActionName: 'night', Schedule: 'cron(0 22 * * ? *)', ScalableTargetAction: { MinCapacity: 1 } });
    s.call('application-autoscaling:DeregisterScalableTarget', TARGET);
    expect(s.output('application-autoscaling:DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets).toEqual([]);
    expect(s.output('application-autoscaling:DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).ScalingPolicies).toEqual([]);
    expect(s.output('application-autoscaling:DescribeScheduledActions', { ServiceNamespace: 'ecs' }).ScheduledActions).toEqual([]);
    expect(Object.keys(s.world.alarms)).toEqual([]);
    s.callExpectingError('application-autoscaling:DeregisterScalableTarget', TARGET, 'ObjectNotFoundException', 'No scalable target registered for service namespace: ecs, resource ID: service/prod/web');
  });
});

describe('PutScalingPolicy validation', () => {
  const put = (config: Record<string, unknown>, type = 'StepScaling') =>
    serviceSandbox().error('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'p', PolicyType: type, [type === 'StepScaling' ? 'StepScalingPolicyConfiguration' : 'TargetTrackingScalingPolicyConfiguration']: config });

  it('needs a registered scalable target', () => {
    const s = serviceSandbox();
    s.call('application-autoscaling:DeregisterScalableTarget', TARGET);
    s.callExpectingError('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'p', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] } }, 'ObjectNotFoundException', 'No scalable target registered');
  });

  it('rejects a step with both bounds unspecified, overlaps, gaps and a positive upper bound without an open-ended step', () => {
    expect(put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: 1 }] }).message).toBe('Both lower and upper bounds of a step adjustment cannot be left unspecified');
    expect(put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 5, ScalingAdjustment: 2 }] }).message).toContain('overlap');
    expect(put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }] }).message).toContain('gap');
    expect(put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }] }).message).toContain('unspecified upper bound');
  });

  it('allows MinAdjustmentMagnitude only with PercentChangeInCapacity', () => {
    const e = put({ AdjustmentType: 'ChangeInCapacity', MinAdjustmentMagnitude: 2, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] });
    expect(e).toMatchObject({ code: 'ValidationException' });
    expect(e.message).toContain('PercentChangeInCapacity');
  });

  it('requires a ResourceLabel for ALBRequestCountPerTarget', () => {
    const e = put({ TargetValue: 100, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' } }, 'TargetTrackingScaling');
    expect(e.message).toContain('ResourceLabel');
  });

  it('keeps the ARN when a policy is put again and answers ObjectNotFoundException when deleting one that does not exist', () => {
    const s = serviceSandbox();
    const config = { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] };
    const first = s.output('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'p', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: config }).PolicyARN;
    const again = s.output('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'p', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: { ...config, Cooldown: 60 } }).PolicyARN;
    expect(again).toBe(first);
    s.callExpectingError('application-autoscaling:DeleteScalingPolicy', { ...TARGET, PolicyName: 'nope' }, 'ObjectNotFoundException', 'No scaling policy found');
  });
});
