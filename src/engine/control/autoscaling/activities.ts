/**
 * Scaling activities: what DescribeScalingActivities lists, one per instance launched or
 * terminated, with Description and Cause worded as EC2 Auto Scaling words them:
 *
 *   Description "Launching a new EC2 instance: i-0abc" / "Terminating EC2 instance: i-0abc"
 *   Cause "At 2025-01-01T00:01:00Z a user request created an AutoScalingGroup changing the desired
 *          capacity from 0 to 3.  At 2025-01-01T00:01:05Z an instance was started in response to a
 *          difference between desired and actual capacity, increasing the capacity from 0 to 3."
 *
 * (the request that changed the desired capacity, two spaces, then what the group did about it).
 * StatusCode moves InProgress -> Successful (or Failed); Progress 0/50 -> 100; Details is the JSON
 * text {"Subnet ID": ..., "Availability Zone": ...}.
 */
import type { Simulation } from '../../simulation';
import type { AutoScalingGroup, ScalingActivity } from '../../world/autoscaling-types';

/** "2025-01-01T00:01:00Z": the timestamp format of causes (seconds, no milliseconds). */
export function causeTime(sim: Simulation, at = sim.now): string {
  return `${sim.date(at).toISOString().slice(0, 19)}Z`;
}

/** "At <now> <what>" — one sentence of a cause. */
export const at = (sim: Simulation, what: string) => `At ${causeTime(sim)} ${what}`;

/** A UUID from the seeded generator (activity ids are UUIDs on AWS). */
export function uuid(sim: Simulation): string {
  const h = sim.random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[sim.random.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface NewActivity {
  Description: string;
  Cause: string;
  Details?: Record<string, string>;
  instanceId?: string;
  StatusCode?: ScalingActivity['StatusCode'];
  StatusMessage?: string;
  Progress?: number;
}

export function startActivity(sim: Simulation, group: AutoScalingGroup, a: NewActivity): ScalingActivity {
  const activity: ScalingActivity = {
    ActivityId: uuid(sim),
    AutoScalingGroupName: group.AutoScalingGroupName,
    AutoScalingGroupARN: group.AutoScalingGroupARN,
    Description: a.Description,
    Cause: a.Cause,
    StartTime: sim.now,
    StatusCode: a.StatusCode ?? 'InProgress',
    ...(a.StatusMessage !== undefined ? { StatusMessage: a.StatusMessage } : {}),
    Progress: a.Progress ?? 0,
    Details: JSON.stringify(a.Details ?? {}),
    ...(a.instanceId ? { instanceId: a.instanceId } : {}),
  };
  if (activity.StatusCode !== 'InProgress') activity.EndTime = sim.now;
  sim.world.scalingActivities[activity.ActivityId] = activity;
  return activity;
}

export function finishActivity(sim: Simulation, activityId: string | undefined, status: 'Successful' | 'Failed' | 'Cancelled', message?: string): void {
  const activity = activityId ? sim.world.scalingActivities[activityId] : undefined;
  if (!activity || activity.StatusCode !== 'InProgress') return;
  activity.StatusCode = status;
  activity.Progress = 100;
  activity.EndTime = sim.now;
  if (message !== undefined) activity.StatusMessage = message;
}

/** Activities of a group, newest first (as DescribeScalingActivities lists them). */
export function groupActivities(sim: Simulation, groupName: string): ScalingActivity[] {
  return Object.values(sim.world.scalingActivities)
    .filter((a) => a.AutoScalingGroupName === groupName)
    .reverse();
}

export const hasActivityInProgress = (sim: Simulation, groupName: string) =>
  Object.values(sim.world.scalingActivities).some((a) => a.AutoScalingGroupName === groupName && a.StatusCode === 'InProgress');

/**
 * Records a change of desired capacity: the group's DesiredCapacity and the first sentence of the
 * causes of the activities that follow, e.g. "a user request explicitly set group desired capacity".
 */
export function changeDesiredCapacity(sim: Simulation, group: AutoScalingGroup, desired: number, trigger: string): void {
  const before = group.DesiredCapacity;
  group.DesiredCapacity = desired;
  if (before === desired) return;
  const sentence = `${at(sim, trigger)} changing the desired capacity from ${before} to ${desired}.`;
  group.pendingCause = sentence;
  group.scaleInBlocked = undefined;
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.desiredCapacity',
    resource: group.AutoScalingGroupARN,
    message: `Auto Scaling group ${group.AutoScalingGroupName}: ${sentence}`,
    detail: { from: before, to: desired },
  });
}
