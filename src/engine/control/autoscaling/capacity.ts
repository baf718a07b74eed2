/**
 * What other engine modules (ECS capacity providers, managed scaling and managed termination
 * protection) use to work with an Auto Scaling group, without going through the API:
 *
 * - `groupInstances`: the group's instances with LifecycleState, HealthStatus, AZ and
 *   ProtectedFromScaleIn (Terminated ones are dropped on the group's next pass).
 * - `setGroupDesiredCapacity(sim, name, desired, trigger)`: as SetDesiredCapacity, with the
 *   trigger as the first sentence of the activities' cause, e.g. "a monitor alarm
 *   TargetTracking-... in state ALARM triggered policy ..." -> "At <time> a monitor alarm ...
 *   changing the desired capacity from 1 to 2."
 * - `setInstancesProtection`: as SetInstanceProtection; this is how ECS managed termination
 *   protection works on AWS (ECS protects instances that run non-daemon tasks and unprotects idle
 *   ones).
 * - The veto seam: termination-policy.ts `scaleInVeto` decides, for every scale-in choice, whether
 *   an instance may be terminated; add managed termination protection checks there.
 */
import type { Simulation } from '../../simulation';
import type { AsgInstance, AutoScalingGroup } from '../../world/autoscaling-types';
import type { World } from '../../world/types';
import { AwsError } from '../../aws/errors';
import { changeDesiredCapacity } from './activities';
import { requestReconcile } from './reconcile';

export const groupNotFound = (name: string) => new AwsError('ValidationError', `AutoScalingGroup name not found - AutoScalingGroup ${name} not found`);

export function requireGroup(world: World, name: string): AutoScalingGroup {
  const group = Object.hasOwn(world.autoScalingGroups, name) ? world.autoScalingGroups[name] : undefined;
  if (!group) throw groupNotFound(name);
  return group;
}

export function groupInstances(world: World, groupName: string): readonly AsgInstance[] {
  const group = world.autoScalingGroups[groupName];
  return group ? Object.values(group.instances) : [];
}

/** Checks the bounds as SetDesiredCapacity does, records the change and schedules the group's pass. */
export function setGroupDesiredCapacity(sim: Simulation, groupName: string, desired: number, trigger: string): void {
  const group = requireGroup(sim.world, groupName);
  if (desired > group.MaxSize) throw new AwsError('ValidationError', `New SetDesiredCapacity value ${desired} is above max value ${group.MaxSize} for the AutoScalingGroup.`);
  if (desired < group.MinSize) throw new AwsError('ValidationError', `New SetDesiredCapacity value ${desired} is below min value ${group.MinSize} for the AutoScalingGroup.`);
  changeDesiredCapacity(sim, group, desired, trigger);
  requestReconcile(sim, group);
}

/** Sets ProtectedFromScaleIn on instances of the group; every id must be one of its instances. */
export function setInstancesProtection(sim: Simulation, groupName: string, instanceIds: string[], isProtected: boolean): void {
  const group = requireGroup(sim.world, groupName);
  for (const id of instanceIds) {
    if (!group.instances[id]) throw new AwsError('ValidationError', `The instance ${id} is not part of Auto Scaling group ${groupName}.`);
  }
  for (const id of instanceIds) group.instances[id].ProtectedFromScaleIn = isProtected;
  group.scaleInBlocked = undefined;
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.protection',
    resource: group.AutoScalingGroupARN,
    message: `Auto Scaling group ${groupName}: ${instanceIds.join(', ')} ${isProtected ? 'are now protected from scale in: scale in will not choose them' : 'are no longer protected from scale in'}.`,
  });
  if (!isProtected) requestReconcile(sim, group);
}
