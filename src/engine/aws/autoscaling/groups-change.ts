/**
 * autoscaling:UpdateAutoScalingGroup, SetDesiredCapacity, DeleteAutoScalingGroup.
 *
 * UpdateAutoScalingGroup (AWS): a new MinSize above the current desired capacity raises it to
 * MinSize, a new MaxSize below it lowers it to MaxSize, unless DesiredCapacity is given. A new
 * launch template applies to instances launched from then on (existing ones are replaced only by
 * scale in, which prefers older template versions). New AZs/subnets rebalance the group.
 *
 * SetDesiredCapacity: HonorCooldown is accepted and ignored (no simple scaling policies or
 * cooldowns are modelled yet).
 *
 * DeleteAutoScalingGroup: with instances and no ForceDelete -> ResourceInUse; with an activity in
 * progress -> ScalingActivityInProgress. ForceDelete terminates every instance (protected or not),
 * the group shows Status "Delete in progress" and disappears once they are all terminated.
 */
import type { Simulation } from '../../simulation';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { changeDesiredCapacity, hasActivityInProgress } from '../../control/autoscaling/activities';
import { requestReconcile } from '../../control/autoscaling/reconcile';
import { requireGroup, setGroupDesiredCapacity } from '../../control/autoscaling/capacity';
import { checkBounds, groupName, launchTemplateSpec, optionalBool, optionalInt, readZones, requiredInt, validation } from './input';

export function updateAutoScalingGroup(sim: Simulation, input: Input): Record<string, never> {
  const group = requireGroup(sim.world, groupName(input));
  if (group.Status) throw validation(`AutoScalingGroup ${group.AutoScalingGroupName} is pending delete.`);
  const newMin = optionalInt(input, 'MinSize');
  const newMax = optionalInt(input, 'MaxSize');
  const givenDesired = optionalInt(input, 'DesiredCapacity');
  const min = newMin ?? group.MinSize;
  const max = newMax ?? group.MaxSize;
  let desired = givenDesired ?? group.DesiredCapacity;
  if (givenDesired === undefined) {
    if (newMin !== undefined && desired < min) desired = min;
    if (newMax !== undefined && desired > max) desired = max;
  }
  checkBounds(min, max, desired);
  const template = input.LaunchTemplate !== undefined && input.LaunchTemplate !== null ? launchTemplateSpec(sim.world, input.LaunchTemplate) : undefined;
  const zones = readZones(sim.world, input);
  const changes: string[] = [];
  if (template) {
    group.LaunchTemplate = template;
    changes.push(`launch template ${template.LaunchTemplateName} version ${template.Version} for new instances`);
  }
  if (zones) {
    Object.assign(group, zones);
    if (!zones.VPCZoneIdentifier) delete group.VPCZoneIdentifier;
    changes.push(`zones ${zones.AvailabilityZones.join(', ')}`);
  }
  const grace = optionalInt(input, 'HealthCheckGracePeriod');
  if (grace !== undefined) group.HealthCheckGracePeriod = grace;
  const cooldown = optionalInt(input, 'DefaultCooldown');
  if (cooldown !== undefined) group.DefaultCooldown = cooldown;
  const protect = optionalBool(input, 'NewInstancesProtectedFromScaleIn');
  if (protect !== undefined) group.NewInstancesProtectedFromScaleIn = protect;
  const rebalance = optionalBool(input, 'CapacityRebalance');
  if (rebalance !== undefined) group.CapacityRebalance = rebalance;
  group.MinSize = min;
  group.MaxSize = max;
  if (changes.length > 0) {
    sim.emit({ source: 'autoscaling', kind: 'autoscaling.updated', resource: group.AutoScalingGroupARN, message: `Auto Scaling group ${group.AutoScalingGroupName} updated: ${changes.join('; ')}.` });
  }
  changeDesiredCapacity(sim, group, desired, `a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`);
  requestReconcile(sim, group);
  return {};
}

export function setDesiredCapacity(sim: Simulation, input: Input): Record<string, never> {
  const name = groupName(input);
  const desired = requiredInt(input, 'DesiredCapacity');
  optionalBool(input, 'HonorCooldown');
  setGroupDesiredCapacity(sim, name, desired, 'a user request explicitly set group desired capacity');
  return {};
}

export function deleteAutoScalingGroup(sim: Simulation, input: Input): Record<string, never> {
  const group = requireGroup(sim.world, groupName(input));
  const force = optionalBool(input, 'ForceDelete') ?? false;
  const name = group.AutoScalingGroupName;
  if (!force) {
    if (Object.keys(group.instances).length > 0) {
      throw new AwsError('ResourceInUse', 'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.');
    }
    if (hasActivityInProgress(sim, name)) {
      throw new AwsError('ScalingActivityInProgress', 'You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.');
    }
  }
  if (Object.keys(group.instances).length === 0) {
    delete sim.world.autoScalingGroups[name];
    sim.emit({ source: 'autoscaling', kind: 'autoscaling.deleted', resource: group.AutoScalingGroupARN, message: `Auto Scaling group ${name} is deleted (it had no instances).` });
    return {};
  }
  if (group.Status) return {};
  group.Status = 'Delete in progress';
  group.MinSize = 0;
  group.MaxSize = 0;
  changeDesiredCapacity(sim, group, 0, 'a user request deleted the AutoScalingGroup with ForceDelete');
  requestReconcile(sim, group, 0);
  return {};
}
