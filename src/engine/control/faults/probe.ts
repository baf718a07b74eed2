/** How injected faults change a load balancer health check (control/elb/probe.ts asks). */
import type { Task, World } from '../../world/types';
import type { TargetGroup } from '../../world/elb-types';
import { healthCheckFaulted, isZoneOut } from './state';

/**
 * A load balancer health check answered under a fault (control/elb/probe.ts asks): targets in an
 * impaired AZ time out; a task under HealthCheckFailure answers 503 (HTTP) or not at all (TCP).
 * Undefined when no fault applies.
 */
export function faultedProbe(world: World, targetGroup: TargetGroup, targetId: string, task: Task | undefined) {
  if (!world.faults) return undefined;
  const az = targetGroup.TargetType === 'instance' ? world.instances[targetId]?.Placement.AvailabilityZone : task?.availabilityZone;
  if (az !== undefined && isZoneOut(world, az)) return { ok: false as const, reason: 'Target.Timeout' as const };
  if (!task || !healthCheckFaulted(world, task)) return undefined;
  if (targetGroup.HealthCheckProtocol === 'TCP') return { ok: false as const, reason: 'Target.FailedHealthChecks' as const, taskArn: task.taskArn };
  return { ok: false as const, reason: 'Target.ResponseCodeMismatch' as const, statusCode: 503, taskArn: task.taskArn };
}
