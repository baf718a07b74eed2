/**
 * The group's loop: every pass brings the instances EC2 Auto Scaling knows up to date with EC2
 * (members.ts), then acts on the difference between desired and actual capacity (Pending +
 * InService instances):
 *
 * - fewer: launch the difference, each in the AZ with the fewest instances;
 * - more: terminate the difference, each chosen by the Default termination policy
 *   (termination-policy.ts), never an instance protected from scale in;
 * - equal: Availability Zone rebalancing: if AZs differ by 2 or more (or an instance sits in an AZ
 *   the group no longer uses), launch one instance in the emptiest AZ first; once it is InService the
 *   group is above desired and scale in removes one from the fullest AZ. AWS lets a group exceed its
 *   maximum by 10% (at least 1 instance) while rebalancing; so does the simulator.
 *
 * Timing (AWS publishes none; choices): a pass runs 2 s after any request that changes the group
 * and every 10 s while the group exists (the periodic EC2 health check). A launch that fails is not
 * retried for 10 s, doubling up to 5 minutes.
 */
import type { EventHandler, Simulation } from '../../simulation';
import type { AutoScalingGroup } from '../../world/autoscaling-types';
import { at, startActivity } from './activities';
import { launchInstance } from './launch';
import { launchDetails, refreshMembers, terminateMember } from './members';
import { chooseForScaleIn, liveMemberCount, liveMembers, scaleInVeto, zoneCounts, zoneForLaunch } from './termination-policy';

export const RECONCILE_DELAY_SECONDS = 2;
export const HEALTH_CHECK_INTERVAL_SECONDS = 10;

/** Schedules a reconcile pass soon (after a request changed the group). */
export function requestReconcile(sim: Simulation, group: AutoScalingGroup, delay = RECONCILE_DELAY_SECONDS): void {
  sim.schedule(delay, { type: 'autoscaling.reconcile', group: group.AutoScalingGroupName, arn: group.AutoScalingGroupARN });
}

/** Starts the periodic pass of a new group. */
export function startHealthChecks(sim: Simulation, group: AutoScalingGroup): void {
  sim.schedule(HEALTH_CHECK_INTERVAL_SECONDS, { type: 'autoscaling.tick', group: group.AutoScalingGroupName, arn: group.AutoScalingGroupARN });
}

function groupOf(sim: Simulation, event: Record<string, unknown>): AutoScalingGroup | undefined {
  const group = sim.world.autoScalingGroups[event.group as string];
  return group && group.AutoScalingGroupARN === event.arn ? group : undefined; // a deleted (or recreated) group's events stop
}

export const reconcileEvent: EventHandler = (sim, event) => {
  const group = groupOf(sim, event);
  if (group) reconcile(sim, group);
};

export const tickEvent: EventHandler = (sim, event) => {
  const group = groupOf(sim, event);
  if (!group) return;
  reconcile(sim, group);
  if (sim.world.autoScalingGroups[group.AutoScalingGroupName] === group) startHealthChecks(sim, group);
};

export function reconcile(sim: Simulation, group: AutoScalingGroup): void {
  if (settled(sim, group)) {
    group.pendingCause = undefined;
    return;
  }
  refreshMembers(sim, group);
  if (group.Status === 'Delete in progress') return finishDelete(sim, group);
  const live = liveMemberCount(group);
  if (live < group.DesiredCapacity) scaleOut(sim, group, live);
  else if (live > group.DesiredCapacity) scaleIn(sim, group, live);
  else rebalance(sim, group);
  group.pendingCause = undefined;
}

const withPrefix = (group: AutoScalingGroup, sentence: string) => (group.pendingCause ? `${group.pendingCause}  ${sentence}` : sentence);
const countsText = (group: AutoScalingGroup) =>
  Object.entries(zoneCounts(group))
    .map(([z, n]) => `${z} ${n}`)
    .join(', ');

function scaleOut(sim: Simulation, group: AutoScalingGroup, live: number): void {
  if (group.launchRetryAt !== undefined && sim.now < group.launchRetryAt) return;
  const cause = withPrefix(
    group,
    at(sim, `an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${live} to ${group.DesiredCapacity}.`),
  );
  for (let n = live; n < group.DesiredCapacity; n++) {
    if (!launchOne(sim, group, cause, `to go from ${n} to ${n + 1} of ${group.DesiredCapacity} desired instances`)) return;
  }
}

/** Launches one instance in the emptiest AZ; false (and a Failed activity) when EC2 refused. */
function launchOne(sim: Simulation, group: AutoScalingGroup, cause: string, purpose: string, rebalance = false): boolean {
  const counts = countsText(group);
  const zone = zoneForLaunch(group);
  const result = launchInstance(sim, group, zone);
  if (!result.ok) {
    const failures = (group.launchFailures ?? 0) + 1;
    const retryIn = Math.min(300, 10 * 2 ** (failures - 1));
    group.launchFailures = failures;
    group.launchRetryAt = sim.now + retryIn;
    startActivity(sim, group, {
      Description: `Launching a new EC2 instance.  Status Reason: ${result.reason} Launching EC2 instance failed.`,
      Cause: cause,
      Details: launchDetails(result.subnetId, zone),
      StatusCode: 'Failed',
      StatusMessage: `${result.reason} Launching EC2 instance failed.`,
      Progress: 100,
    });
    sim.emit({
      source: 'autoscaling',
      kind: 'autoscaling.launchFailed',
      resource: group.AutoScalingGroupARN,
      message: `Auto Scaling group ${group.AutoScalingGroupName} could not launch an instance in ${zone}: ${result.reason} It tries again in ${retryIn} seconds.`,
      detail: { availabilityZone: zone, retryInSeconds: retryIn },
    });
    return false;
  }
  group.launchFailures = 0;
  group.launchRetryAt = undefined;
  const { member } = result;
  if (rebalance) member.rebalance = true;
  const activity = startActivity(sim, group, {
    Description: `Launching a new EC2 instance: ${member.InstanceId}`,
    Cause: cause,
    Details: launchDetails(result.subnetId, zone),
    instanceId: member.InstanceId,
    Progress: 50,
  });
  member.launchActivityId = activity.ActivityId;
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.launch',
    resource: group.AutoScalingGroupARN,
    message:
      `Auto Scaling group ${group.AutoScalingGroupName} launched ${member.InstanceId} (${member.InstanceType}, launch template ${member.LaunchTemplate.LaunchTemplateName} version ${member.LaunchTemplate.Version}) ` +
      `in ${zone}, the Availability Zone with the fewest instances (${counts}), ${purpose}.` +
      (member.ProtectedFromScaleIn ? ' New instances are protected from scale in.' : ''),
    detail: { instanceId: member.InstanceId, availabilityZone: zone, activityId: activity.ActivityId },
  });
  return true;
}

function scaleIn(sim: Simulation, group: AutoScalingGroup, live: number): void {
  // Rebalancing launches first and terminates once the new instance is in service.
  if (liveMembers(group).some((m) => m.rebalance && m.LifecycleState === 'Pending')) return;
  const cause = withPrefix(
    group,
    at(sim, `an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${live} to ${group.DesiredCapacity}.`),
  );
  for (let n = live; n > group.DesiredCapacity; n--) {
    const choice = chooseForScaleIn(sim, group);
    if (!choice.member) {
      const text = `Auto Scaling group ${group.AutoScalingGroupName} cannot scale in from ${n} to ${group.DesiredCapacity} instances: ${choice.reason}.`;
      if (group.scaleInBlocked !== text) {
        group.scaleInBlocked = text;
        sim.emit({ source: 'autoscaling', kind: 'autoscaling.scaleInBlocked', resource: group.AutoScalingGroupARN, message: text });
      }
      return;
    }
    group.scaleInBlocked = undefined;
    terminateMember(sim, group, choice.member, cause, `scale in from ${n} to ${n - 1} (desired ${group.DesiredCapacity}); Default termination policy: ${choice.reason}`);
  }
}

function rebalance(sim: Simulation, group: AutoScalingGroup): void {
  if (balanced(group)) return;
  const members = Object.values(group.instances);
  if (members.length === 0 || members.some((m) => m.LifecycleState !== 'InService')) return;
  const counts = zoneCounts(group);
  const values = Object.values(counts);
  const outside = members.filter((m) => !(m.AvailabilityZone in counts));
  const spread = Math.max(...values) - Math.min(...values);
  if (outside.length === 0 && spread < 2) return;
  // Only worth it if scale in would then take an instance from a fullest AZ (or outside the group's AZs).
  const fullest = Math.max(...values);
  const removable = members.some(
    (m) => scaleInVeto(sim, group, m) === undefined && (!(m.AvailabilityZone in counts) || counts[m.AvailabilityZone] === fullest),
  );
  const margin = Math.max(1, Math.ceil(group.MaxSize * 0.1));
  if (!removable || members.length + 1 > group.MaxSize + margin) return;
  const why = outside.length > 0 ? `${outside[0].InstanceId} is in ${outside[0].AvailabilityZone}, no longer one of the group's zones` : `its zones are unbalanced (${countsText(group)})`;
  launchOne(sim, group, at(sim, "an instance was launched to aid in balancing the group's zones."), `to rebalance: ${why}; an instance in the fullest zone is terminated once this one is InService`, true);
}

/**
 * The periodic pass's common case in one walk, without lists: every member InService on a running
 * instance (refreshMembers has nothing to bring up to date), as many as desired (no scale out or
 * in), in the group's AZs and balanced (rebalance has nothing to do). The pass then changes nothing.
 */
function settled(sim: Simulation, group: AutoScalingGroup): boolean {
  if (group.Status === 'Delete in progress') return false;
  const counts: number[] = group.AvailabilityZones.map(() => 0);
  let members = 0;
  for (const id in group.instances) {
    const m = group.instances[id];
    if (m.LifecycleState !== 'InService' || sim.world.instances[m.InstanceId]?.State.Name !== 'running') return false;
    const z = group.AvailabilityZones.indexOf(m.AvailabilityZone);
    if (z < 0) return false;
    counts[z]++;
    members++;
  }
  return members === group.DesiredCapacity && (members === 0 || Math.max(...counts) - Math.min(...counts) < 2);
}

/**
 * True when rebalance has nothing to do: no member, or one not InService, or every member InService
 * in one of the group's AZs and the AZs' counts differ by less than 2. One walk without lists: the
 * group's periodic pass (every 10 s) nearly always ends here.
 */
function balanced(group: AutoScalingGroup): boolean {
  const counts: number[] = group.AvailabilityZones.map(() => 0);
  let members = 0;
  for (const id in group.instances) {
    const m = group.instances[id];
    members++;
    if (m.LifecycleState !== 'InService') return true;
    const z = group.AvailabilityZones.indexOf(m.AvailabilityZone);
    if (z < 0) return false; // outside the group's AZs: rebalance decides
    counts[z]++;
  }
  return members === 0 || Math.max(...counts) - Math.min(...counts) < 2;
}

function finishDelete(sim: Simulation, group: AutoScalingGroup): void {
  const cause = withPrefix(group, at(sim, 'an instance was taken out of service in response to a user request to delete the AutoScalingGroup.'));
  for (const m of liveMembers(group)) terminateMember(sim, group, m, cause, 'the group is being deleted with ForceDelete, which terminates every instance, protected or not');
  group.pendingCause = undefined;
  if (Object.keys(group.instances).length > 0) return;
  delete sim.world.autoScalingGroups[group.AutoScalingGroupName];
  sim.emit({
    source: 'autoscaling',
    kind: 'autoscaling.deleted',
    resource: group.AutoScalingGroupARN,
    message: `Auto Scaling group ${group.AutoScalingGroupName} is deleted: all of its instances are terminated.`,
  });
}
