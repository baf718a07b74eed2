/**
 * application-autoscaling:RegisterScalableTarget, DescribeScalableTargets, DeregisterScalableTarget
 * for ECS services (ResourceId service/CLUSTER/SERVICE, ScalableDimension ecs:service:DesiredCount).
 *
 * Registering checks the service exists (AWS: ValidationException "ECS service doesn't exist:
 * service/CLUSTER/SERVICE"). Registering an existing target updates only what is given. When new
 * bounds leave the service's desired count outside [min, max], Application Auto Scaling moves the
 * desired count into them as a scaling activity ("maximum capacity was set to 4"): scheduled as
 * the event appAutoScaling.enforceBounds, because AWS does it after answering.
 * Deregistering deletes the target's scaling policies (with the alarms target tracking created)
 * and its scheduled actions, as AWS does.
 */
import type { DescribeScalableTargetsResponse, RegisterScalableTargetResponse, ScalableTarget } from '@aws-sdk/client-application-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AppScalableTarget } from '../../world/app-autoscaling-types';
import type { Input } from '../validate';
import { ENFORCE_BOUNDS_EVENT } from '../../control/app-autoscaling/events';
import {
  appState,
  ecsResource,
  ECS_DIMENSION,
  nameList,
  optionalBoolean,
  optionalInteger,
  optionalString,
  page,
  requireTarget,
  targetKey,
  validation,
  type EcsResource,
} from './common';
import { deletePolicyRecord } from './policies-store';
import { findCluster } from '../ecs/clusters-store';
import { findService } from '../ecs/services-store';

export const serviceLinkedRole = (sim: Simulation) =>
  `arn:aws:iam::${sim.world.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;

/**
 * The ECS service behind a resource, as DescribeServices reports it (undefined if none is ACTIVE).
 * Read with DescribeServices's own lookups (an ACTIVE cluster, the service by name or ARN in it)
 * rather than a whole ecs:DescribeServices call: policies ask every minute, and the answer needs
 * only the service's desiredCount and status, which DescribeServices copies as they are.
 */
export function describeEcsService(sim: Simulation, r: EcsResource): { desiredCount: number; status: string } | undefined {
  const cluster = findCluster(sim.world, r.cluster);
  if (!cluster || cluster.status !== 'ACTIVE') return undefined; // DescribeServices: ClusterNotFoundException
  const service = findService(sim.world, cluster, r.service);
  if (!service || service.status === 'INACTIVE') return undefined;
  return { desiredCount: service.desiredCount, status: service.status };
}

export function registerScalableTarget(sim: Simulation, input: Input): RegisterScalableTargetResponse {
  const r = ecsResource(input)!;
  const min = optionalInteger(input, 'MinCapacity');
  const max = optionalInteger(input, 'MaxCapacity');
  const roleArn = optionalString(input, 'RoleARN');
  const suspended = (input.SuspendedState ?? {}) as Input;
  if (typeof suspended !== 'object' || Array.isArray(suspended)) throw validation('SuspendedState must be a structure.');
  const flags = {
    DynamicScalingInSuspended: optionalBoolean(suspended, 'DynamicScalingInSuspended'),
    DynamicScalingOutSuspended: optionalBoolean(suspended, 'DynamicScalingOutSuspended'),
    ScheduledScalingSuspended: optionalBoolean(suspended, 'ScheduledScalingSuspended'),
  };
  if (!describeEcsService(sim, r)) throw validation(`ECS service doesn't exist: ${r.resourceId}`);

  const state = appState(sim);
  const key = targetKey(r.resourceId);
  const existing = Object.hasOwn(state.scalableTargets, key) ? state.scalableTargets[key] : undefined;
  if (!existing && (min === undefined || max === undefined)) {
    throw validation('MinCapacity and MaxCapacity are required for registering a new scalable target.');
  }
  const newMin = min ?? existing!.MinCapacity;
  const newMax = max ?? existing!.MaxCapacity;
  if (newMin > newMax) throw validation('Minimum capacity cannot be greater than maximum capacity');

  const target: AppScalableTarget = existing ?? {
    ServiceNamespace: 'ecs',
    ResourceId: r.resourceId,
    ScalableDimension: ECS_DIMENSION,
    MinCapacity: newMin,
    MaxCapacity: newMax,
    RoleARN: roleArn ?? serviceLinkedRole(sim),
    CreationTime: sim.now,
    SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
    ScalableTargetARN: `arn:aws:application-autoscaling:${sim.world.region}:${sim.world.accountId}:scalable-target/${sim.random.hex(36)}`,
    cooldowns: {},
  };
  target.MinCapacity = newMin;
  target.MaxCapacity = newMax;
  if (roleArn !== undefined) target.RoleARN = roleArn;
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) target.SuspendedState[k as keyof typeof flags] = v;
  state.scalableTargets[key] = target;

  const suspendedNames = Object.entries(target.SuspendedState).filter(([, v]) => v).map(([k]) => k);
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.target',
    resource: r.resourceId,
    message:
      `${existing ? 'Updated' : 'Registered'} scalable target ${r.resourceId} (ecs:service:DesiredCount): minimum capacity ${newMin}, maximum capacity ${newMax}` +
      (suspendedNames.length ? `; suspended: ${suspendedNames.join(', ')}.` : '.'),
  });
  sim.schedule(0, { type: ENFORCE_BOUNDS_EVENT, resourceId: r.resourceId, minChanged: min !== undefined, maxChanged: max !== undefined });
  return { ScalableTargetARN: target.ScalableTargetARN };
}

export function toScalableTarget(sim: Simulation, t: AppScalableTarget): ScalableTarget {
  const { cooldowns: _c, CreationTime, ...rest } = t;
  return { ...rest, SuspendedState: { ...t.SuspendedState }, CreationTime: sim.date(CreationTime) };
}

export function describeScalableTargets(sim: Simulation, input: Input): DescribeScalableTargetsResponse {
  ecsResource(input, { resourceOptional: true, dimensionOptional: true });
  const ids = nameList(input, 'ResourceIds');
  const all = Object.values(appState(sim).scalableTargets)
    .filter((t) => !ids || ids.includes(t.ResourceId))
    .sort((a, b) => a.CreationTime - b.CreationTime || (a.ResourceId < b.ResourceId ? -1 : 1));
  const { items, NextToken } = page(all, input);
  return { ScalableTargets: items.map((t) => toScalableTarget(sim, t)), ...(NextToken ? { NextToken } : {}) };
}

export function deregisterScalableTarget(sim: Simulation, input: Input): Record<string, never> {
  const r = ecsResource(input)!;
  requireTarget(sim, r.resourceId);
  const state = appState(sim);
  for (const policy of Object.values(state.scalingPolicies)) if (policy.ResourceId === r.resourceId) deletePolicyRecord(sim, policy);
  for (const [key, action] of Object.entries(state.scheduledActions)) if (action.ResourceId === r.resourceId) delete state.scheduledActions[key];
  delete state.scalableTargets[targetKey(r.resourceId)];
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.target',
    resource: r.resourceId,
    message: `Deregistered scalable target ${r.resourceId}: its scaling policies (and the alarms target tracking created) and scheduled actions were deleted.`,
  });
  return {};
}
