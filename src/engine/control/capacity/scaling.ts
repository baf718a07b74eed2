/**
 * ECS managed scaling (cluster auto scaling), once a minute per Auto Scaling group provider.
 *
 * AWS: when managed scaling is ENABLED, ECS creates a target tracking scaling policy on the group
 * (ECSManagedAutoScalingPolicy-...) on the metric CapacityProviderReservation (namespace
 * AWS/ECS/ManagedScaling, dimensions ClusterName and CapacityProviderName) with the provider's
 * targetCapacity as the target, and publishes the metric every minute. Target tracking's alarms:
 * AlarmHigh fires after 1 one-minute datapoint above target (scale out fast), AlarmLow after 15
 * consecutive datapoints below it (scale in slowly). Scale-out steps are at least
 * minimumScalingStepSize and at most maximumScalingStepSize instances.
 *
 * Model (documented): we run the target tracking directly here instead of through alarm records:
 *  - desired for target = ceil(M x 100 / targetCapacity) (target tracking's capacity for the
 *    metric M / N x 100 to reach the target);
 *  - scale out when the reservation is above target and that is more than the group's
 *    DesiredCapacity: + clamp(difference, min step, max step), capped at MaxSize. Instances still
 *    launching or warming up are already in DesiredCapacity, so they are not launched twice;
 *  - scale in when the reservation has been below target for 15 consecutive minutes and no
 *    instance of the group is within instanceWarmupPeriod of its launch (new instances' metrics
 *    do not count yet): to max(desired for target, MinSize). The group then picks which instances
 *    to terminate; managed termination protection keeps it off instances with tasks.
 * Every change goes through setGroupDesiredCapacity with the target tracking alarm as its cause.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { CapacityProvider } from '../../world/capacity-types';
import { stableHex } from '../../world/create';
import { putDatapoint } from '../../aws/cloudwatch/store';
import { clustersUsing, findAsgProvider, groupNameOf } from '../../aws/ecs/capacity-providers-store';
import { setGroupDesiredCapacity } from '../autoscaling/capacity';
import { busyCounts, syncProtection } from './protection';
import { computeReservation, type Reservation } from './reservation';
import { placeWaitingTasks } from './waiting';

export const TICK_SECONDS = 60;
export const SCALE_IN_MINUTES = 15;
export const METRIC_NAMESPACE = 'AWS/ECS/ManagedScaling';
export const METRIC_NAME = 'CapacityProviderReservation';

/** Starts a provider's minute ticks, aligned on the minute. */
export function startManagedScalingTicks(sim: Simulation, provider: CapacityProvider): void {
  const delay = TICK_SECONDS - (sim.now % TICK_SECONDS) || TICK_SECONDS;
  sim.schedule(delay, { type: 'capacity.tick', capacityProvider: provider.name, createdAt: provider.createdAt });
}

/** The names ECS gives the target tracking policy and its alarms (ids stable per provider). */
export function managedScalingNames(provider: CapacityProvider): { policy: string; alarmHigh: string; alarmLow: string } {
  const id = stableHex(provider.capacityProviderArn, 32);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
  const group = groupNameOf(provider);
  return {
    policy: `ECSManagedAutoScalingPolicy-${uuid}`,
    alarmHigh: `TargetTracking-${group}-AlarmHigh-${uuid}`,
    alarmLow: `TargetTracking-${group}-AlarmLow-${uuid}`,
  };
}

export function onCapacityTick(sim: Simulation, event: KernelEvent): void {
  const provider = findAsgProvider(sim.world, String(event.capacityProvider));
  if (!provider || provider.createdAt !== event.createdAt) return; // deleted (or replaced): the ticks end
  sim.schedule(TICK_SECONDS, event);
  const clusterName = clustersUsing(sim.world, provider.name)[0];
  const cluster = clusterName ? Object.values(sim.world.clusters).find((c) => c.clusterName === clusterName && c.status === 'ACTIVE') : undefined;
  if (!cluster) return;
  placeWaitingTasks(sim, cluster.clusterArn, provider.name);
  const busy = busyCounts(sim.world);
  syncProtection(sim, provider, busy);
  const r = computeReservation(sim, provider, cluster.clusterArn, busy);
  putDatapoint(sim.world, {
    namespace: METRIC_NAMESPACE,
    metricName: METRIC_NAME,
    dimensions: [
      { Name: 'ClusterName', Value: cluster.clusterName },
      { Name: 'CapacityProviderName', Value: provider.name },
    ],
    at: sim.now - TICK_SECONDS,
    value: r.value,
    unit: 'Percent',
  });
  const previous = provider.lastReservation;
  provider.lastReservation = { at: sim.now, value: r.value, m: r.m, n: r.n };
  if (!previous || previous.value !== r.value) {
    sim.emit({
      source: 'ecs',
      kind: 'capacity.reservation',
      resource: provider.capacityProviderArn,
      message:
        `Capacity provider ${provider.name}: CapacityProviderReservation ${round(r.value)}% (M ${r.m} instance(s) needed / N ${r.n} running` +
        `${r.waiting ? `; ${r.waiting} task(s) waiting in PROVISIONING need about ${r.extra} more` : ''}).`,
      detail: { ...r },
    });
  }
  if (provider.autoScalingGroupProvider.managedScaling.status === 'ENABLED') scale(sim, provider, r);
}

function scale(sim: Simulation, provider: CapacityProvider, r: Reservation): void {
  const group = sim.world.autoScalingGroups[groupNameOf(provider)];
  if (!group || group.Status) return;
  const scaling = provider.autoScalingGroupProvider.managedScaling;
  const target = scaling.targetCapacity;
  const forTarget = Math.ceil((r.m * 100) / target);
  const names = managedScalingNames(provider);
  const metric = `${METRIC_NAME} ${round(r.value)}% (target ${target}%)`;
  if (r.value > target) {
    provider.minutesBelowTarget = 0;
    const missing = forTarget - group.DesiredCapacity;
    if (missing <= 0) return;
    const step = Math.min(scaling.maximumScalingStepSize, Math.max(scaling.minimumScalingStepSize, missing));
    const desired = Math.min(group.MaxSize, group.DesiredCapacity + step);
    if (desired <= group.DesiredCapacity) {
      logOnce(sim, provider, `Capacity provider ${provider.name}: ${metric} asks for ${forTarget} instance(s), but Auto Scaling group ${group.AutoScalingGroupName} is at its MaxSize ${group.MaxSize}; tasks keep waiting in PROVISIONING.`);
      return;
    }
    sim.emit({
      source: 'ecs',
      kind: 'capacity.scaleOut',
      resource: provider.capacityProviderArn,
      message: `Capacity provider ${provider.name}: ${metric} is above target; managed scaling sets ${group.AutoScalingGroupName} to ${desired} instance(s) (needs ${forTarget}, step ${step} within ${scaling.minimumScalingStepSize}–${scaling.maximumScalingStepSize}${desired < group.DesiredCapacity + step ? `, capped at MaxSize ${group.MaxSize}` : ''}).`,
    });
    setGroupDesiredCapacity(sim, group.AutoScalingGroupName, desired, `a monitor alarm ${names.alarmHigh} in state ALARM triggered policy ${names.policy}`);
    return;
  }
  if (r.value === target) {
    provider.minutesBelowTarget = 0;
    return;
  }
  provider.minutesBelowTarget = (provider.minutesBelowTarget ?? 0) + 1;
  if (provider.minutesBelowTarget < SCALE_IN_MINUTES) return;
  const desired = Math.max(group.MinSize, forTarget);
  if (desired >= group.DesiredCapacity) return;
  const warming = Object.values(group.instances).filter((m) => m.LifecycleState !== 'Terminated' && sim.now - m.launchedAt < scaling.instanceWarmupPeriod);
  if (warming.length > 0) {
    logOnce(sim, provider, `Capacity provider ${provider.name}: ${metric} is below target, but ${warming.map((m) => m.InstanceId).join(', ')} ${warming.length === 1 ? 'is' : 'are'} still in the ${scaling.instanceWarmupPeriod} s instance warm-up period; scale in waits.`);
    return;
  }
  provider.minutesBelowTarget = 0;
  sim.emit({
    source: 'ecs',
    kind: 'capacity.scaleIn',
    resource: provider.capacityProviderArn,
    message: `Capacity provider ${provider.name}: ${metric} has been below target for ${SCALE_IN_MINUTES} minutes; managed scaling sets ${group.AutoScalingGroupName} to ${desired} instance(s).`,
  });
  setGroupDesiredCapacity(sim, group.AutoScalingGroupName, desired, `a monitor alarm ${names.alarmLow} in state ALARM triggered policy ${names.policy}`);
}

/** Logs a "cannot scale" line only when it differs from the last one logged for the provider. */
function logOnce(sim: Simulation, provider: CapacityProvider, message: string): void {
  if (provider.lastBlocked === message) return;
  provider.lastBlocked = message;
  sim.emit({ source: 'ecs', kind: 'capacity.blocked', resource: provider.capacityProviderArn, message });
}

const round = (v: number) => Math.round(v * 100) / 100;
