import { describe, it, expect } from 'vitest';
import { findStep, percentChange } from './step-scaling';
import { activities, desiredCount, LOAD, publishEachMinute, serviceSandbox, TARGET } from './test-fixtures';

function stepPolicy(s: ReturnType<typeof serviceSandbox>, config: Record<string, unknown>, threshold = 50) {
  const { PolicyARN } = s.output('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: 'steps', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: config });
  s.call('cloudwatch:PutMetricAlarm', {
    AlarmName: 'load-high', MetricName: LOAD.MetricName, Namespace: LOAD.Namespace, Dimensions: LOAD.Dimensions, Statistic: 'Average',
    Period: 60, EvaluationPeriods: 1, Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [PolicyARN],
  });
  return PolicyARN as string;
}

describe('step adjustments are relative to the alarm threshold', () => {
  const steps = [
    { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
    { MetricIntervalLowerBound: 10, ScalingAdjustment: 3 },
  ];
  it('above the threshold the lower bound is inclusive and the upper exclusive', () => {
    expect(findStep(steps, 50, 50)?.ScalingAdjustment).toBe(1);
    expect(findStep(steps, 60, 50)?.ScalingAdjustment).toBe(3);
    expect(findStep(steps, 59.9, 50)?.ScalingAdjustment).toBe(1);
  });
  it('below the threshold the upper bound is inclusive', () => {
    const down = [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }];
    expect(findStep(down, 50, 50)).toBeUndefined();
    expect(findStep(down, 49, 50)?.ScalingAdjustment).toBe(-1);
  });
});

describe('PercentChangeInCapacity rounds as AWS does', () => {
  it('25% of 4 is 1, but MinAdjustmentMagnitude 2 makes it +2', () => {
    expect(percentChange(4, 25)).toBe(1);
    expect(percentChange(4, 25, 2)).toBe(2);
  });
  it('rounds 12.7 down to 12, 0.5 up to 1, -0.5 to -1 and -6.67 up to -6', () => {
    expect(percentChange(127, 10)).toBe(12);
    expect(percentChange(5, 10)).toBe(1);
    expect(percentChange(5, -10)).toBe(-1);
    expect(percentChange(667, -1)).toBe(-6);
  });
});

describe('a step scaling policy invoked by the user\'s alarm', () => {
  it('ChangeInCapacity adds the step for the size of the breach', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    stepPolicy(s, { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }] });
    publishEachMinute(s, LOAD, 80, 1);
    expect(desiredCount(s)).toBe(7);
    expect(activities(s)[0].Cause).toBe('monitor alarm load-high in state ALARM triggered policy steps');
  });

  it('ExactCapacity sets the count', () => {
    const s = serviceSandbox({ desiredCount: 2 });
    stepPolicy(s, { AdjustmentType: 'ExactCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 6 }] });
    publishEachMinute(s, LOAD, 55, 1);
    expect(desiredCount(s)).toBe(6);
  });

  it('PercentChangeInCapacity with MinAdjustmentMagnitude 2 takes 4 tasks to 6', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    stepPolicy(s, { AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentMagnitude: 2, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 25 }] });
    publishEachMinute(s, LOAD, 60, 1);
    expect(desiredCount(s)).toBe(6);
  });

  it('while the alarm stays in ALARM, the cooldown counts the tasks already added: +2 then a +3 step adds only 1', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    stepPolicy(s, { AdjustmentType: 'ChangeInCapacity', Cooldown: 300, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 2 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }] });
    publishEachMinute(s, LOAD, 60, 1);
    expect(desiredCount(s)).toBe(6);
    publishEachMinute(s, LOAD, 60, 2); // re-invoked, still +2 from the base of 4: nothing
    expect(desiredCount(s)).toBe(6);
    publishEachMinute(s, LOAD, 90, 1); // +3 from 4 = 7
    expect(desiredCount(s)).toBe(7);
    publishEachMinute(s, LOAD, 60, 4); // the larger scale-out restarted the cooldown: still nothing
    expect(desiredCount(s)).toBe(7);
    publishEachMinute(s, LOAD, 60, 1); // 300 s after the last scale-out: +2 from 7
    expect(desiredCount(s)).toBe(9);
  });

  it('logs AWS\'s words when no step matches the breach', () => {
    const s = serviceSandbox({ desiredCount: 4 });
    stepPolicy(s, { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 10, ScalingAdjustment: 1 }] });
    publishEachMinute(s, LOAD, 55, 1);
    expect(desiredCount(s)).toBe(4);
    expect(s.messages('appAutoScaling.notScaled').join('\n')).toContain('No step adjustment found for metric value [55] and breach threshold 50');
  });
});
