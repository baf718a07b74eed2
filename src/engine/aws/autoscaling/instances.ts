/**
 * autoscaling:SetInstanceProtection and TerminateInstanceInAutoScalingGroup.
 *
 * Scale-in protection only keeps scale in from choosing an instance: TerminateInstanceInAutoScalingGroup,
 * ec2:TerminateInstances and health check replacements still terminate it (AWS).
 * TerminateInstanceInAutoScalingGroup with ShouldDecrementDesiredCapacity lowers the desired
 * capacity by one (refused when it equals MinSize); without it the group launches a replacement.
 */
import type { TerminateInstanceInAutoScalingGroupCommandOutput } from '@aws-sdk/client-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AsgInstance, AutoScalingGroup } from '../../world/autoscaling-types';
import { optionalArray, type Input } from '../validate';
import { at } from '../../control/autoscaling/activities';
import { setInstancesProtection } from '../../control/autoscaling/capacity';
import { terminateMember } from '../../control/autoscaling/members';
import { requestReconcile } from '../../control/autoscaling/reconcile';
import { activityOutput } from './describe';
import { groupName, requiredBool, requiredString, validation } from './input';

export function setInstanceProtection(sim: Simulation, input: Input): Record<string, never> {
  const name = groupName(input);
  const ids = (optionalArray<unknown>(input, 'InstanceIds', 'ValidationError') ?? []).map(String);
  if (ids.length === 0) throw validation("1 validation error detected: Value null at 'instanceIds' failed to satisfy constraint: Member must not be null");
  if (ids.length > 50) throw validation('The number of instance IDs must not exceed 50.');
  setInstancesProtection(sim, name, ids, requiredBool(input, 'ProtectedFromScaleIn'));
  return {};
}

function findMember(sim: Simulation, id: string): { group: AutoScalingGroup; member: AsgInstance } | undefined {
  for (const group of Object.values(sim.world.autoScalingGroups)) {
    const member = group.instances[id];
    if (member) return { group, member };
  }
  return undefined;
}

type TerminateOutput = Omit<TerminateInstanceInAutoScalingGroupCommandOutput, '$metadata'>;

export function terminateInstanceInAutoScalingGroup(sim: Simulation, input: Input): TerminateOutput {
  const id = requiredString(input, 'InstanceId');
  const decrement = requiredBool(input, 'ShouldDecrementDesiredCapacity');
  const found = findMember(sim, id);
  if (!found) throw validation(`Instance Id not found - No managed instance found for instance ID: ${id}`);
  const { group, member } = found;
  if (member.LifecycleState === 'Terminating' || member.LifecycleState === 'Terminated') {
    throw validation(`The instance ${id} is already ${member.LifecycleState === 'Terminating' ? 'terminating' : 'terminated'}.`);
  }
  let cause = at(sim, `instance ${id} was taken out of service in response to a user request.`);
  let why = 'a user request (TerminateInstanceInAutoScalingGroup without decrement): the group launches a replacement';
  if (decrement) {
    if (group.DesiredCapacity <= group.MinSize) {
      throw validation(
        `Currently, desiredSize equals minSize (${group.MinSize}). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`,
      );
    }
    const before = group.DesiredCapacity;
    group.DesiredCapacity = before - 1;
    cause = at(sim, `instance ${id} was taken out of service in response to a user request, shrinking the capacity from ${before} to ${group.DesiredCapacity}.`);
    why = `a user request (TerminateInstanceInAutoScalingGroup with ShouldDecrementDesiredCapacity): desired capacity ${before} -> ${group.DesiredCapacity}, no replacement`;
  }
  terminateMember(sim, group, member, cause, why);
  requestReconcile(sim, group);
  return { Activity: activityOutput(sim, sim.world.scalingActivities[member.terminateActivityId!]) };
}
