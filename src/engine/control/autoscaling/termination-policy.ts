/**
 * Which instance a group terminates when it scales in: the Default termination policy.
 *
 * 1. Instances outside the group's AZs (after an AZ was removed) go first.
 * 2. The AZ with the most instances that has at least one instance not protected from scale in
 *    (choice, AWS does not say: ties go to the first in the group's AZ order).
 * 3. In it, instances launched from an older launch template version than the group's current one
 *    (AWS: "oldest launch template or launch configuration"; a different template counts as older).
 * 4. Then the instance closest to the next billing hour (AWS keeps this rule although EC2 now bills
 *    per second: it takes the instance with the least time left in its current hour of running).
 * 5. Then at random (sim.random).
 *
 * Simplification (documented): the allocation-strategy step for mixed instances policies is skipped,
 * as the simulator has no mixed instances policies.
 *
 * Protection: an instance with ProtectedFromScaleIn is never chosen. `scaleInVeto` is the seam for
 * ECS managed termination protection: ECS protects instances that run non-daemon tasks by calling
 * SetInstanceProtection (capacity.ts setInstancesProtection), which already makes this return a
 * reason; any further check the capacity-provider work needs goes here, returning a reason the log
 * shows, and every scale-in decision goes through it.
 */
import type { Simulation } from '../../simulation';
import type { AsgInstance, AutoScalingGroup } from '../../world/autoscaling-types';
import { resolveVersion } from '../../aws/ec2/launch-templates-store';
import { managedTerminationVeto } from '../capacity/protection';

/** Why this instance may not be terminated for scale in, or undefined when it may. */
export function scaleInVeto(sim: Simulation, group: AutoScalingGroup, member: AsgInstance): string | undefined {
  if (member.ProtectedFromScaleIn) return `instance ${member.InstanceId} is protected from scale in`;
  return managedTerminationVeto(sim.world, group.AutoScalingGroupName, member.InstanceId);
}

/** Members that count toward capacity (Pending or InService). */
export const liveMembers = (group: AutoScalingGroup) =>
  Object.values(group.instances).filter((m) => m.LifecycleState === 'Pending' || m.LifecycleState === 'InService');

/** How many liveMembers there are, without listing them (the periodic pass asks every 10 s). */
export function liveMemberCount(group: AutoScalingGroup): number {
  let n = 0;
  for (const id in group.instances) {
    const state = group.instances[id].LifecycleState;
    if (state === 'Pending' || state === 'InService') n++;
  }
  return n;
}

/** Live instances per AZ of the group (every group AZ present, zero when empty). */
export function zoneCounts(group: AutoScalingGroup): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(group.AvailabilityZones.map((z) => [z, 0]));
  for (const m of liveMembers(group)) if (m.AvailabilityZone in counts) counts[m.AvailabilityZone] += 1;
  return counts;
}

/** The AZ to launch into: fewest live instances; ties go to the first in the group's AZ order. */
export function zoneForLaunch(group: AutoScalingGroup): string {
  const counts = zoneCounts(group);
  return group.AvailabilityZones.reduce((best, z) => (counts[z] < counts[best] ? z : best));
}

export interface ScaleInChoice {
  member?: AsgInstance;
  /** How the choice was made, step by step, for the log. */
  reason: string;
}

export function chooseForScaleIn(sim: Simulation, group: AutoScalingGroup): ScaleInChoice {
  const live = liveMembers(group);
  const eligible = live.filter((m) => scaleInVeto(sim, group, m) === undefined);
  if (eligible.length === 0) {
    const why = live.map((m) => scaleInVeto(sim, group, m)).filter(Boolean);
    return { reason: `no instance can be terminated: ${why.join('; ') || 'the group has no InService or Pending instances'}` };
  }
  const steps: string[] = [];
  let pool = eligible;
  const outside = pool.filter((m) => !group.AvailabilityZones.includes(m.AvailabilityZone));
  if (outside.length > 0) {
    pool = outside;
    steps.push(`${outside[0].AvailabilityZone} is no longer one of the group's Availability Zones`);
  } else {
    const counts: Record<string, number> = {};
    for (const m of live) counts[m.AvailabilityZone] = (counts[m.AvailabilityZone] ?? 0) + 1;
    const zones = [...new Set(pool.map((m) => m.AvailabilityZone))];
    const most = Math.max(...zones.map((z) => counts[z]));
    const zone = group.AvailabilityZones.find((z) => zones.includes(z) && counts[z] === most) ?? zones[0];
    pool = pool.filter((m) => m.AvailabilityZone === zone);
    steps.push(`${zone} has the most instances (${most}) with at least one not protected from scale in`);
  }
  const current = currentVersion(sim, group);
  const older = pool.filter((m) => m.LaunchTemplate.LaunchTemplateId !== group.LaunchTemplate.LaunchTemplateId || m.LaunchTemplate.Version !== current);
  if (older.length > 0 && older.length < pool.length) {
    pool = older;
    steps.push(`it uses an older launch template version than the group's current one (${current})`);
  }
  const left = (m: AsgInstance) => 3600 - ((sim.now - m.launchedAt) % 3600);
  const closest = Math.min(...pool.map(left));
  const byHour = pool.filter((m) => left(m) === closest);
  if (byHour.length < pool.length) steps.push('it is closest to the next billing hour');
  pool = byHour;
  const member = pool.length === 1 ? pool[0] : sim.random.pick(pool);
  if (pool.length > 1) steps.push(`chosen at random among ${pool.length} equal candidates`);
  return { member, reason: steps.join(', then ') };
}

function currentVersion(sim: Simulation, group: AutoScalingGroup): string {
  const template = sim.world.launchTemplates[group.LaunchTemplate.LaunchTemplateId];
  const v = template ? resolveVersion(template, group.LaunchTemplate.Version) : undefined;
  return v ? String(v.VersionNumber) : group.LaunchTemplate.Version;
}
