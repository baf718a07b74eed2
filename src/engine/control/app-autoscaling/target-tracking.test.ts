import { describe, it, expect } from 'vitest';
import { activities, CPU, desiredCount, LOAD, publishBoth, publishEachMinute, serviceSandbox, trackingPolicy } from './test-fixtures';

const cpuPolicy = { TargetValue: 75, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } };

describe('target tracking creates and manages its CloudWatch alarms', () => {
  it('creates AlarmHigh (3 of 3 minutes above the target) and AlarmLow (15 of 15 below 90% of it) on the service CPU metric', () => {
    const s = serviceSandbox();
    const out = trackingPolicy(s, 'cpu-75', cpuPolicy);
    expect(out.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/prod\/web:policyName\/cpu-75$/);
    const [high, low] = out.Alarms;
    expect(high.AlarmName).toMatch(/^TargetTracking-service\/prod\/web-AlarmHigh-[0-9a-f-]{36}$/);
    expect(low.AlarmName).toMatch(/^TargetTracking-service\/prod\/web-AlarmLow-[0-9a-f-]{36}$/);
    const alarms = s.output('cloudwatch:DescribeAlarms', { AlarmNames: [high.AlarmName, low.AlarmName] }).MetricAlarms;
    const h = alarms.find((a: any) => a.AlarmName === high.AlarmName);
    const l = alarms.find((a: any) => a.AlarmName === low.AlarmName);
    expect(h).toMatchObject({ Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: 75, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [out.PolicyARN] });
    expect(h.Dimensions).toEqual(CPU.Dimensions);
    expect(l).toMatchObject({ EvaluationPeriods: 15, DatapointsToAlarm: 15, ComparisonOperator: 'LessThanThreshold' });
    expect(l.Threshold).toBeCloseTo(67.5);
  });

  it('tracks ALBRequestCountPerTarget on the target group named by the ResourceLabel, with Sum', () => {
    const s = serviceSandbox();
    const out = trackingPolicy(s, 'rps', { TargetValue: 1000, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/web-lb/0123456789abcdef/targetgroup/web-tg/fedcba9876543210' } });
    const alarm = s.output('cloudwatch:DescribeAlarms', { AlarmNames: [out.Alarms[0].AlarmName] }).MetricAlarms[0];
    expect(alarm).toMatchObject({ Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCountPerTarget', Statistic: 'Sum', Dimensions: [{ Name: 'TargetGroup', Value: 'targetgroup/web-tg/fedcba9876543210' }] });
  });

  it('creates no AlarmLow when scale-in is disabled, and deleting the policy deletes its alarms', () => {
    const s = serviceSandbox();
    const out = trackingPolicy(s, 'cpu', { ...cpuPolicy, DisableScaleIn: true });
    expect(out.Alarms).toHaveLength(1);
    s.call('application-autoscaling:DeleteScalingPolicy', { ServiceNamespace: 'ecs', ResourceId: 'service/prod/web', ScalableDimension: 'ecs:service:DesiredCount', PolicyName: 'cpu' });
    expect(Object.keys(s.world.alarms)).toEqual([]);
  });
});

describe('target tracking scales proportionally to the metric', () => {
  it('scales out after 3 minutes above the target: 4 x 92 / 75 = 4.91 -> 5 tasks, with the AWS cause', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    const { Alarms } = trackingPolicy(s, 'cpu-75', cpuPolicy);
    publishEachMinute(s, CPU, 92, 2);
    expect(desiredCount(s)).toBe(4);
    publishEachMinute(s, CPU, 92, 1);
    expect(desiredCount(s)).toBe(5);
    const [a] = activities(s);
    expect(a).toMatchObject({
      Description: 'Setting desired count to 5.',
      Cause: `monitor alarm ${Alarms[0].AlarmName} in state ALARM triggered policy cpu-75`,
      StatusCode: 'Successful',
      StatusMessage: 'Successfully set desired count to 5. Change successfully fulfilled by ecs.',
    });
    expect(s.messages('appAutoScaling.activity').join('\n')).toContain('CPUUtilization 92 > target 75: 4 x 92 / 75 = 4.91 -> 5 tasks');
  });

  it('scales in only after 15 minutes below 90% of the target, rounding up: 8 x 30 / 75 = 3.2 -> 4', () => {
    const s = serviceSandbox({ desiredCount: 8 });
    trackingPolicy(s, 'load', { TargetValue: 75, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 30, 14);
    expect(desiredCount(s)).toBe(8);
    publishEachMinute(s, LOAD, 30, 1);
    expect(desiredCount(s)).toBe(4);
  });

  it('never goes above MaxCapacity', () => {
    const s = serviceSandbox({ desiredCount: 4, max: 6 });
    trackingPolicy(s, 'load', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 100, 3);
    expect(desiredCount(s)).toBe(6);
  });

  it('never goes below MinCapacity', () => {
    const s = serviceSandbox({ desiredCount: 4, min: 3 });
    trackingPolicy(s, 'load', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 1, 15);
    expect(desiredCount(s)).toBe(3);
  });

  it('does not scale in when DisableScaleIn is true', () => {
    const s = serviceSandbox({ desiredCount: 6 });
    trackingPolicy(s, 'load', { TargetValue: 50, DisableScaleIn: true, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 5, 20);
    expect(desiredCount(s)).toBe(6);
  });
});

describe('cooldowns', () => {
  it('during the scale-out cooldown scales out again only for a larger scale-out, counting the tasks already added', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    trackingPolicy(s, 'load', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 75, 3); // 4 x 75 / 50 = 6
    expect(desiredCount(s)).toBe(6);
    publishEachMinute(s, LOAD, 75, 2); // still 6 from the base of 4: no change
    expect(desiredCount(s)).toBe(6);
    publishEachMinute(s, LOAD, 100, 1); // 4 x 100 / 50 = 8 > 6
    expect(desiredCount(s)).toBe(8);
    expect(activities(s).map((a) => a.Description)).toEqual(['Setting desired count to 6.', 'Setting desired count to 8.']);
  });

  it('blocks scale-in during the scale-in cooldown (300 s by default)', () => {
    const s = serviceSandbox({ desiredCount: 10 });
    trackingPolicy(s, 'load', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 40, 15); // 10 x 40 / 50 = 8
    expect(desiredCount(s)).toBe(8);
    publishEachMinute(s, LOAD, 40, 4); // alarm stays in ALARM, but the cooldown runs: 8 x 40 / 50 = 6.4 waits
    expect(desiredCount(s)).toBe(8);
    publishEachMinute(s, LOAD, 40, 2);
    expect(desiredCount(s)).toBe(7);
  });

  it('scales out at once during a scale-in cooldown', () => {
    const s = serviceSandbox({ desiredCount: 10 });
    trackingPolicy(s, 'load', { TargetValue: 50, ScaleInCooldown: 3600, CustomizedMetricSpecification: LOAD });
    publishEachMinute(s, LOAD, 40, 15);
    expect(desiredCount(s)).toBe(8);
    publishEachMinute(s, LOAD, 90, 3); // 8 x 90 / 50 = 14.4 -> 10 (max)
    expect(desiredCount(s)).toBe(10);
  });
});

describe('several target tracking policies on one service', () => {
  it('scales out if any policy says so, to the largest capacity', () => {
    const s = serviceSandbox({ desiredCount: 4, max: 20 });
    const other = { ...LOAD, MetricName: 'Other' };
    trackingPolicy(s, 'a', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    trackingPolicy(s, 'b', { TargetValue: 50, CustomizedMetricSpecification: other });
    for (let i = 0; i < 3; i++) publishBoth(s, LOAD, 60, other, 100);
    expect(desiredCount(s)).toBe(8); // a: 4 x 60/50 = 4.8 -> 5; b: 4 x 100/50 = 8
  });

  it('scales in only when every policy is ready to scale in', () => {
    const s = serviceSandbox({ desiredCount: 8 });
    const other = { ...LOAD, MetricName: 'Other' };
    trackingPolicy(s, 'a', { TargetValue: 50, CustomizedMetricSpecification: LOAD });
    trackingPolicy(s, 'b', { TargetValue: 50, CustomizedMetricSpecification: other });
    for (let i = 0; i < 16; i++) publishBoth(s, LOAD, 10, other, 48); // b is at its target: not ready
    expect(desiredCount(s)).toBe(8);
    expect(s.messages('appAutoScaling.notScaled').join('\n')).toContain('all target tracking policies must agree to scale in');
    for (let i = 0; i < 15; i++) publishBoth(s, LOAD, 10, other, 20); // now both: a says 2, b says 4 -> 4
    expect(desiredCount(s)).toBe(4);
  });
});

