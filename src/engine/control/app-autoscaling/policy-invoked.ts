/**
 * The event appAutoScaling.policyInvoked: a CloudWatch alarm in ALARM ran a scaling policy's ARN
 * (forwarded by control/metrics/actions.ts, again every minute while the alarm stays in ALARM).
 * Finds the policy and its target, reads the service's desired count through ecs:DescribeServices
 * and hands over to target tracking or step scaling. Scaling policies are only alarm actions for
 * the ALARM state: an OK or INSUFFICIENT_DATA invocation changes nothing.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import { appState, targetKey } from '../../aws/application-autoscaling/common';
import { findPolicyByArn } from '../../aws/application-autoscaling/policies-store';
import { currentCapacity, recordActivity } from './capacity';
import { stepScalingInvoked } from './step-scaling';
import { targetTrackingInvoked } from './target-tracking';

export function policyInvoked(sim: Simulation, event: KernelEvent): void {
  const arn = String(event.actionArn);
  const alarmName = String(event.alarmName);
  const policy = findPolicyByArn(sim, arn);
  const log = (message: string) => sim.emit({ source: 'application-autoscaling', kind: 'appAutoScaling.notScaled', resource: arn, message });
  if (!policy) return log(`Alarm "${alarmName}" invoked ${arn}, but no such scaling policy exists (it was deleted?), so nothing was scaled.`);
  if (event.state !== 'ALARM') return log(`Alarm "${alarmName}" invoked policy ${policy.PolicyName} in state ${String(event.state)}: scaling policies act only in ALARM.`);
  const key = targetKey(policy.ResourceId);
  const target = Object.hasOwn(appState(sim).scalableTargets, key) ? appState(sim).scalableTargets[key] : undefined;
  if (!target) return log(`Policy ${policy.PolicyName}: ${policy.ResourceId} is no longer a scalable target.`);
  const current = currentCapacity(sim, target);
  const cause = `monitor alarm ${alarmName} in state ALARM triggered policy ${policy.PolicyName}`;
  if (current === undefined) {
    recordActivity(sim, target, {
      Description: 'Setting desired count.',
      Cause: cause,
      StatusCode: 'Failed',
      StatusMessage: `ECS service doesn't exist: ${policy.ResourceId}`,
    });
    return log(`Policy ${policy.PolicyName} could not scale ${policy.ResourceId}: ECS service doesn't exist.`);
  }
  const metric = typeof event.metricValue === 'number' ? event.metricValue : undefined;
  if (policy.PolicyType === 'TargetTrackingScaling') return targetTrackingInvoked(sim, target, policy, alarmName, current, metric);
  if (metric === undefined) return log(`Policy ${policy.PolicyName}: alarm "${alarmName}" reported no metric value, so no step adjustment applies.`);
  stepScalingInvoked(sim, target, policy, alarmName, current, metric, Number(event.threshold));
}
