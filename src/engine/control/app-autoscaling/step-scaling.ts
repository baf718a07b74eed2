/**
 * Step scaling: what an alarm invocation of a step scaling policy does (StepAdjustment and
 * StepScalingPolicyConfiguration in the API reference).
 *
 * The step is the one whose interval contains metric - threshold; when the metric is above the
 * threshold the lower bound is inclusive and the upper exclusive, otherwise the other way round.
 * No step -> nothing changes, and the log says so in the words AWS writes into the alarm history
 * ("No step adjustment found for metric value [..] and breach threshold ..").
 * Adjustments: ChangeInCapacity adds; ExactCapacity sets; PercentChangeInCapacity adds
 * capacity x percent / 100 rounded as AWS does (above 1 down, between 0 and 1 to 1, between -1 and
 * 0 to -1, below -1 up, e.g. -6.67 -> -6), at least MinAdjustmentMagnitude in size (25% of 4 = 1,
 * magnitude 2 -> +2). Cooldown (default 300) applies to both directions with the rules of dynamic.ts.
 */
import type { StepAdjustment } from '@aws-sdk/client-application-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AppScalableTarget, AppScalingPolicy } from '../../world/app-autoscaling-types';
import { notScaled } from './capacity';
import { scaleIn, scaleOut } from './dynamic';

const DEFAULT_COOLDOWN = 300;

export function findStep(steps: StepAdjustment[], metric: number, threshold: number): StepAdjustment | undefined {
  const diff = metric - threshold;
  return steps.find((s) => {
    const lo = s.MetricIntervalLowerBound ?? -Infinity;
    const hi = s.MetricIntervalUpperBound ?? Infinity;
    return diff >= 0 ? diff >= lo && diff < hi : diff > lo && diff <= hi;
  });
}

/** AWS's rounding of a PercentChangeInCapacity adjustment. */
export function percentChange(capacity: number, percent: number, minMagnitude?: number): number {
  const raw = (capacity * percent) / 100;
  let delta = raw > 1 ? Math.floor(raw) : raw > 0 ? 1 : raw === 0 ? 0 : raw > -1 ? -1 : Math.ceil(raw);
  if (minMagnitude !== undefined && delta !== 0 && Math.abs(delta) < minMagnitude) delta = Math.sign(delta) * minMagnitude;
  return delta;
}

export function stepCapacity(policy: AppScalingPolicy, step: StepAdjustment, from: number): { capacity: number; why: string } {
  const c = policy.StepScalingPolicyConfiguration!;
  const adj = step.ScalingAdjustment!;
  if (c.AdjustmentType === 'ExactCapacity') return { capacity: adj, why: `ExactCapacity ${adj} -> ${adj} tasks` };
  if (c.AdjustmentType === 'ChangeInCapacity') return { capacity: from + adj, why: `ChangeInCapacity ${adj >= 0 ? '+' : ''}${adj}: ${from} ${adj >= 0 ? '+' : '-'} ${Math.abs(adj)} = ${from + adj} tasks` };
  const delta = percentChange(from, adj, c.MinAdjustmentMagnitude);
  const exact = Math.round(from * adj) / 100;
  const magnitude = c.MinAdjustmentMagnitude !== undefined && Math.abs(delta) === c.MinAdjustmentMagnitude ? ` (at least MinAdjustmentMagnitude ${c.MinAdjustmentMagnitude})` : '';
  return { capacity: from + delta, why: `PercentChangeInCapacity ${adj}% of ${from} = ${exact} -> ${delta >= 0 ? '+' : ''}${delta}${magnitude}: ${from + delta} tasks` };
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

export function stepScalingInvoked(sim: Simulation, target: AppScalableTarget, policy: AppScalingPolicy, alarmName: string, current: number, metric: number, threshold: number): void {
  const c = policy.StepScalingPolicyConfiguration!;
  const step = findStep(c.StepAdjustments ?? [], metric, threshold);
  if (!step) {
    notScaled(sim, target, `Policy ${policy.PolicyName}: No step adjustment found for metric value [${fmt(metric)}] and breach threshold ${fmt(threshold)}.`);
    return;
  }
  const interval = `metric ${fmt(metric)} - threshold ${fmt(threshold)} = ${fmt(metric - threshold)} is in [${step.MetricIntervalLowerBound ?? '-infinity'}, ${step.MetricIntervalUpperBound ?? '+infinity'}]`;
  const proposal = {
    compute: (from: number) => {
      const r = stepCapacity(policy, step, from);
      return { capacity: r.capacity, why: `${interval}: ${r.why}` };
    },
    cause: `monitor alarm ${alarmName} in state ALARM triggered policy ${policy.PolicyName}`,
    cooldown: c.Cooldown ?? DEFAULT_COOLDOWN,
  };
  const planned = stepCapacity(policy, step, current).capacity;
  if (planned > current) scaleOut(sim, target, current, proposal);
  else if (planned < current) scaleIn(sim, target, current, proposal);
  else notScaled(sim, target, `Policy ${policy.PolicyName}: ${proposal.compute(current).why}: the desired count stays ${current}.`);
}
