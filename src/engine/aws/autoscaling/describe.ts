/**
 * autoscaling:DescribeAutoScalingGroups, DescribeAutoScalingInstances, DescribeScalingActivities.
 *
 * Unknown names in AutoScalingGroupNames are left out (no error), as AWS does. Instances are listed
 * while Pending, InService, Terminating and, until the group's next pass, Terminated.
 * DescribeAutoScalingInstances reports HealthStatus in capitals ("HEALTHY"), as the API does.
 * Activities are newest first; MaxRecords defaults to 100.
 */
import type {
  Activity,
  ActivitiesType,
  AutoScalingGroup as SdkGroup,
  AutoScalingGroupsType,
  AutoScalingInstancesType,
} from '@aws-sdk/client-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AutoScalingGroup, ScalingActivity } from '../../world/autoscaling-types';
import { optionalArray, type Input } from '../validate';
import { groupActivities } from '../../control/autoscaling/activities';
import { optionalBool, optionalInt, validation } from './input';

export function groupOutput(sim: Simulation, g: AutoScalingGroup): SdkGroup {
  return {
    AutoScalingGroupName: g.AutoScalingGroupName,
    AutoScalingGroupARN: g.AutoScalingGroupARN,
    LaunchTemplate: { ...g.LaunchTemplate },
    MinSize: g.MinSize,
    MaxSize: g.MaxSize,
    DesiredCapacity: g.DesiredCapacity,
    DefaultCooldown: g.DefaultCooldown,
    AvailabilityZones: [...g.AvailabilityZones],
    LoadBalancerNames: [],
    TargetGroupARNs: [],
    HealthCheckType: g.HealthCheckType,
    HealthCheckGracePeriod: g.HealthCheckGracePeriod,
    Instances: Object.values(g.instances).map((m) => ({
      InstanceId: m.InstanceId,
      InstanceType: m.InstanceType,
      AvailabilityZone: m.AvailabilityZone,
      LifecycleState: m.LifecycleState,
      HealthStatus: m.HealthStatus,
      LaunchTemplate: { ...m.LaunchTemplate },
      ProtectedFromScaleIn: m.ProtectedFromScaleIn,
    })),
    CreatedTime: sim.date(g.CreatedTime),
    SuspendedProcesses: [],
    ...(g.VPCZoneIdentifier !== undefined ? { VPCZoneIdentifier: g.VPCZoneIdentifier } : {}),
    EnabledMetrics: [],
    ...(g.Status ? { Status: g.Status } : {}),
    Tags: g.Tags.map((t) => ({ ResourceId: g.AutoScalingGroupName, ResourceType: 'auto-scaling-group', Key: t.Key, Value: t.Value, PropagateAtLaunch: t.PropagateAtLaunch })),
    TerminationPolicies: [...g.TerminationPolicies],
    NewInstancesProtectedFromScaleIn: g.NewInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: g.ServiceLinkedRoleARN,
    CapacityRebalance: g.CapacityRebalance,
    TrafficSources: [],
  };
}

function names(input: Input, field: string): string[] | undefined {
  const v = optionalArray<unknown>(input, field, 'ValidationError');
  return v && v.length > 0 ? v.map(String) : undefined;
}

function maxRecords(input: Input, limit: number): number {
  const n = optionalInt(input, 'MaxRecords') ?? limit;
  if (n < 1 || n > limit) throw validation(`1 validation error detected: Value '${n}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to ${limit}`);
  return n;
}

/** Filters: tag:KEY, tag-key, tag-value (the ones DescribeAutoScalingGroups supports). */
function matchesFilters(g: AutoScalingGroup, filters: { Name?: string; Values?: string[] }[]): boolean {
  return filters.every((f) => {
    const values = f.Values ?? [];
    if (f.Name === 'tag-key') return g.Tags.some((t) => values.includes(t.Key));
    if (f.Name === 'tag-value') return g.Tags.some((t) => values.includes(t.Value));
    if (f.Name?.startsWith('tag:')) return g.Tags.some((t) => t.Key === f.Name!.slice(4) && values.includes(t.Value));
    throw validation(`Filter name '${String(f.Name)}' is invalid. Valid filter names are: tag-key, tag-value, tag:<key>.`);
  });
}

export function describeAutoScalingGroups(sim: Simulation, input: Input): AutoScalingGroupsType {
  const wanted = names(input, 'AutoScalingGroupNames');
  const filters = optionalArray<{ Name?: string; Values?: string[] }>(input, 'Filters', 'ValidationError') ?? [];
  const AutoScalingGroups = Object.values(sim.world.autoScalingGroups)
    .filter((g) => !wanted || wanted.includes(g.AutoScalingGroupName))
    .filter((g) => matchesFilters(g, filters))
    .slice(0, maxRecords(input, 100))
    .map((g) => groupOutput(sim, g));
  return { AutoScalingGroups };
}

export function describeAutoScalingInstances(sim: Simulation, input: Input): AutoScalingInstancesType {
  const wanted = names(input, 'InstanceIds');
  const AutoScalingInstances = Object.values(sim.world.autoScalingGroups)
    .flatMap((g) => Object.values(g.instances).map((m) => ({ g, m })))
    .filter(({ m }) => !wanted || wanted.includes(m.InstanceId))
    .slice(0, maxRecords(input, 50))
    .map(({ g, m }) => ({
      InstanceId: m.InstanceId,
      InstanceType: m.InstanceType,
      AutoScalingGroupName: g.AutoScalingGroupName,
      AvailabilityZone: m.AvailabilityZone,
      LifecycleState: m.LifecycleState,
      HealthStatus: m.HealthStatus.toUpperCase(),
      LaunchTemplate: { ...m.LaunchTemplate },
      ProtectedFromScaleIn: m.ProtectedFromScaleIn,
    }));
  return { AutoScalingInstances };
}

export function activityOutput(sim: Simulation, a: ScalingActivity): Activity {
  return {
    ActivityId: a.ActivityId,
    AutoScalingGroupName: a.AutoScalingGroupName,
    AutoScalingGroupARN: a.AutoScalingGroupARN,
    Description: a.Description,
    Cause: a.Cause,
    StartTime: sim.date(a.StartTime),
    ...(a.EndTime !== undefined ? { EndTime: sim.date(a.EndTime) } : {}),
    StatusCode: a.StatusCode,
    ...(a.StatusMessage !== undefined ? { StatusMessage: a.StatusMessage } : {}),
    Progress: a.Progress,
    Details: a.Details,
  };
}

export function describeScalingActivities(sim: Simulation, input: Input): ActivitiesType {
  const name = input.AutoScalingGroupName;
  if (name !== undefined && typeof name !== 'string') throw validation('AutoScalingGroupName must be a string.');
  const ids = names(input, 'ActivityIds');
  const includeDeleted = optionalBool(input, 'IncludeDeletedGroups') ?? false;
  const all = name ? groupActivities(sim, name) : Object.values(sim.world.scalingActivities).reverse();
  const Activities = all
    .filter((a) => !ids || ids.includes(a.ActivityId))
    .filter((a) => includeDeleted || sim.world.autoScalingGroups[a.AutoScalingGroupName]?.AutoScalingGroupARN === a.AutoScalingGroupARN)
    .slice(0, maxRecords(input, 100))
    .map((a) => activityOutput(sim, a));
  return { Activities };
}
