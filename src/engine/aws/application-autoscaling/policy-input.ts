/**
 * Checks of PutScalingPolicy's two configurations, with AWS's rules and ValidationException texts:
 *
 * TargetTrackingScalingPolicyConfiguration: TargetValue; exactly one of
 * PredefinedMetricSpecification (ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization,
 * ALBRequestCountPerTarget, which needs ResourceLabel app/LB/ID/targetgroup/TG/ID) and
 * CustomizedMetricSpecification (MetricName, Namespace, Dimensions, Statistic, Unit; metric math is
 * not simulated); ScaleOutCooldown/ScaleInCooldown (>= 0, default 300 for ECS); DisableScaleIn.
 *
 * StepScalingPolicyConfiguration (API reference, StepAdjustment): AdjustmentType and at least one
 * step; the bounds are relative to the alarm threshold; a step cannot leave both bounds null; the
 * upper bound must be greater than the lower; the intervals may not overlap or leave a gap; at most
 * one null lower bound and one null upper bound; a negative lower bound needs a step with a null
 * lower bound, a positive upper bound one with a null upper bound; ExactCapacity adjustments are
 * non-negative; MinAdjustmentMagnitude only with PercentChangeInCapacity.
 */
import type {
  CustomizedMetricSpecification,
  StepAdjustment,
  StepScalingPolicyConfiguration,
  TargetTrackingScalingPolicyConfiguration,
} from '@aws-sdk/client-application-auto-scaling';
import type { Input } from '../validate';
import { optionalBoolean, optionalInteger, optionalString, requiredString, validation } from './common';

export const PREDEFINED_METRICS = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'] as const;
const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'];
const AGGREGATIONS = ['Average', 'Minimum', 'Maximum'];
const STATISTICS = ['Average', 'Minimum', 'Maximum', 'SampleCount', 'Sum'];
export const ALB_RESOURCE_LABEL = /^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/;

const struct = (v: unknown, field: string): Input => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw validation(`${field} must be a structure.`);
  return v as Input;
};

export function targetTrackingConfiguration(raw: unknown): TargetTrackingScalingPolicyConfiguration {
  const c = struct(raw, 'TargetTrackingScalingPolicyConfiguration');
  const TargetValue = c.TargetValue;
  if (TargetValue === undefined || TargetValue === null) throw validation('TargetValue is required for a target tracking scaling policy configuration.');
  if (typeof TargetValue !== 'number' || !Number.isFinite(TargetValue) || TargetValue <= 0) {
    throw validation(`The target value ${String(TargetValue)} is invalid: it must be a number between 8.515920e-109 and 1.174271e+108.`);
  }
  const predefined = c.PredefinedMetricSpecification;
  const customized = c.CustomizedMetricSpecification;
  const hasPre = predefined !== undefined && predefined !== null;
  const hasCustom = customized !== undefined && customized !== null;
  if (hasPre === hasCustom) {
    throw validation('Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified.');
  }
  const out: TargetTrackingScalingPolicyConfiguration = { TargetValue };
  if (hasPre) {
    const p = struct(predefined, 'PredefinedMetricSpecification');
    const type = requiredString(p, 'PredefinedMetricType');
    if (!(PREDEFINED_METRICS as readonly string[]).includes(type)) {
      throw validation(`Unsupported metric type ${type} for the scalable dimension ecs:service:DesiredCount. Valid types: ${PREDEFINED_METRICS.join(', ')}.`);
    }
    const label = optionalString(p, 'ResourceLabel');
    if (type === 'ALBRequestCountPerTarget') {
      if (label === undefined) throw validation('ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget.');
      if (!ALB_RESOURCE_LABEL.test(label)) {
        throw validation(`Invalid ResourceLabel ${label}: it must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>.`);
      }
    } else if (label !== undefined) {
      throw validation(`ResourceLabel is only supported for the predefined metric type ALBRequestCountPerTarget, not ${type}.`);
    }
    out.PredefinedMetricSpecification = { PredefinedMetricType: type as (typeof PREDEFINED_METRICS)[number], ...(label ? { ResourceLabel: label } : {}) };
  } else {
    out.CustomizedMetricSpecification = customizedMetric(struct(customized, 'CustomizedMetricSpecification'));
  }
  const ScaleOutCooldown = optionalInteger(c, 'ScaleOutCooldown');
  const ScaleInCooldown = optionalInteger(c, 'ScaleInCooldown');
  const DisableScaleIn = optionalBoolean(c, 'DisableScaleIn');
  if (ScaleOutCooldown !== undefined) out.ScaleOutCooldown = ScaleOutCooldown;
  if (ScaleInCooldown !== undefined) out.ScaleInCooldown = ScaleInCooldown;
  if (DisableScaleIn !== undefined) out.DisableScaleIn = DisableScaleIn;
  return out;
}

function customizedMetric(c: Input): CustomizedMetricSpecification {
  if (c.Metrics !== undefined && c.Metrics !== null) {
    throw validation('The simulator does not evaluate metric math (Metrics): give MetricName, Namespace, Dimensions and Statistic instead.');
  }
  const MetricName = requiredString(c, 'MetricName');
  const Namespace = requiredString(c, 'Namespace');
  const Statistic = requiredString(c, 'Statistic');
  if (!STATISTICS.includes(Statistic)) throw validation(`Invalid statistic ${Statistic}. Valid statistics: ${STATISTICS.join(', ')}.`);
  const dims = c.Dimensions ?? [];
  if (!Array.isArray(dims)) throw validation('Dimensions must be a list.');
  const Dimensions = dims.map((d) => {
    const dim = struct(d, 'MetricDimension');
    return { Name: requiredString(dim, 'Name'), Value: requiredString(dim, 'Value') };
  });
  const Unit = optionalString(c, 'Unit');
  return { MetricName, Namespace, Dimensions, Statistic: Statistic as CustomizedMetricSpecification['Statistic'], ...(Unit ? { Unit } : {}) };
}

const bound = (v: unknown, field: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw validation(`${field} must be a number.`);
  return v;
};

export function stepScalingConfiguration(raw: unknown): StepScalingPolicyConfiguration {
  const c = struct(raw, 'StepScalingPolicyConfiguration');
  const AdjustmentType = optionalString(c, 'AdjustmentType');
  if (AdjustmentType === undefined) throw validation('AdjustmentType is required if you are adding a new step scaling policy configuration.');
  if (!ADJUSTMENT_TYPES.includes(AdjustmentType)) {
    throw validation(`Invalid adjustment type ${AdjustmentType}. Valid types: ${ADJUSTMENT_TYPES.join(', ')}.`);
  }
  const raws = c.StepAdjustments;
  if (!Array.isArray(raws) || raws.length === 0) throw validation('At least one step adjustment is required if you are adding a new step scaling policy configuration.');
  const steps: StepAdjustment[] = raws.map((r) => {
    const s = struct(r, 'StepAdjustment');
    const ScalingAdjustment = s.ScalingAdjustment;
    if (typeof ScalingAdjustment !== 'number' || !Number.isInteger(ScalingAdjustment)) throw validation('ScalingAdjustment is required and must be an integer.');
    const lower = bound(s.MetricIntervalLowerBound, 'MetricIntervalLowerBound');
    const upper = bound(s.MetricIntervalUpperBound, 'MetricIntervalUpperBound');
    return { ScalingAdjustment, ...(lower !== undefined ? { MetricIntervalLowerBound: lower } : {}), ...(upper !== undefined ? { MetricIntervalUpperBound: upper } : {}) };
  });
  checkSteps(steps, AdjustmentType);
  const MinAdjustmentMagnitude = optionalInteger(c, 'MinAdjustmentMagnitude', 1);
  if (MinAdjustmentMagnitude !== undefined && AdjustmentType !== 'PercentChangeInCapacity') {
    throw validation('MinAdjustmentMagnitude is only supported with the PercentChangeInCapacity adjustment type.');
  }
  const Cooldown = optionalInteger(c, 'Cooldown');
  const MetricAggregationType = optionalString(c, 'MetricAggregationType');
  if (MetricAggregationType !== undefined && !AGGREGATIONS.includes(MetricAggregationType)) {
    throw validation(`Invalid metric aggregation type ${MetricAggregationType}. Valid types: ${AGGREGATIONS.join(', ')}.`);
  }
  return {
    AdjustmentType: AdjustmentType as StepScalingPolicyConfiguration['AdjustmentType'],
    StepAdjustments: steps,
    ...(MinAdjustmentMagnitude !== undefined ? { MinAdjustmentMagnitude } : {}),
    ...(Cooldown !== undefined ? { Cooldown } : {}),
    ...(MetricAggregationType !== undefined ? { MetricAggregationType: MetricAggregationType as StepScalingPolicyConfiguration['MetricAggregationType'] } : {}),
  };
}

const low = (s: StepAdjustment) => s.MetricIntervalLowerBound ?? -Infinity;
const high = (s: StepAdjustment) => s.MetricIntervalUpperBound ?? Infinity;

function checkSteps(steps: StepAdjustment[], adjustmentType: string): void {
  for (const s of steps) {
    if (s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined) {
      throw validation('Both lower and upper bounds of a step adjustment cannot be left unspecified');
    }
    if (low(s) >= high(s)) throw validation('The upper bound of a step adjustment must be greater than its lower bound.');
    if (adjustmentType === 'ExactCapacity' && (s.ScalingAdjustment ?? 0) < 0) {
      throw validation('For the ExactCapacity adjustment type, the scaling adjustment must be a non-negative value.');
    }
  }
  if (steps.filter((s) => s.MetricIntervalLowerBound === undefined).length > 1) throw validation('At most one step adjustment can have an unspecified lower bound.');
  if (steps.filter((s) => s.MetricIntervalUpperBound === undefined).length > 1) throw validation('At most one step adjustment can have an unspecified upper bound.');
  if (steps.some((s) => low(s) < 0) && !steps.some((s) => s.MetricIntervalLowerBound === undefined)) {
    throw validation('There must be a StepAdjustment with an unspecified lower bound (i.e., lower bound is null) when one StepAdjustment has a negative lower bound');
  }
  if (steps.some((s) => high(s) > 0 && high(s) !== Infinity) && !steps.some((s) => s.MetricIntervalUpperBound === undefined)) {
    throw validation('There must be a StepAdjustment with an unspecified upper bound (i.e., upper bound is null) when one StepAdjustment has a positive upper bound');
  }
  const sorted = [...steps].sort((a, b) => low(a) - low(b));
  for (let i = 1; i < sorted.length; i++) {
    if (low(sorted[i]) < high(sorted[i - 1])) throw validation('Step adjustment intervals cannot overlap.');
    if (low(sorted[i]) > high(sorted[i - 1])) throw validation('Step adjustment intervals cannot have a gap between them.');
  }
}
