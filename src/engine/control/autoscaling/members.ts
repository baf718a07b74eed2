/**
 * Keeping a group's view of its instances in step with EC2, and taking instances out of service.
 *
 * - Pending -> InService when EC2 reports the instance `running` (no lifecycle hooks or warm pools
 *   in the simulator, so nothing else holds it back). Its launch activity is then Successful.
 * - Terminating -> Terminated when EC2 reports it `terminated`; its terminate activity is then
 *   Successful, and the group drops it on its next pass (DescribeAutoScalingGroups stops listing it).
 * - EC2 health check: a Pending or InService instance that EC2 reports as shutting-down,
 *   terminated, stopping or stopped (e.g. someone called ec2:TerminateInstances) is Unhealthy and
 *   taken out of service at once; the group then launches a replacement. Choice: the health check
 *   grace period does not delay this, because an instance that is gone cannot pass a later check;
 *   the grace period would apply to failed status checks, which the simulator does not model yet.
 */
import type { Simulation } from '../../simulation';
import type { AsgInstance, AutoScalingGroup } from '../../world/autoscaling-types';
import { terminateInstances } from '../../aws/ec2/instances';
import { at, finishActivity, startActivity } from './activities';

function details(sim: Simulation, m: AsgInstance): Record<string, string> {
  const subnet = sim.world.instances[m.InstanceId]?.SubnetId;
  return { ...(subnet ? { 'Subnet ID': subnet } : {}), 'Availability Zone': m.AvailabilityZone };
}

/** Takes an instance out of service: Terminating, an activity with `cause`, and ec2:TerminateInstances. */
export function terminateMember(sim: Simulation, group: AutoScalingGroup, member: AsgInstance, cause: string, why: string): void {
  member.LifecycleState = 'Terminating';
  const activity = startActivity(sim, group, {
    Description: `Terminating EC2 instance: ${member.InstanceId}`,
    Cause: cause,
    Details: details(sim, member),
    instanceId: member.InstanceId,
  });
  member.terminateActivityId = activity.ActivityId;
  finishActivity(sim, member.launchActivityId, 'Cancelled', `Instance ${member.InstanceId} was taken out of service before it entered service.`);
  const state = sim.world.instances[member.InstanceId]?.State.Name;
  if (state === 'pending' || state === 'running' || state === 'stopping' || state === 'stopped') {
    terminateInstances(sim, { InstanceIds: [member.InstanceId] });
  }
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.terminate',
    resource: group.AutoScalingGroupARN,
    message: `Auto Scaling group ${group.AutoScalingGroupName} is terminating ${member.InstanceId} (${member.AvailabilityZone}): ${why}.`,
    detail: { instanceId: member.InstanceId, availabilityZone: member.AvailabilityZone, activityId: activity.ActivityId },
  });
}

export function launchDetails(subnetId: string, zone: string): Record<string, string> {
  return { 'Subnet ID': subnetId, 'Availability Zone': zone };
}

/** Brings every member's lifecycle state up to date with EC2; runs first in every reconcile pass. */
/** True when every member is InService on a running instance: nothing to bring up to date (nearly always). */
function allInServiceAndRunning(sim: Simulation, group: AutoScalingGroup): boolean {
  for (const id in group.instances) {
    const member = group.instances[id];
    if (member.LifecycleState !== 'InService' || sim.world.instances[member.InstanceId]?.State.Name !== 'running') return false;
  }
  return true;
}

export function refreshMembers(sim: Simulation, group: AutoScalingGroup): void {
  if (allInServiceAndRunning(sim, group)) return;
  for (const member of Object.values(group.instances)) {
    const instance = sim.world.instances[member.InstanceId];
    const state = instance?.State.Name ?? 'terminated';
    if (member.LifecycleState === 'Terminated') {
      delete group.instances[member.InstanceId];
      continue;
    }
    if (member.LifecycleState === 'Terminating') {
      if (state === 'terminated') {
        member.LifecycleState = 'Terminated';
        finishActivity(sim, member.terminateActivityId, 'Successful');
        sim.emit({
          source: 'autoscaling',
          kind: 'autoscaling.terminated',
          resource: group.AutoScalingGroupARN,
          message: `Instance ${member.InstanceId} of Auto Scaling group ${group.AutoScalingGroupName} is Terminated; the group no longer lists it.`,
          detail: { instanceId: member.InstanceId },
        });
      }
      continue;
    }
    if (state === 'shutting-down' || state === 'terminated' || state === 'stopping' || state === 'stopped') {
      member.HealthStatus = 'Unhealthy';
      terminateMember(
        sim,
        group,
        member,
        at(sim, 'an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.'),
        `the EC2 health check found it ${state} (not started by the group), so it is Unhealthy and will be replaced`,
      );
      continue;
    }
    if (member.LifecycleState === 'Pending' && state === 'running') {
      member.LifecycleState = 'InService';
      finishActivity(sim, member.launchActivityId, 'Successful');
      sim.emit({
        source: 'autoscaling',
        kind: 'autoscaling.inService',
        resource: group.AutoScalingGroupARN,
        message: `Instance ${member.InstanceId} (${member.AvailabilityZone}) is InService in Auto Scaling group ${group.AutoScalingGroupName}: EC2 reports it running.`,
        detail: { instanceId: member.InstanceId },
      });
    }
  }
}
