/**
 * Managed termination protection (ECS guide, "Managed termination protection"): with it ENABLED
 * on a provider, ECS keeps scale-in protection on every instance of the group that runs non-daemon
 * tasks (it calls SetInstanceProtection) and removes it from instances that run none, so that
 * Auto Scaling scale-in only ever terminates instances without tasks. Daemon-service tasks do not
 * count: an instance running only daemon tasks may be terminated.
 *
 * How it is wired here: protectIfManaged runs as soon as a task is placed on such an instance;
 * syncProtection runs on every managed scaling tick (protects busy, unprotects idle); and
 * managedTerminationVeto is consulted by the Auto Scaling group's scale-in choice
 * (control/autoscaling/termination-policy.ts scaleInVeto), so an instance with non-daemon tasks is
 * never picked even in the instant before its protection flag is set.
 */
import type { Simulation } from '../../simulation';
import type { ContainerInstance, Task, World } from '../../world/types';
import type { CapacityProvider } from '../../world/capacity-types';
import { findAsgProvider, groupNameOf } from '../../aws/ecs/capacity-providers-store';
import { setInstancesProtection } from '../autoscaling/capacity';

export const isDaemonTask = (world: World, task: Task) =>
  !!task.serviceArn && Object.hasOwn(world.services, task.serviceArn) && world.services[task.serviceArn].schedulingStrategy === 'DAEMON';

/** Non-STOPPED, non-daemon tasks per container instance ARN. */
export function busyCounts(world: World): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const arn in world.tasks) {
    const t = world.tasks[arn];
    if (!t.containerInstanceArn || t.lastStatus === 'STOPPED' || isDaemonTask(world, t)) continue;
    counts[t.containerInstanceArn] = (counts[t.containerInstanceArn] ?? 0) + 1;
  }
  return counts;
}

const managed = (p: CapacityProvider | undefined) => p?.autoScalingGroupProvider.managedTerminationProtection === 'ENABLED';

/** Sets scale-in protection on the instance of a just-placed task, if its provider manages it. */
export function protectIfManaged(sim: Simulation, ci: ContainerInstance): void {
  const provider = ci.capacityProviderName ? findAsgProvider(sim.world, ci.capacityProviderName) : undefined;
  if (!provider || !managed(provider)) return;
  const group = sim.world.autoScalingGroups[groupNameOf(provider)];
  const member = group?.instances[ci.ec2InstanceId];
  if (!member || member.ProtectedFromScaleIn) return;
  setInstancesProtection(sim, group.AutoScalingGroupName, [ci.ec2InstanceId], true);
}

/** Protects the provider's busy instances and unprotects its idle ones. */
export function syncProtection(sim: Simulation, provider: CapacityProvider, busy: Record<string, number>): void {
  if (!managed(provider)) return;
  const group = sim.world.autoScalingGroups[groupNameOf(provider)];
  if (!group) return;
  const protect: string[] = [];
  const unprotect: string[] = [];
  for (const member of Object.values(group.instances)) {
    if (member.LifecycleState !== 'InService') continue;
    const ec2 = sim.world.instances[member.InstanceId];
    const ciArn = ec2?.containerInstanceArn;
    if (!ciArn) continue; // not registered yet: keep the group's NewInstancesProtectedFromScaleIn setting
    const isBusy = (busy[ciArn] ?? 0) > 0;
    if (isBusy && !member.ProtectedFromScaleIn) protect.push(member.InstanceId);
    if (!isBusy && member.ProtectedFromScaleIn) unprotect.push(member.InstanceId);
  }
  if (protect.length) setInstancesProtection(sim, group.AutoScalingGroupName, protect, true);
  if (unprotect.length) setInstancesProtection(sim, group.AutoScalingGroupName, unprotect, false);
}

/** Why ECS managed termination protection forbids terminating this group member, if it does. */
export function managedTerminationVeto(world: World, groupName: string, instanceId: string): string | undefined {
  const ciArn = world.instances[instanceId]?.containerInstanceArn;
  const ci = ciArn ? world.containerInstances[ciArn] : undefined;
  if (!ci?.capacityProviderName) return undefined;
  const provider = findAsgProvider(world, ci.capacityProviderName);
  if (!provider || !managed(provider) || groupNameOf(provider) !== groupName) return undefined;
  for (const arn in world.tasks) {
    const t = world.tasks[arn];
    if (t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED' && !isDaemonTask(world, t)) {
      return `instance ${instanceId} runs tasks and capacity provider ${provider.name} has managed termination protection`;
    }
  }
  return undefined;
}
