/**
 * How Application Auto Scaling reads and changes an ECS service, as on AWS: through the ECS API
 * (ecs:DescribeServices for the desired count, ecs:UpdateService {desiredCount}); every change is
 * a scaling activity (DescribeScalingActivities) and a log event.
 *
 * Activity texts follow AWS's: Description "Setting desired count to 6.", StatusMessage
 * "Successfully set desired count to 6. Change successfully fulfilled by ecs." A failed
 * UpdateService gives StatusCode Failed with the ECS error in StatusMessage (our wording).
 * The ECS call answers at once, so activities are recorded already finished (Successful/Failed).
 */
import type { Simulation } from '../../simulation';
import type { AppScalableTarget, AppScalingActivity } from '../../world/app-autoscaling-types';
import { appState, parseResourceId } from '../../aws/application-autoscaling/common';
import { describeEcsService } from '../../aws/application-autoscaling/targets';

/** The service's desired count, or undefined when the service is gone. */
export function currentCapacity(sim: Simulation, target: AppScalableTarget): number | undefined {
  return describeEcsService(sim, parseResourceId(target.ResourceId))?.desiredCount;
}

export const clamp = (target: AppScalableTarget, n: number) => Math.max(target.MinCapacity, Math.min(target.MaxCapacity, n));

export function recordActivity(sim: Simulation, target: AppScalableTarget, a: Pick<AppScalingActivity, 'Description' | 'Cause' | 'StatusCode' | 'StatusMessage'>): AppScalingActivity {
  const h = sim.random.hex(32);
  const activity: AppScalingActivity = {
    ActivityId: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    ServiceNamespace: 'ecs',
    ResourceId: target.ResourceId,
    ScalableDimension: 'ecs:service:DesiredCount',
    StartTime: sim.now,
    EndTime: sim.now,
    ...a,
  };
  appState(sim).activities.push(activity);
  return activity;
}

/**
 * Sets the service's desired count through ecs:UpdateService and records the activity.
 * `why` is the explanation of the numbers for the log. Returns whether ECS accepted it.
 */
export function setDesiredCount(sim: Simulation, target: AppScalableTarget, count: number, cause: string, why: string): boolean {
  const { cluster, service } = parseResourceId(target.ResourceId);
  const result = sim.call('ecs:UpdateService', { cluster, service, desiredCount: count });
  const Description = `Setting desired count to ${count}.`;
  if (result.error) {
    recordActivity(sim, target, {
      Description,
      Cause: cause,
      StatusCode: 'Failed',
      StatusMessage: `Failed to set desired count to ${count}. ECS answered ${result.error.code}: ${result.error.message}`,
    });
    sim.emit({
      source: 'application-autoscaling',
      kind: 'appAutoScaling.activity',
      resource: target.ResourceId,
      message: `Could not set the desired count of ${target.ResourceId} to ${count} (${cause}): ${result.error.code}: ${result.error.message}`,
      detail: { why },
    });
    return false;
  }
  recordActivity(sim, target, {
    Description,
    Cause: cause,
    StatusCode: 'Successful',
    StatusMessage: `Successfully set desired count to ${count}. Change successfully fulfilled by ecs.`,
  });
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.activity',
    resource: target.ResourceId,
    message: `${Description.slice(0, -1)} for ${target.ResourceId}: ${why} (${cause}).`,
    detail: { desiredCount: count, cause },
  });
  return true;
}

/** A decision that changed nothing: only the log says why. */
export function notScaled(sim: Simulation, target: AppScalableTarget, message: string): void {
  sim.emit({ source: 'application-autoscaling', kind: 'appAutoScaling.notScaled', resource: target.ResourceId, message });
}
