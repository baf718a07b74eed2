/**
 * application-autoscaling:PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy.
 *
 * A policy needs a registered scalable target (ObjectNotFoundException otherwise). Putting an
 * existing name updates the policy and keeps its ARN (and a target tracking policy's alarm names).
 * The ARN: arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:UUID:resource/ecs/RESOURCE_ID:policyName/NAME.
 * Target tracking policies create their CloudWatch alarms (policies-store.ts) and return them in
 * Alarms; a step scaling policy is invoked by an alarm the user creates with PutMetricAlarm and the
 * policy ARN as alarm action.
 */
import type { DescribeScalingPoliciesResponse, PutScalingPolicyResponse, ScalingPolicy } from '@aws-sdk/client-application-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AppScalingPolicy } from '../../world/app-autoscaling-types';
import { validationMessage, type Input } from '../validate';
import { appState, childKey, ecsResource, ECS_DIMENSION, nameList, notFound, page, requiredString, requireTarget, uuid, validation } from './common';
import { stepScalingConfiguration, targetTrackingConfiguration } from './policy-input';
import { deletePolicyRecord, putTargetTrackingAlarms } from './policies-store';

const POLICY_TYPES = ['TargetTrackingScaling', 'StepScaling'];

function policyName(input: Input): string {
  const name = requiredString(input, 'PolicyName');
  if (name.length < 1 || name.length > 256) throw validation(validationMessage('policyName', name, 'Member must have length less than or equal to 256'));
  // AWS's pattern is \p{Print}+: no control characters.
  if (/[\u0000-\u001f\u007f]/.test(name)) throw validation(validationMessage('policyName', name, 'Member must satisfy regular expression pattern: \\p{Print}+'));
  return name;
}

export function putScalingPolicy(sim: Simulation, input: Input): PutScalingPolicyResponse {
  const PolicyName = policyName(input);
  const r = ecsResource(input)!;
  const existing = appState(sim).scalingPolicies[childKey(r.resourceId, PolicyName)] as AppScalingPolicy | undefined;
  const type = (input.PolicyType ?? existing?.PolicyType ?? 'StepScaling') as string;
  if (typeof type !== 'string' || !POLICY_TYPES.includes(type)) {
    throw validation(
      type === 'PredictiveScaling'
        ? 'The simulator does not model predictive scaling: use TargetTrackingScaling or StepScaling.'
        : validationMessage('policyType', type, `Member must satisfy enum value set: [${POLICY_TYPES.join(', ')}]`),
    );
  }
  const hasStep = input.StepScalingPolicyConfiguration !== undefined && input.StepScalingPolicyConfiguration !== null;
  const hasTracking = input.TargetTrackingScalingPolicyConfiguration !== undefined && input.TargetTrackingScalingPolicyConfiguration !== null;
  if (type === 'TargetTrackingScaling' && hasStep) throw validation('StepScalingPolicyConfiguration is not allowed for the TargetTrackingScaling policy type.');
  if (type === 'StepScaling' && hasTracking) throw validation('TargetTrackingScalingPolicyConfiguration is not allowed for the StepScaling policy type.');
  if (type === 'TargetTrackingScaling' && !hasTracking) throw validation('TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.');
  if (type === 'StepScaling' && !hasStep) throw validation('StepScalingPolicyConfiguration is required for a StepScaling policy.');
  const tracking = hasTracking ? targetTrackingConfiguration(input.TargetTrackingScalingPolicyConfiguration) : undefined;
  const step = hasStep ? stepScalingConfiguration(input.StepScalingPolicyConfiguration) : undefined;
  requireTarget(sim, r.resourceId);

  const PolicyARN =
    existing?.PolicyARN ??
    `arn:aws:autoscaling:${sim.world.region}:${sim.world.accountId}:scalingPolicy:${uuid(sim)}:resource/ecs/${r.resourceId}:policyName/${PolicyName}`;
  const policy: AppScalingPolicy = {
    PolicyARN,
    PolicyName,
    ServiceNamespace: 'ecs',
    ResourceId: r.resourceId,
    ScalableDimension: ECS_DIMENSION,
    PolicyType: type as AppScalingPolicy['PolicyType'],
    ...(tracking ? { TargetTrackingScalingPolicyConfiguration: tracking } : {}),
    ...(step ? { StepScalingPolicyConfiguration: step } : {}),
    Alarms: existing?.PolicyType === 'TargetTrackingScaling' && type === 'TargetTrackingScaling' ? existing.Alarms : [],
    CreationTime: existing?.CreationTime ?? sim.now,
  };
  if (existing?.PolicyType === 'TargetTrackingScaling' && type !== 'TargetTrackingScaling') {
    const names = existing.Alarms.map((a) => a.AlarmName).filter((n) => Object.hasOwn(sim.world.alarms, n));
    if (names.length) sim.call('cloudwatch:DeleteAlarms', { AlarmNames: names });
  }
  if (type === 'TargetTrackingScaling') putTargetTrackingAlarms(sim, policy);
  appState(sim).scalingPolicies[childKey(r.resourceId, PolicyName)] = policy;

  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.policy',
    resource: PolicyARN,
    message: `${existing ? 'Updated' : 'Created'} ${type} policy ${PolicyName} for ${r.resourceId}: ${describePolicy(policy)}`,
  });
  return { PolicyARN, ...(type === 'TargetTrackingScaling' ? { Alarms: policy.Alarms.map((a) => ({ ...a })) } : {}) };
}

function describePolicy(p: AppScalingPolicy): string {
  const t = p.TargetTrackingScalingPolicyConfiguration;
  if (t) {
    const metric = t.PredefinedMetricSpecification?.PredefinedMetricType ?? `${t.CustomizedMetricSpecification?.Namespace} ${t.CustomizedMetricSpecification?.MetricName}`;
    return (
      `keep ${metric} at ${t.TargetValue}; alarms ${p.Alarms.map((a) => a.AlarmName).join(' and ')}; ` +
      `scale-out cooldown ${t.ScaleOutCooldown ?? 300} s, scale-in cooldown ${t.ScaleInCooldown ?? 300} s${t.DisableScaleIn ? ', scale-in disabled' : ''}.`
    );
  }
  const s = p.StepScalingPolicyConfiguration!;
  return `${s.AdjustmentType} with ${s.StepAdjustments!.length} step(s), cooldown ${s.Cooldown ?? 300} s; invoke it from a CloudWatch alarm with AlarmActions [${p.PolicyARN}].`;
}

export function toScalingPolicy(sim: Simulation, p: AppScalingPolicy): ScalingPolicy {
  const { CreationTime, Alarms, ...rest } = structuredClone(p);
  return { ...rest, ...(Alarms.length ? { Alarms } : {}), CreationTime: sim.date(CreationTime) };
}

export function describeScalingPolicies(sim: Simulation, input: Input): DescribeScalingPoliciesResponse {
  const r = ecsResource(input, { resourceOptional: true, dimensionOptional: true });
  const names = nameList(input, 'PolicyNames');
  const all = Object.values(appState(sim).scalingPolicies)
    .filter((p) => (!r || p.ResourceId === r.resourceId) && (!names || names.includes(p.PolicyName)))
    .sort((a, b) => a.CreationTime - b.CreationTime || (a.PolicyName < b.PolicyName ? -1 : 1));
  const { items, NextToken } = page(all, input);
  return { ScalingPolicies: items.map((p) => toScalingPolicy(sim, p)), ...(NextToken ? { NextToken } : {}) };
}

export function deleteScalingPolicy(sim: Simulation, input: Input): Record<string, never> {
  const PolicyName = requiredString(input, 'PolicyName');
  const r = ecsResource(input)!;
  const policy = appState(sim).scalingPolicies[childKey(r.resourceId, PolicyName)];
  if (!policy) {
    throw notFound(`No scaling policy found for service namespace: ecs, resource ID: ${r.resourceId}, scalable dimension: ${ECS_DIMENSION}, policy name: ${PolicyName}`);
  }
  deletePolicyRecord(sim, policy);
  return {};
}
