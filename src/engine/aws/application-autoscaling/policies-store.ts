/**
 * The CloudWatch alarms a target tracking policy creates and manages, made through the CloudWatch
 * module (cloudwatch:PutMetricAlarm / DeleteAlarms), and deleting a policy record with them.
 *
 * Alarm shape (our choice, following what AWS creates for ECS services; AWS does not document the
 * exact numbers): both alarms read the metric's one-minute Average (Sum for ALBRequestCountPerTarget),
 * - TargetTracking-<ResourceId>-AlarmHigh-<uuid>: 3 of 3 datapoints GreaterThanThreshold TargetValue;
 * - TargetTracking-<ResourceId>-AlarmLow-<uuid>: 15 of 15 datapoints LessThanThreshold 0.9 x TargetValue
 *   (not created when DisableScaleIn is true).
 * Both carry AWS's description "DO NOT EDIT OR DELETE. For TargetTrackingScaling policy <ARN>." and
 * have the policy ARN as their only alarm action.
 */
import type { MetricDimension } from '../../world/metrics-types';
import type { Simulation } from '../../simulation';
import type { AppScalingPolicy } from '../../world/app-autoscaling-types';
import { appState, childKey, parseResourceId, uuid } from './common';

export const HIGH_ALARM_PERIODS = 3;
export const LOW_ALARM_PERIODS = 15;
export const LOW_ALARM_FACTOR = 0.9;

export interface TrackedMetric {
  Namespace: string;
  MetricName: string;
  Dimensions: MetricDimension[];
  Statistic: string;
  Unit?: string;
}

/** The CloudWatch metric a target tracking policy follows. */
export function trackedMetric(policy: AppScalingPolicy): TrackedMetric {
  const config = policy.TargetTrackingScalingPolicyConfiguration!;
  const custom = config.CustomizedMetricSpecification;
  if (custom) {
    return {
      Namespace: custom.Namespace!,
      MetricName: custom.MetricName!,
      Dimensions: (custom.Dimensions ?? []).map((d) => ({ Name: d.Name!, Value: d.Value! })),
      Statistic: custom.Statistic!,
      ...(custom.Unit ? { Unit: custom.Unit } : {}),
    };
  }
  const pre = config.PredefinedMetricSpecification!;
  if (pre.PredefinedMetricType === 'ALBRequestCountPerTarget') {
    const label = pre.ResourceLabel!;
    const targetGroup = label.slice(label.indexOf('targetgroup/'));
    return { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCountPerTarget', Dimensions: [{ Name: 'TargetGroup', Value: targetGroup }], Statistic: 'Sum' };
  }
  const { cluster, service } = parseResourceId(policy.ResourceId);
  return {
    Namespace: 'AWS/ECS',
    MetricName: pre.PredefinedMetricType === 'ECSServiceAverageMemoryUtilization' ? 'MemoryUtilization' : 'CPUUtilization',
    Dimensions: [
      { Name: 'ClusterName', Value: cluster },
      { Name: 'ServiceName', Value: service },
    ],
    Statistic: 'Average',
  };
}

/** Creates (or updates, keeping their names) the alarms of a target tracking policy. */
export function putTargetTrackingAlarms(sim: Simulation, policy: AppScalingPolicy): void {
  const config = policy.TargetTrackingScalingPolicyConfiguration!;
  const metric = trackedMetric(policy);
  const id = policy.Alarms[0]?.AlarmName.split('-AlarmHigh-')[1] ?? uuid(sim);
  const base = `TargetTracking-${policy.ResourceId}`;
  const wanted = [{ AlarmName: `${base}-AlarmHigh-${id}`, op: 'GreaterThanThreshold', threshold: config.TargetValue!, periods: HIGH_ALARM_PERIODS }];
  if (!config.DisableScaleIn) {
    const lowId = policy.Alarms[1]?.AlarmName.split('-AlarmLow-')[1] ?? uuid(sim);
    wanted.push({ AlarmName: `${base}-AlarmLow-${lowId}`, op: 'LessThanThreshold', threshold: config.TargetValue! * LOW_ALARM_FACTOR, periods: LOW_ALARM_PERIODS });
  }
  const stale = policy.Alarms.filter((a) => !wanted.some((w) => w.AlarmName === a.AlarmName)).map((a) => a.AlarmName);
  if (stale.length > 0) deleteAlarms(sim, stale);
  policy.Alarms = wanted.map((w) => {
    const result = sim.call('cloudwatch:PutMetricAlarm', {
      AlarmName: w.AlarmName,
      AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.`,
      ActionsEnabled: true,
      AlarmActions: [policy.PolicyARN],
      MetricName: metric.MetricName,
      Namespace: metric.Namespace,
      Statistic: metric.Statistic,
      Dimensions: metric.Dimensions,
      ...(metric.Unit ? { Unit: metric.Unit } : {}),
      Period: 60,
      EvaluationPeriods: w.periods,
      DatapointsToAlarm: w.periods,
      Threshold: w.threshold,
      ComparisonOperator: w.op,
    });
    if (result.error) throw new Error(`could not create alarm ${w.AlarmName}: ${result.error.message}`);
    return { AlarmName: w.AlarmName, AlarmARN: sim.world.alarms[w.AlarmName].AlarmArn };
  });
}

function deleteAlarms(sim: Simulation, names: string[]): void {
  const existing = names.filter((n) => Object.hasOwn(sim.world.alarms, n));
  if (existing.length > 0) sim.call('cloudwatch:DeleteAlarms', { AlarmNames: existing });
}

/** Deletes a policy; a target tracking policy's alarms go with it (a step policy's alarms are the user's). */
export function deletePolicyRecord(sim: Simulation, policy: AppScalingPolicy): void {
  if (policy.PolicyType === 'TargetTrackingScaling') deleteAlarms(sim, policy.Alarms.map((a) => a.AlarmName));
  delete appState(sim).scalingPolicies[childKey(policy.ResourceId, policy.PolicyName)];
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.policy',
    resource: policy.PolicyARN,
    message:
      `Deleted scaling policy ${policy.PolicyName} of ${policy.ResourceId}` +
      (policy.PolicyType === 'TargetTrackingScaling' ? ` and its alarms ${policy.Alarms.map((a) => a.AlarmName).join(', ')}.` : '.'),
  });
}

export function findPolicyByArn(sim: Simulation, arn: string): AppScalingPolicy | undefined {
  return Object.values(appState(sim).scalingPolicies).find((p) => p.PolicyARN === arn);
}
